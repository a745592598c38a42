import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { toAgencyUnit } from "../agency-units/agency-unit.mapper.js";
import type { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { toProcedure } from "./procedure.mapper.js";
import { agenciesOfProcedures, findProceduresByIds, proceduresOfUnits } from "./procedure.store.js";
import type { Procedure } from "./procedure.types.js";

/** Per-request loaders of procedures; each batch function answers every key, in key order. */
export function createProcedureLoaders(db: Db) {
  const byUnitFirst = new Map<number, DataLoader<number, Procedure[]>>();
  return {
    /** A procedure by internal id (e.g. the procedure of a dossier); null when absent. */
    byId: new DataLoader<number, Procedure | null>(async (ids) => {
      const byId = new Map((await findProceduresByIds(db, ids)).map((row) => [row.id, toProcedure(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The implementing units of a procedure, by agency code. */
    agencies: new DataLoader<number, AgencyUnit[]>(async (ids) => {
      const byId = new Map<number, AgencyUnit[]>(ids.map((id) => [id, []]));
      for (const row of await agenciesOfProcedures(db, ids)) byId.get(row.procedureId)?.push(toAgencyUnit(row.unit));
      return ids.map((id) => byId.get(id)!);
    }),
    /** The first `first` procedures (code order) each unit implements or owns; one loader per page size. */
    byUnit(first: number): DataLoader<number, Procedure[]> {
      let loader = byUnitFirst.get(first);
      if (!loader) {
        loader = new DataLoader<number, Procedure[]>(async (unitIds) => {
          const byUnit = new Map<number, Procedure[]>(unitIds.map((id) => [id, []]));
          for (const { unitId, row } of await proceduresOfUnits(db, unitIds, first)) byUnit.get(unitId)?.push(toProcedure(row));
          return unitIds.map((id) => byUnit.get(id)!);
        });
        byUnitFirst.set(first, loader);
      }
      return loader;
    },
  };
}
