import DataLoader from "dataloader";
import type { Db } from "../../../db/client.js";
import { findEventsByDossierIds } from "../dossier-event-log.store.js";
import { toDossierEvent } from "../dossier.mapper.js";
import type { DossierEvent } from "../dossier.types.js";

/** Per-request loaders of the dossier domain; each batch function answers every key, in key order. */
export function createDossierLoaders(db: Db) {
  return {
    /** The whole history of a dossier, in log order. */
    eventsByDossierId: new DataLoader<number, DossierEvent[]>(async (ids) => {
      const byDossier = new Map<number, DossierEvent[]>(ids.map((id) => [id, []]));
      for (const row of await findEventsByDossierIds(db, ids)) byDossier.get(row.dossierId)?.push(toDossierEvent(row));
      return ids.map((id) => byDossier.get(id)!);
    }),
  };
}
