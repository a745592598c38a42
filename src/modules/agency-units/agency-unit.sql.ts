/**
 * SQL fragments of the agency-unit domain that other modules' statements embed (a subquery naming a unit by code
 * on a date): the one definition of "the unit a code names", shared so that no module queries the units table its
 * own way.
 */
import { sql, type SQL } from "drizzle-orm";
import { agencyUnits } from "../../db/schema/index.js";

/** Orders the units that carried one code: the one valid on `asOf` first, then the most recent. */
export function namedOnFirst(asOf: string | SQL): SQL[] {
  return [
    sql`(${agencyUnits.validFrom} IS NULL OR ${agencyUnits.validFrom} <= ${asOf}) AND (${agencyUnits.validTo} IS NULL OR ${agencyUnits.validTo} >= ${asOf}) DESC`,
    sql`${agencyUnits.validFrom} DESC NULLS LAST`,
  ];
}

/** {@link findUnitByCode} as a subquery yielding the unit's id, for statements that need the unit and more. */
export function unitIdNamedOn(code: string | SQL, asOf: string | SQL): SQL {
  return sql`(SELECT ${agencyUnits.id} FROM ${agencyUnits} WHERE ${agencyUnits.code} = ${code}
    ORDER BY ${sql.join(namedOnFirst(asOf), sql`, `)} LIMIT 1)`;
}
