/**
 * The batched write path of `recordDossierEvents`: a whole batch in ONE transaction, with the same outcomes
 * per item as applying the items one by one (the fallback runs this path on a batch of one).
 *
 * 1. Checks that need nothing stored (id, note, not in the future) reject items before any query.
 * 2. Three set-based reads: the batch's dossiers (locked, in id order), the events already stored under the
 *    batch's ids, the units named by hand-overs; the working calendar once, only when a supplement wait ends.
 * 3. The items are validated and applied in input order against an in-memory copy of each dossier, so that later
 *    events of a dossier see the earlier ones of the same batch, and a rejected item leaves no trace.
 * 4. One statement per table writes what the applied items changed: the dossiers' final states, the rollups (the
 *    summed differences), the audit rows, and last the events (one advisory lock, positions in input order).
 *
 * ~9 statements a batch instead of ~7 an item, and one commit. Any unexpected database error rolls the batch back
 * and the items are applied again one by one, each as a batch of one in its own transaction (`applyBatch`).
 */
import type { DossierRow } from "../../../db/schema/index.js";
import { applyBatch, assertBatchSize, batchResult, checkItems, ItemError, type BatchContext, type BatchResult, type ItemOutcome } from "../../../shared/batch.js";
import { toVnDate, type WorkingCalendar } from "../../../shared/calendar/index.js";
import { assertWriter, canWriteAt, recordAudits } from "../../access/access.service.js";
import { calendarOnce, yearsFor } from "../../calendar/calendar.service.js";
import { projectDossierChanges, type RollupProcedure } from "../../rollups/rollup.service.js";
import { unitRowsEverCoded } from "../../agency-units/agency-unit.service.js";
import { appendEvents, findEventsByEventIds, type EventAppend } from "../dossier-event-log.store.js";
import { lockDossiersByCodes, updateDossierLifecycles } from "./dossier-write.store.js";
import type { DossierStatus } from "../dossier-status.js";
import { applyStatusEvent, needsCalendar } from "../dossier-timeliness.js";
import { lifecycleColumns, lifecycleOf } from "./dossier-lifecycle.js";
import { assertEventApplies, assertHolderExists, assertSameEvent, checkEventInput, type CheckedEvent, type KnownEvent } from "./dossier-event-rules.js";
import type { DossierEventInput } from "../dossier.inputs.js";
import { dossierError } from "../dossier.errors.js";

const OPERATION = "recordDossierEvents";

/**
 * `recordDossierEvents`: status events and inter-agency hand-overs. The whole batch is validated and written in
 * one transaction (`recordEventsInOneTransaction`: a few set-based statements instead of ~7 per item); should
 * that transaction fail unexpectedly (a concurrent writer stored the same event id first, a lost connection), the
 * items are applied again one by one, each as a batch of one in its own transaction, with the same outcomes.
 */
export async function recordDossierEvents(ctx: BatchContext, items: DossierEventInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return applyBatch(ctx, OPERATION, items, (item) => item.id, recordEventsInOneTransaction);
}

/** An item that passed the checks needing nothing stored. */
type Checked = CheckedEvent & { index: number };

/** A dossier of the batch as the items so far left it. */
interface Working {
  row: DossierRow;
  initial: DossierRow;
  agencyPath: string;
  holderPath: string;
  holderCode: string;
  /** The holder's last day (null: still exists). */
  holderValidTo: string | null;
  procedure: RollupProcedure;
}

type Unit = { id: number; code: string; path: string; validFrom: string | null; validTo: string | null };

/** The unit carrying `code` on `date` (a code names at most one unit a day), as `findUnitsByCodes` would find it. */
function unitOn(units: Map<string, Unit[]>, code: string, date: string): Unit | undefined {
  return units.get(code)?.find((u) => (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date));
}

/**
 * Applies the batch in one transaction; throws on an unexpected database error (nothing is written then).
 * `BatchContext.viewer` must already be known to hold a writing role.
 */
