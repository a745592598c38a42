import type { ProcedureRow } from "../../db/schema/index.js";
import type { AgencyUnitKind } from "../agency-units/agency-unit.types.js";
import { parseProcedureCode } from "./procedure-code.js";
import { type OneStopKind, type OnlineKind, Procedure, type ProcedureLevel } from "./procedure.types.js";

/** The one place rows become API objects. */
export function toProcedure(row: ProcedureRow): Procedure {
  const code = parseProcedureCode(row.code);
  return Object.assign(new Procedure(), {
    id: row.id,
    ownerUnitId: row.ownerUnitId,
    publishedById: row.publishedById,
    code: row.code,
    nationalCode: code?.nationalCode ?? row.code,
    isLocalVariant: code?.agencyCode != null,
    name: row.name,
    field: row.field,
    level: row.level as ProcedureLevel,
    implementingKinds: row.implementingKinds as AgencyUnitKind[],
    statutoryDays: Number(row.statutoryDays),
    committedDays: Number(row.committedDays),
    hasReducedTime: Number(row.committedDays) < Number(row.statutoryDays),
    feeVnd: row.feeVnd === null ? null : Number(row.feeVnd),
    feeNote: row.feeNote,
    onlineKind: row.onlineKind as OnlineKind,
    oneStopKind: row.oneStopKind as OneStopKind,
    postal: row.postal,
    iso9001: row.iso9001,
    isDemo: row.demo,
    updatedAt: row.updatedAt,
  });
}
