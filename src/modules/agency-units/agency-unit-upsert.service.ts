import type { Tx } from "../../db/client.js";
import type { AgencyUnitRow } from "../../db/schema/index.js";
import { ItemError, runBatch, type BatchContext, type BatchResult, type ItemOutcome } from "../../shared/batch.js";
import { vnToday } from "../../shared/scalars.js";
import { cleanText } from "../../shared/text.js";
import { assertWriter, canWriteAt, canWriteNational, isWithin } from "../access/access.service.js";
import { moveUnitRollups } from "../rollups/rollup.service.js";
import type { Viewer } from "../access/viewer.js";
import { gsoCodeProblem, isAgencyCode, nextDay, parentPathOf, referenceDate } from "./agency-unit.codes.js";
import type { AgencyUnitInput, AgencyUnitSuccessorInput } from "./agency-unit.inputs.js";
import { findOverlapping, findUnitByCode } from "./agency-unit.store.js";
import {
  findSuccessorLinks,
  insertUnit,
  lockUnitByIdentity,
  lockUnitValidOn,
  moveSubtree,
  replaceSuccessorLinks,
  updateUnit,
  type SuccessorLink,
  type UnitValues,
} from "./agency-unit-writes.store.js";

const MAX_NAME = 255;
const MAX_ADDRESS = 500;
const MAX_SUCCESSORS = 50;
const CODE_RULE = "an electronic agency code NNN.NN.NN.XNN (Decision 20/2020/QĐ-TTg), e.g. 000.17.22.H56";

/** The item error codes of a units write (`REQUIRED` and `TOO_LONG` also come from `cleanText`). */
export type AgencyUnitErrorCode =
  | "INVALID_FORMAT"
  | "INVALID_DATE"
  | "UNKNOWN_REFERENCE"
  | "INVALID_REFERENCE"
  | "CYCLE"
  | "CONFLICT"
  | "FORBIDDEN"
  | "TOO_LONG";

function fail(code: AgencyUnitErrorCode, message: string, field: string): ItemError {
  return new ItemError(code, message, field);
}

/** Internal options of a units write; not reachable through the API. */
export interface UpsertAgencyUnitsOptions {
  /** Mark the written units as demo data (the demo loader writes through this service). */
  demo?: boolean;
}

/**
 * Creates or updates agency units, each item in its own transaction (see {@link AgencyUnitInput} for identity).
 * The caller needs a writing role; each item needs write access at the unit's parent location (old and new
 * location when a unit moves; national access for a root unit).
 */
export async function upsertAgencyUnits(
  ctx: BatchContext,
  input: AgencyUnitInput[],
  options: UpsertAgencyUnitsOptions = {},
): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  const today = vnToday();
  return runBatch(ctx, "upsertAgencyUnits", input, (item) => item.code, (tx, item) =>
    mapConstraintErrors(() => upsertOne(tx, ctx.viewer, item, options.demo ?? false, today)),
  );
}

async function upsertOne(tx: Tx, viewer: Viewer, item: AgencyUnitInput, demo: boolean, today: string): Promise<ItemOutcome> {
  const code = checkedCode("code", item.code);
  const name = cleanText("name", item.name, MAX_NAME);
  const address = cleanText("address", item.address, MAX_ADDRESS, true);
  const validFrom = item.validFrom ?? null;
  const validTo = item.validTo ?? null;
  if (validFrom !== null && validTo !== null && validTo < validFrom) {
    throw fail("INVALID_DATE", `validTo (${validTo}) must not be before validFrom (${validFrom})`, "validTo");
  }
  const gsoCode = item.gsoCode?.trim() || null;
  const gsoProblem = gsoCode === null ? null : gsoCodeProblem(item.kind, gsoCode);
  if (gsoProblem !== null) throw fail("INVALID_FORMAT", gsoProblem, "gsoCode");

  const existing = await lockUnitByIdentity(tx, code, validFrom);
  // The parent is the unit its code names when the child starts to exist, or — for a child whose start is not
  // recorded — today, or the child's last day if it no longer exists.
  const parentDate = validFrom ?? referenceDate({ validFrom: null, validTo }, today);
  const parent = await resolveParent(tx, item.parentCode, parentDate);

  const writable = (path: string | null) => (path === null ? canWriteNational(viewer) : canWriteAt(viewer, path));
  const allowed = existing
    ? writable(parentPathOf(existing.path)) && writable(parent?.path ?? null)
    : writable(parent?.path ?? null);
  if (!allowed) {
    throw fail("FORBIDDEN", "this token may not write agency units at this location (parentCode)", "parentCode");
  }
  if (existing && parent && isWithin(parent.path, existing.path)) {
    throw fail("CYCLE", `parentCode ${parent.code} is this unit or one of its descendants`, "parentCode");
  }
  const [overlap] = await findOverlapping(tx, code, validFrom, validTo, existing?.id ?? null);
  if (overlap) {
    throw fail(
      "CONFLICT",
      `another unit with code ${code} exists ${span(overlap.validFrom, overlap.validTo)}; a unit reusing a code ` +
        "needs a validity (validFrom..validTo) that does not overlap it",
      "validFrom",
    );
  }
  const successors =
    item.successors == null ? null : await resolveSuccessors(tx, item.successors, validTo, today, existing?.id ?? null);

  const values: UnitValues = { code, name, kind: item.kind, parentId: parent?.id ?? null, gsoCode, validFrom, validTo, address, demo };
  if (!existing) {
    const row = await insertUnit(tx, values, parent?.path ?? null);
    if (successors?.length) await replaceSuccessorLinks(tx, row.id, successors);
    return "applied";
  }
  const linksChanged = successors !== null && !sameLinks(await findSuccessorLinks(tx, existing.id), successors);
  if (sameValues(existing, values) && !linksChanged) return "unchanged";
  await updateUnit(tx, existing.id, values);
  if (existing.parentId !== values.parentId) {
    const newPath = parent ? `${parent.path}.${existing.id}` : String(existing.id);
    await moveSubtree(tx, existing.path, newPath);
    await moveUnitRollups(tx, existing.id, existing.path, newPath);
  }
  if (linksChanged) await replaceSuccessorLinks(tx, existing.id, successors);
  return "applied";
}