async function recordEventsInOneTransaction(ctx: BatchContext, items: DossierEventInput[]): Promise<BatchResult> {
  assertBatchSize(items, ctx.config.limits.maxBatchItems);
  const { outcomes, checked } = checkItems(items, (item, index) => ({ ...checkEventInput(item), index }));

  await ctx.db.transaction(async (tx) => {
    const [locked, stored, unitRows] = await Promise.all([
      lockDossiersByCodes(tx, [...new Set(checked.map((c) => c.dossierCode))]),
      findEventsByEventIds(tx, [...new Set(checked.map((c) => c.id))]),
      unitRowsEverCoded(tx, [...new Set(checked.flatMap((c) => (c.agencyCode ? [c.agencyCode] : [])))]),
    ]);
    const working = new Map<string, Working>(
      locked.map((l) => [l.dossier.code, { row: l.dossier, initial: l.dossier, agencyPath: l.agencyPath, holderPath: l.holderPath, holderCode: l.holderCode, holderValidTo: l.holderValidTo, procedure: { field: l.procedure.field, feeVnd: l.procedure.feeVnd === null ? null : Number(l.procedure.feeVnd) } }]),
    );
    const known = new Map<string, KnownEvent>(stored.map((s) => [s.event.eventId!, s]));
    const units = new Map<string, Unit[]>();
    for (const u of unitRows) units.set(u.code, [...(units.get(u.code) ?? []), u]);
    const calendar = calendarOnce(tx, () => yearsOfItems(checked, working));

    const appended: EventAppend[] = [];
    const appliedKeys: string[] = [];
    for (const item of checked) {
      try {
        const outcome = await applyItem(ctx, item, working, known, units, calendar, appended);
        outcomes[item.index] = outcome;
        if (outcome === "applied") appliedKeys.push(items[item.index]!.id);
      } catch (error) {
        if (!(error instanceof ItemError)) throw error;
        outcomes[item.index] = error;
      }
    }
    if (appended.length === 0) return;

    const changed = [...working.values()].filter((w) => w.row !== w.initial);
    await updateDossierLifecycles(tx, changed.map((w) => w.row), new Date());
    await recordAudits(tx, ctx.viewer, OPERATION, appliedKeys);
    // Rollup rows are shared by every writer of a unit and day: upserted last but one, their locks are held for
    // the shortest time (the events' append and the commit).
    await projectDossierChanges(tx, changed.map((w) => ({ before: w.initial, after: w.row, procedure: w.procedure })));
    await appendEvents(tx, appended);
  });

  return batchResult(items.map((item) => item.id), outcomes);
}

/** Every year any item of the batch may need, from the receipt (or the supplement wait) to the event. */
function* yearsOfItems(checked: Checked[], working: Map<string, Working>): Iterable<[number, number]> {
  for (const item of checked) {
    const w = working.get(item.dossierCode);
    if (!w) continue;
    const [from, to] = yearsFor(w.row.supplementSince ?? w.row.receivedAt, item.at);
    yield [Math.min(from, new Date(w.row.receivedAt.getTime() + 7 * 3_600_000).getUTCFullYear()), to];
  }
}

/** One item against the batch's working state: every rule of a status event, in its order. */
async function applyItem(
  ctx: BatchContext,
  item: Checked,
  working: Map<string, Working>,
  known: Map<string, KnownEvent>,
  units: Map<string, Unit[]>,
  calendar: () => Promise<WorkingCalendar>,
  appended: EventAppend[],
): Promise<ItemOutcome> {
  const { id, dossierCode, agencyCode, note } = item;
  const w = working.get(dossierCode);
  if (w && !canWriteAt(ctx.viewer, w.holderPath) && !canWriteAt(ctx.viewer, w.agencyPath)) {
    throw dossierError("FORBIDDEN", `dossierCode: this token may not write events of dossier ${dossierCode}`, "dossierCode");
  }
  const previous = known.get(id);
  if (previous) {
    assertSameEvent(previous, item);
    return "unchanged";
  }
  if (!w) throw dossierError("UNKNOWN_REFERENCE", `dossierCode: no dossier has the code ${dossierCode}`, "dossierCode");
  const dossier = w.row;
  assertEventApplies(dossier, item);
  const from = dossier.status as DossierStatus;
  let holder = { id: dossier.holderId, code: w.holderCode, path: w.holderPath, validTo: w.holderValidTo };
  if (agencyCode === null) assertHolderExists({ code: w.holderCode, validTo: w.holderValidTo }, item.at);
  else {
    const date = toVnDate(item.at);
    const unit = unitOn(units, agencyCode, date);
    if (!unit) throw dossierError("UNKNOWN_REFERENCE", `agencyCode: no agency with the code ${agencyCode} exists on ${date}`, "agencyCode");
    holder = { id: unit.id, code: unit.code, path: unit.path, validTo: unit.validTo };
  }

  const before = lifecycleOf(dossier);
  const state = applyStatusEvent(needsCalendar(before, item.status) ? await calendar() : null, before, item.status, item.at);
  w.row = { ...dossier, ...lifecycleColumns(state, holder.id, item.at) };
  w.holderCode = holder.code;
  w.holderValidTo = holder.validTo;
  w.holderPath = holder.path;
  const event: EventAppend = {
    eventId: id,
    dossierId: dossier.id,
    kind: "RECORDED",
    fromStatus: from,
    toStatus: item.status,
    at: item.at,
    agencyId: holder.id,
    previousAgencyId: dossier.holderId,
    note,
    recordedBy: ctx.viewer.tokenId,
  };
  appended.push(event);
  known.set(id, { event: { toStatus: item.status, at: item.at, agencyId: holder.id, previousAgencyId: dossier.holderId, note }, dossierCode, agencyCode: holder.code });
  return "applied";
}
