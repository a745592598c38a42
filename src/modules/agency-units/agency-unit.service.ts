import type { Context } from "../../context.js";
import { BadInputError } from "../../shared/errors.js";
import { pageRequest, toConnection, type PageRequest } from "../../shared/pagination.js";
import { vnToday } from "../../shared/scalars.js";
import { ancestorIdsOf, isAgencyCode, levelOfKind, referenceDate } from "./agency-unit.codes.js";
import type { AgencyUnitFilter } from "./agency-unit.inputs.js";
import { toAgencyUnit } from "./agency-unit.mapper.js";
import type { Db, Tx } from "../../db/client.js";
import type { AgencyUnitRow } from "../../db/schema/index.js";
import {
  countUnits, findUnitByCode, findUnitsByAnyCodes, findUnitsByCodes, findUnitsByIds, findUnitWithSubtreeSize, unitPage,
  type UnitListWhere, type UnitPageRow, type UnitView,
} from "./agency-unit.store.js";
import {
  AdministrativeLevel,
  AgencyUnit,
  AgencyUnitConnection,
  type AgencyUnitKind,
  type AgencyUnitLink,
} from "./agency-unit.types.js";

const MAX_SEARCH = 200;
/** Cursor kinds: a cursor of a ranked search list is not a position in a code-ordered list, and vice versa. */
const BY_CODE = "AgencyUnit";
const BY_RANK = "AgencyUnitSearch";

/**
 * The unit `code` names on `asOf` (default today in Vietnam); when none is valid that day, the latest unit that
 * carried the code, so a dissolved unit is still found. `null` when no unit ever had the code.
 */
export async function getAgencyUnit(ctx: Context, code: string, asOf: string | null | undefined): Promise<AgencyUnit | null> {
  const trimmed = code.trim();
  if (!isAgencyCode(trimmed)) throw new BadInputError("code", "must be an electronic agency code NNN.NN.NN.XNN, e.g. 000.00.00.H30");
  const row = await findUnitByCode(ctx.db, trimmed, asOf ?? vnToday());
  return row ? toAgencyUnit(row) : null;
}

/** A page of units matching the filter; see {@link AgencyUnitFilter}. */
export async function listAgencyUnits(
  ctx: Context,
  filter: AgencyUnitFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<AgencyUnitConnection> {
  const today = vnToday();
  const asOf = filter?.asOf ?? today;
  const search = cleanSearch(filter?.search);
  // A search without a day looks through every unit that ever existed, today's first.
  const where: UnitListWhere = search !== undefined && !filter?.asOf ? { asOf: null, currentOn: today } : { asOf };
  if (search !== undefined) where.search = search;
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.parentCode != null) {
    const parent = await findUnitByCode(ctx.db, filter.parentCode.trim(), asOf);
    if (!parent) throw new BadInputError("filter.parentCode", `no agency unit has code ${JSON.stringify(filter.parentCode)}`);
    where.parentId = parent.id;
  }
  return pageOfUnits(ctx, where, pageRequest(search === undefined ? BY_CODE : BY_RANK, first, after));
}

/**
 * The units strictly below `unit` that exist on `asOf` (default: the unit's reference day, see
 * {@link referenceDate}), optionally of one kind, by code.
 */
