import DataLoader from "dataloader";
import type { Db } from "../../../db/client.js";
import { toProcedure } from "../../procedures/procedure.mapper.js";
import type { Procedure } from "../../procedures/procedure.types.js";
import { findEventsByDossierIds } from "../dossier-event-log.store.js";
import { toDossierEvent } from "../dossier.mapper.js";
import { findProceduresByIds } from "./dossier-query.store.js";
import type { DossierEvent } from "../dossier.types.js";

/** Per-request loaders of the dossier domain; each batch function answers every key, in key order. */
export function createDossierLoaders(db: Db) {
  return {
    /** A procedure by internal id (the procedure of a dossier); null when absent. */
    procedureById: new DataLoader<number, Procedure | null>(async (ids) => {
      const byId = new Map((await findProceduresByIds(db, ids)).map((row) => [row.id, toProcedure(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The whole history of a dossier, in log order. */
    eventsByDossierId: new DataLoader<number, DossierEvent[]>(async (ids) => {
      const byDossier = new Map<number, DossierEvent[]>(ids.map((id) => [id, []]));
      for (const row of await findEventsByDossierIds(db, ids)) byDossier.get(row.dossierId)?.push(toDossierEvent(row));
      return ids.map((id) => byDossier.get(id)!);
    }),
  };
}
