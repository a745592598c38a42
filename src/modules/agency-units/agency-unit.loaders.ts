import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agencyUnits } from "../../db/schema/index.js";
import { toAgencyUnit } from "./agency-unit.mapper.js";
import type { AgencyUnit } from "./agency-unit.types.js";

/** Per-request loaders of agency units; each batch function answers every key, in key order. */
export function createAgencyUnitLoaders(db: Db) {
  return {
    /** A unit by internal id; null when absent. */
    byId: new DataLoader<number, AgencyUnit | null>(async (ids) => {
      const rows = await db.select().from(agencyUnits).where(inArray(agencyUnits.id, [...ids]));
      const byId = new Map(rows.map((row) => [row.id, toAgencyUnit(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
