import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import type { IndexCriterionRow } from "../../db/schema/indexes.js";
import { findCriteria } from "./par-index.store.js";

/** Per-request loaders of index frameworks; each batch function answers every key, in key order. */
export function createIndexLoaders(db: Db) {
  return {
    /** The criteria rows of a framework by internal id, by position: one query for all frameworks of a request. */
    criteria: new DataLoader<number, IndexCriterionRow[]>(async (ids) => {
      const byFramework = new Map<number, IndexCriterionRow[]>();
      for (const row of await findCriteria(db, ids)) {
        const list = byFramework.get(row.frameworkId);
        if (list) list.push(row);
        else byFramework.set(row.frameworkId, [row]);
      }
      return ids.map((id) => byFramework.get(id) ?? []);
    }),
  };
}
