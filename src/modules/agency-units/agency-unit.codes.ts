import { AdministrativeLevel, AgencyUnitKind } from "./agency-unit.types.js";

/** Decision 20/2020/QĐ-TTg: three digit groups 3.2.2, then a capital letter and two digits. */
const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** True for a well-formed electronic agency code, e.g. `000.00.00.H30` or `000.17.22.H56`. */
export function isAgencyCode(value: string): boolean {
  return AGENCY_CODE.test(value);
}

/** The GSO code length of a territorial kind; `null` for kinds that carry no GSO code. */
export function gsoLengthOf(kind: AgencyUnitKind): number | null {
  switch (kind) {
    case AgencyUnitKind.PROVINCE:
      return 2;
    case AgencyUnitKind.DISTRICT:
      return 3;
    case AgencyUnitKind.COMMUNE:
    case AgencyUnitKind.WARD:
    case AgencyUnitKind.TOWNSHIP:
      return 5;
    case AgencyUnitKind.MINISTRY:
    case AgencyUnitKind.PROVINCIAL_DEPARTMENT:
    case AgencyUnitKind.DISTRICT_OFFICE:
    case AgencyUnitKind.SERVICE_UNIT:
      return null;
    default:
      return assertNever(kind);
  }
}

/**
 * A problem with a GSO code for a unit of `kind`, or `null` when it is fine. Non-territorial units have no GSO
 * code, so giving one is a mistake rather than something to store.
 */
export function gsoCodeProblem(kind: AgencyUnitKind, gsoCode: string): string | null {
  const length = gsoLengthOf(kind);
  if (length === null) return `gsoCode: a ${kind} has no GSO code (only provinces, districts, communes, wards and townships do)`;
  if (!/^\d+$/.test(gsoCode)) return "gsoCode must contain digits only";
  if (gsoCode.length !== length) return `gsoCode of a ${kind} must have ${length} digits (got ${gsoCode.length})`;
  return null;
}

/**
 * The tier of government a kind belongs to; `null` for a service unit, whose tier is that of the nearest
 * ancestor that is not a service unit.
 */
export function levelOfKind(kind: AgencyUnitKind): AdministrativeLevel | null {
  switch (kind) {
    case AgencyUnitKind.MINISTRY:
      return AdministrativeLevel.CENTRAL;
    case AgencyUnitKind.PROVINCE:
    case AgencyUnitKind.PROVINCIAL_DEPARTMENT:
      return AdministrativeLevel.PROVINCE;
    case AgencyUnitKind.DISTRICT:
    case AgencyUnitKind.DISTRICT_OFFICE:
      return AdministrativeLevel.DISTRICT;
    case AgencyUnitKind.COMMUNE:
    case AgencyUnitKind.WARD:
    case AgencyUnitKind.TOWNSHIP:
      return AdministrativeLevel.COMMUNE;
    case AgencyUnitKind.SERVICE_UNIT:
      return null;
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled agency unit kind ${String(value)}`);
}

/** The ids of a unit's ancestors, root first, read from its ltree path (labels are ids). */
export function ancestorIdsOf(path: string): number[] {
  return path.split(".").slice(0, -1).map(Number);
}

/** The path of a unit's parent (`null` for a root): the parent location write permissions are checked at. */
export function parentPathOf(path: string): string | null {
  const cut = path.lastIndexOf(".");
  return cut < 0 ? null : path.slice(0, cut);
}

/**
 * The day a unit's relations are read on when the caller gives none: today, clamped into the unit's validity, so a
 * dissolved unit shows its tree as on its last day and a future unit as on its first.
 */
export function referenceDate(unit: { validFrom: string | null; validTo: string | null }, today: string): string {
  if (unit.validTo !== null && unit.validTo < today) return unit.validTo;
  if (unit.validFrom !== null && unit.validFrom > today) return unit.validFrom;
  return today;
}

/** The day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
