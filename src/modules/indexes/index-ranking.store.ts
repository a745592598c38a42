import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agencyUnits, type AgencyUnitRow } from "../../db/schema/agency-units.js";
import { indexCriteria, indexResults, indexScores, type IndexResultRow } from "../../db/schema/indexes.js";

/** Points of one unit in one field, summed over its scored leaves. */
export interface FieldPointsRow {
  unitId: number;
  /** The field's code: the first segment of the leaf codes. */
  field: string;
  /** Exact decimal sum, e.g. `"8.25"`. */
  points: string;
  /** How many leaves of the field the unit has scores for. */
  scored: number;
}

/** Units strictly below the unit at `parentPath` (any depth); no condition for the whole country. */
function below(parentPath: string | null): SQL | undefined {
  return parentPath === null
    ? undefined
    : and(sql`${agencyUnits.path} <@ ${parentPath}::ltree`, sql`${agencyUnits.path} <> ${parentPath}::ltree`);
}

/**
 * Per unit and field, the sum of the counted points (appraised, else self-assessed, plus survey) of the unit's
 * scored leaves, for the units below `parentPath`. One statement, aggregated in the database: a country-wide
 * ranking of communes reads one row per commune and field, not one per score.
 */
export async function fieldPoints(db: Db, frameworkId: number, year: number, parentPath: string | null): Promise<FieldPointsRow[]> {
  const field = sql<string>`split_part(${indexCriteria.code}, '.', 1)`;
  const rows = await db
    .select({
      unitId: indexScores.unitId,
      field,
      points: sql<string>`sum(coalesce(${indexScores.appraisedScore}, ${indexScores.selfScore}, 0) + coalesce(${indexScores.surveyScore}, 0))::text`,
      scored: sql<number>`count(*)::int`,
    })
    .from(indexScores)
    .innerJoin(indexCriteria, eq(indexCriteria.id, indexScores.criterionId))
    .innerJoin(agencyUnits, eq(agencyUnits.id, indexScores.unitId))
    .where(and(eq(indexScores.frameworkId, frameworkId), eq(indexScores.year, year), below(parentPath)))
    .groupBy(indexScores.unitId, field);
  return rows.map((row) => ({ ...row, scored: Number(row.scored) }));
}

/** Units by internal id. */
export async function unitsByIds(db: Db, ids: readonly number[]): Promise<AgencyUnitRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(agencyUnits).where(inArray(agencyUnits.id, [...ids]));
}

/** The published results of a year for the units below `parentPath`, each with its unit. */
export async function publishedResults(
  db: Db,
  frameworkId: number,
  year: number,
  parentPath: string | null,
): Promise<{ result: IndexResultRow; unit: AgencyUnitRow }[]> {
  return db
    .select({ result: indexResults, unit: agencyUnits })
    .from(indexResults)
    .innerJoin(agencyUnits, eq(agencyUnits.id, indexResults.unitId))
    .where(and(eq(indexResults.frameworkId, frameworkId), eq(indexResults.year, year), below(parentPath)));
}

/** Every unit that ever carried the code (a code is reused by successor units). */
export async function unitsWithCode(db: Db, code: string): Promise<AgencyUnitRow[]> {
  return db.select().from(agencyUnits).where(eq(agencyUnits.code, code));
}
