import { and, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agencyUnits, type AgencyUnitRow } from "../../db/schema/index.js";

/** SQL condition: the unit is valid on `date` (YYYY-MM-DD). */
export function validOn(date: string) {
  return and(
    or(isNull(agencyUnits.validFrom), lte(agencyUnits.validFrom, date)),
    or(isNull(agencyUnits.validTo), gte(agencyUnits.validTo, date)),
  );
}

/**
 * The units with these codes valid on `asOf`, keyed by code. A code is reused by successor units, so it names at
 * most one unit on a given day.
 */
export async function findUnitsByCodes(db: Db | Tx, codes: readonly string[], asOf: string): Promise<Map<string, AgencyUnitRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select()
    .from(agencyUnits)
    .where(and(inArray(agencyUnits.code, [...new Set(codes)]), validOn(asOf)));
  return new Map(rows.map((row) => [row.code, row]));
}

/**
 * The unit a code names on `asOf`, or — when none is valid that day — the most recent unit that carried the code
 * (a lookup of a dissolved unit still finds it).
 */
export async function findUnitByCode(db: Db | Tx, code: string, asOf: string): Promise<AgencyUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyUnits)
    .where(sql`${agencyUnits.code} = ${code}`)
    .orderBy(
      sql`(${agencyUnits.validFrom} IS NULL OR ${agencyUnits.validFrom} <= ${asOf}) AND (${agencyUnits.validTo} IS NULL OR ${agencyUnits.validTo} >= ${asOf}) DESC`,
      sql`${agencyUnits.validFrom} DESC NULLS LAST`,
    )
    .limit(1);
  return row;
}
