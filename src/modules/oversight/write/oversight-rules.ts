/** Rules every oversight write shares: keys, dates, numbers, the unit a code names and the writer's scope. */
import type { Tx } from "../../../db/client.js";
import type { AgencyUnitRow } from "../../../db/schema/index.js";
import type { BatchContext } from "../../../shared/batch.js";
import { toVnDate } from "../../../shared/calendar/index.js";
import { isValidDate } from "../../../shared/scalars.js";
import { canWriteAt } from "../../access/access.service.js";
import { unitRowsByCodes, unitViewsByIds } from "../../agency-units/agency-unit.service.js";
import type { UnitView } from "../../agency-units/agency-unit.store.js";
import { CLOCK_SKEW_MS } from "../../dossiers/write/dossier-rules.js";
import { OversightErrorCode as E, oversightError } from "../oversight.errors.js";
import { addCounts, appendChange, type CountFact } from "../oversight-counts.store.js";

const KEY = /^[0-9A-Za-z._\-/]{1,100}$/;

/** A sender's key: 1–100 letters, digits, `.`, `-`, `_`, `/`. */
export function checkKey(field: string, value: string): string {
  const key = value.trim();
  if (!KEY.test(key)) throw oversightError(E.INVALID_FORMAT, field, "must be 1–100 letters, digits, '.', '-', '_' or '/'");
  return key;
}

/** A date not after today (Vietnam). */
export function checkDay(field: string, value: string, now = new Date()): string {
  if (!isValidDate(value)) throw oversightError(E.INVALID_DATE, field, "must be a date YYYY-MM-DD");
  if (value > toVnDate(new Date(now.getTime() + CLOCK_SKEW_MS))) throw oversightError(E.INVALID_DATE, field, "must not be in the future");
  return value;
}

/** An instant not in the future (5 minutes of clock skew tolerated). */
export function checkInstant(field: string, value: Date, now = new Date()): Date {
  if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) throw oversightError(E.INVALID_DATE, field, "must not be in the future");
  return value;
}

/** A whole number within bounds. */
export function checkCount(field: string, value: number, max: number, min = 0): number {
  if (!Number.isInteger(value) || value < min || value > max) throw oversightError(E.OUT_OF_RANGE, field, `must be a whole number from ${min} to ${max}`);
  return value;
}

/** The unit a code names on `day`; UNKNOWN_REFERENCE when none. */
export async function unitOn(tx: Tx, field: string, code: string, day: string): Promise<AgencyUnitRow> {
  const unit = (await unitRowsByCodes(tx, [code.trim()], day)).get(code.trim());
  if (!unit) throw oversightError(E.UNKNOWN_REFERENCE, field, `no agency unit has the code ${code.trim()} on ${day}`);
  return unit;
}

/** The unit a code names on `day`; UNKNOWN_REFERENCE when none, FORBIDDEN when the token may not write for it. */
export async function writableUnit(ctx: BatchContext, tx: Tx, field: string, code: string, day: string): Promise<AgencyUnitRow> {
  return assertWritable(ctx, field, await unitOn(tx, field, code, day));
}

/** The stored unit `unitId`, FORBIDDEN when the token may not write for it. */
export async function writableUnitById(ctx: BatchContext, tx: Tx, field: string, unitId: number): Promise<UnitView> {
  return assertWritable(ctx, field, (await unitViewsByIds(tx, [unitId]))[0]!);
}

function assertWritable<U extends UnitView>(ctx: BatchContext, field: string, unit: U): U {
  if (!canWriteAt(ctx.viewer, unit.path)) throw oversightError(E.FORBIDDEN, field, `this token may not write for ${unit.code}`);
  return unit;
}

/** Facts of the old state retracted, those of the new one added. */
export function countDelta(before: readonly CountFact[], after: readonly CountFact[]): CountFact[] {
  return [...before.map((f) => ({ ...f, value: -f.value })), ...after];
}

/** Keeps the counters and the change log current, in the write's transaction. */
export async function recordChange(tx: Tx, family: string, key: string, unitId: number, before: readonly CountFact[], after: readonly CountFact[]): Promise<void> {
  await addCounts(tx, countDelta(before, after));
  await appendChange(tx, unitId, family, key);
}

/** The same values (for idempotent resends), comparing dates by instant. */
export function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((k) => {
    const x = a[k] ?? null;
    const y = b[k] ?? null;
    if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
    if (Array.isArray(x) || Array.isArray(y)) return JSON.stringify(x) === JSON.stringify(y);
    return x === y;
  });
}
