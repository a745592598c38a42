import type { AgencyUnitRow } from "../../db/schema/index.js";
import type { UnitView } from "./agency-unit.store.js";
import { AgencyUnit, type AgencyUnitKind, AgencyUnitLink, type AgencyUnitLinkKind } from "./agency-unit.types.js";

/** The one place rows become API objects. */
export function toAgencyUnit(row: UnitView): AgencyUnit {
  return Object.assign(new AgencyUnit(), {
    id: row.id,
    path: row.path,
    parentId: row.parentId,
    code: row.code,
    gsoCode: row.gsoCode,
    name: row.name,
    kind: row.kind as AgencyUnitKind,
    validFrom: row.validFrom,
    validTo: row.validTo,
    address: row.address,
    isDemo: row.demo,
  });
}

/** A link row joined with the unit at its other end. */
export function toAgencyUnitLink(kind: string, effectiveOn: string | null, other: AgencyUnitRow): AgencyUnitLink {
  return Object.assign(new AgencyUnitLink(), { kind: kind as AgencyUnitLinkKind, effectiveOn, unit: toAgencyUnit(other) });
}