export async function descendantsOf(
  ctx: Context,
  unit: AgencyUnit,
  kind: AgencyUnitKind | null | undefined,
  asOf: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<AgencyUnitConnection> {
  const where: UnitListWhere = { below: unit.path, asOf: asOf ?? referenceDate(unit, vnToday()) };
  if (kind) where.kind = kind;
  return pageOfUnits(ctx, where, pageRequest(BY_CODE, first, after));
}

async function pageOfUnits(ctx: Context, where: UnitListWhere, page: PageRequest): Promise<AgencyUnitConnection> {
  const ranked = where.search !== undefined;
  const rows = await unitPage(ctx.db, where, page.first + 1, checkedCursor(ranked, page.after));
  const connection = toConnection(
    ranked ? BY_RANK : BY_CODE,
    rows,
    page,
    (row) => (ranked ? [row.rank, row.unit.code, row.unit.id] : [row.unit.code, row.unit.id]),
    (row: UnitPageRow) => toAgencyUnit(row.unit),
    () => countUnits(ctx.db, where),
  );
  return Object.assign(new AgencyUnitConnection(), connection);
}

/** Cursor values come from the client: check their types so a forged cursor is bad input, not a SQL error. */
function checkedCursor(ranked: boolean, after: unknown[] | undefined): unknown[] | undefined {
  if (after === undefined) return undefined;
  const valid = !ranked
    ? after.length === 2 && typeof after[0] === "string" && Number.isInteger(after[1])
    : after.length === 3 && typeof after[0] === "string" && /^\d+(\.\d+)?$/.test(after[0]) && typeof after[1] === "string" && Number.isInteger(after[2]);
  if (!valid) throw new BadInputError("after", "is not a cursor of this list");
  return after;
}

function cleanSearch(search: string | null | undefined): string | undefined {
  const text = search?.normalize("NFC").replace(/\s+/g, " ").trim() ?? "";
  if (text === "") return undefined;
  if (text.length > MAX_SEARCH) throw new BadInputError("filter.search", `must be at most ${MAX_SEARCH} characters`);
  return text;
}

/** The unit's parent; null for a root. */
export function parentOf(ctx: Context, unit: AgencyUnit): Promise<AgencyUnit | null> {
  return unit.parentId === null ? Promise.resolve(null) : ctx.loaders.agencyUnits.byId.load(unit.parentId);
}

/**
 * The unit's children that exist on `asOf`, by code; without `asOf`, on the unit's reference day (today, or the
 * unit's last day when it no longer exists). Batched across the request by the `children` loader.
 */
export function childrenOf(ctx: Context, unit: AgencyUnit, asOf: string | null | undefined, kind: AgencyUnitKind | null | undefined): Promise<AgencyUnit[]> {
  return ctx.loaders.agencyUnits.children.load({ parentId: unit.id, asOf: asOf ?? referenceDate(unit, vnToday()), kind: kind ?? null });
}

/** The unit's ancestors, root first, read from its path through the `byId` loader. */
export async function ancestorsOf(ctx: Context, unit: AgencyUnit): Promise<AgencyUnit[]> {
  const found = await ctx.loaders.agencyUnits.byId.loadMany(ancestorIdsOf(unit.path));
  return found.filter((item): item is AgencyUnit => item instanceof AgencyUnit);
}

/** The tier of government: from the kind, or for a service unit from its nearest ancestor of another kind. */
export async function levelOf(ctx: Context, unit: AgencyUnit): Promise<AdministrativeLevel> {
  const own = levelOfKind(unit.kind);
  if (own !== null) return own;
  const ancestors = await ancestorsOf(ctx, unit);
  for (const ancestor of ancestors.reverse()) {
    const level = levelOfKind(ancestor.kind);
    if (level !== null) return level;
  }
  // A service unit outside any territorial tree answers to a central body.
  return AdministrativeLevel.CENTRAL;
}

/** True when the unit exists today in Vietnam. */
export function isCurrent(unit: AgencyUnit): boolean {
  const today = vnToday();
  return (unit.validFrom === null || unit.validFrom <= today) && (unit.validTo === null || unit.validTo >= today);
}

/** The links to the units that succeeded this one. */
export function successorsOf(ctx: Context, unit: AgencyUnit): Promise<AgencyUnitLink[]> {
  return ctx.loaders.agencyUnits.successors.load(unit.id);
}

/** The links from the units this one succeeded. */
export function predecessorsOf(ctx: Context, unit: AgencyUnit): Promise<AgencyUnitLink[]> {
  return ctx.loaders.agencyUnits.predecessors.load(unit.id);
}

// Look-ups other modules make of the units table (the agency-units module owns it; no other store reads it).

/** The unit row `code` names on `asOf`, or the most recent one that carried the code; undefined when none did. */
export function unitRowByCode(db: Db | Tx, code: string, asOf: string): Promise<AgencyUnitRow | undefined> {
  return findUnitByCode(db, code, asOf);
}

/** The unit rows these codes name on `asOf`, keyed by code (a code names at most one unit a day). */
export function unitRowsByCodes(db: Db | Tx, codes: readonly string[], asOf: string): Promise<Map<string, AgencyUnitRow>> {
  return findUnitsByCodes(db, codes, asOf);
}

/** Every unit row that ever carried one of these codes (a batch picks the one valid on each item's date). */
export function unitRowsEverCoded(db: Db | Tx, codes: readonly string[]): Promise<AgencyUnitRow[]> {
  return findUnitsByAnyCodes(db, codes);
}

/** The unit `code` names on `asOf` (as `unitRowByCode`) with its path and the number of units in its subtree. */
export function unitWithSubtreeSize(db: Db | Tx, code: string, asOf: string): Promise<{ id: number; path: string; unitCount: number } | undefined> {
  return findUnitWithSubtreeSize(db, code, asOf);
}

/** Units by internal id, as the API shows them, in no particular order. */
export function unitViewsByIds(db: Db | Tx, ids: readonly number[]): Promise<UnitView[]> {
  return findUnitsByIds(db, ids);
}