function checkedCode(field: string, value: string): string {
  const code = value.trim();
  if (!isAgencyCode(code)) throw fail("INVALID_FORMAT", `${field} must be ${CODE_RULE} (got ${JSON.stringify(value)})`, field);
  return code;
}

async function resolveParent(tx: Tx, parentCode: string | null | undefined, date: string): Promise<AgencyUnitRow | null> {
  if (parentCode == null || parentCode.trim() === "") return null;
  const code = checkedCode("parentCode", parentCode);
  const parent = await lockUnitValidOn(tx, code, date);
  if (!parent) throw fail("UNKNOWN_REFERENCE", `parentCode: no agency unit with code ${code} exists on ${date}`, "parentCode");
  return parent;
}

async function resolveSuccessors(
  tx: Tx,
  inputs: AgencyUnitSuccessorInput[],
  validTo: string | null,
  today: string,
  selfId: number | null,
): Promise<SuccessorLink[]> {
  if (inputs.length > MAX_SUCCESSORS) {
    throw fail("TOO_LONG", `successors must have at most ${MAX_SUCCESSORS} items (got ${inputs.length})`, "successors");
  }
  const links = new Map<string, SuccessorLink>();
  for (const [i, input] of inputs.entries()) {
    const field = `successors[${i}].code`;
    const code = checkedCode(field, input.code);
    // The successor is the unit the code names when it takes over (codes are reused), else the latest one.
    const on = input.effectiveOn ?? (validTo !== null ? nextDay(validTo) : today);
    const target = await findUnitByCode(tx, code, on);
    if (!target) throw fail("UNKNOWN_REFERENCE", `${field}: no agency unit has code ${code}`, field);
    if (target.id === selfId) throw fail("INVALID_REFERENCE", `${field}: a unit cannot succeed itself`, field);
    links.set(`${target.id}|${input.kind}`, { toId: target.id, kind: input.kind, effectiveOn: input.effectiveOn ?? null });
  }
  return [...links.values()];
}

function sameValues(row: AgencyUnitRow, values: UnitValues): boolean {
  return (
    row.code === values.code &&
    row.name === values.name &&
    row.kind === values.kind &&
    row.parentId === values.parentId &&
    row.gsoCode === values.gsoCode &&
    row.validFrom === values.validFrom &&
    row.validTo === values.validTo &&
    row.address === values.address &&
    row.demo === values.demo
  );
}

function sameLinks(stored: SuccessorLink[], wanted: SuccessorLink[]): boolean {
  const key = (link: SuccessorLink) => `${link.toId}|${link.kind}|${link.effectiveOn ?? ""}`;
  const a = stored.map(key).sort();
  const b = wanted.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function span(from: string | null, to: string | null): string {
  return `from ${from ?? "(no start)"} to ${to ?? "(no end)"}`;
}

/** The database's own guards, should a concurrent write slip past the checks above, become item errors. */
async function mapConstraintErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    switch (sqlState(error)) {
      case "23P01":
        throw fail("CONFLICT", "another unit with this code exists on overlapping dates (validFrom..validTo)", "validFrom");
      case "23514":
        throw fail("INVALID_DATE", "validTo must not be before validFrom", "validTo");
      default:
        throw error;
    }
  }
}

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
