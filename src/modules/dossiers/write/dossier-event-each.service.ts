import type { Tx } from "../../../db/client.js";
import { applyBatch, ItemError, runBatch, type BatchContext, type BatchResult, type ItemOutcome } from "../../../shared/batch.js";
import { toVnDate } from "../../../shared/calendar/index.js";
import { assertWriter, canWriteAt } from "../../access/access.service.js";
import { findUnitsByCodes } from "../../agency-units/agency-unit.store.js";
import { loadWorkingCalendar, yearsFor } from "../../calendar/calendar.service.js";
import { updateRollups } from "../../rollups/rollup.service.js";
import { OPERATION, recordEventsInOneTransaction } from "./dossier-event-record.service.js";
import { assertEventApplies, assertHolderExists, assertSameEvent, checkEventInput } from "./dossier-event-rules.js";
import { appendEvent, findEventByEventId } from "../dossier-event-log.store.js";
import { applyStatusEvent, needsCalendar } from "../dossier-timeliness.js";
import { lifecycleColumns, lifecycleOf } from "./dossier-lifecycle.js";
import { lockDossierWithPaths, updateDossier } from "../read/dossier-query.store.js";
import type { DossierEventInput } from "../dossier.inputs.js";
import type { DossierStatus } from "../dossier-status.js";

/**
 * `recordDossierEvents`: status events and inter-agency hand-overs. The whole batch is validated and written in
 * one transaction (`recordEventsInOneTransaction`: a few set-based statements instead of ~7 per item); should
 * that transaction fail unexpectedly (a concurrent writer stored the same event id first, a lost connection), the
 * items are applied again one by one, each in its own transaction, with the same outcomes.
 */
export async function recordDossierEvents(ctx: BatchContext, items: DossierEventInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return applyBatch(ctx, OPERATION, items, recordEventsInOneTransaction, recordEachItem);
}

/** The item-by-item path: each item in its own transaction (see `runBatch`); the dossier row is locked first. */
export function recordEachItem(ctx: BatchContext, items: DossierEventInput[]): Promise<BatchResult> {
  return runBatch(ctx, OPERATION, items, (item) => item.id, (tx, item) => recordOne(tx, ctx, item));
}

async function recordOne(tx: Tx, ctx: BatchContext, input: DossierEventInput): Promise<ItemOutcome> {
  const item = checkEventInput(input);
  const { id, dossierCode, agencyCode, note } = item;

  const locked = await lockDossierWithPaths(tx, dossierCode);
  // The writer of the current holder or of the receiving agency may record events (a result is often returned at
  // the receiving one-stop desk while a department still holds the file).
  if (locked && !canWriteAt(ctx.viewer, locked.holderPath) && !canWriteAt(ctx.viewer, locked.agencyPath)) {
    throw new ItemError("FORBIDDEN", `dossierCode: this token may not write events of dossier ${dossierCode}`, "dossierCode");
  }
  const dossier = locked?.dossier;
  const previous = await findEventByEventId(tx, id);
  if (previous) {
    assertSameEvent(previous, item);
    return "unchanged";
  }
  if (!dossier) throw new ItemError("UNKNOWN_REFERENCE", `dossierCode: no dossier has the code ${dossierCode}`, "dossierCode");
  assertEventApplies(dossier, item);
  const from = dossier.status as DossierStatus;
  let holderId = dossier.holderId;
  if (agencyCode === null) assertHolderExists(locked!.holder, input.at);
  else {
    const date = toVnDate(input.at);
    const unit = (await findUnitsByCodes(tx, [agencyCode], date)).get(agencyCode);
    if (!unit) throw new ItemError("UNKNOWN_REFERENCE", `agencyCode: no agency with the code ${agencyCode} exists on ${date}`, "agencyCode");
    holderId = unit.id;
  }

  const before = lifecycleOf(dossier);
  const calendar = needsCalendar(before, input.status)
    ? await loadWorkingCalendar(tx, ...yearsFor(dossier.supplementSince ?? dossier.receivedAt, input.at))
    : null;
  const state = applyStatusEvent(calendar, before, input.status, input.at);
  const changes = lifecycleColumns(state, holderId, input.at);
  await updateDossier(tx, dossier.id, changes);
  await updateRollups(tx, dossier, { ...dossier, ...changes }, locked!.procedure);
  await appendEvent(tx, {
    eventId: id,
    dossierId: dossier.id,
    kind: "RECORDED",
    fromStatus: from,
    toStatus: input.status,
    at: input.at,
    agencyId: holderId,
    previousAgencyId: dossier.holderId,
    note,
    recordedBy: ctx.viewer.tokenId,
  });
  return "applied";
}
