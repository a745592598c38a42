import type { Tx } from "../../db/client.js";
import { assertBatchSize, ItemError, runBatch, type BatchContext, type BatchResult, type ItemOutcome } from "../../shared/batch.js";
import { toVnDate } from "../../shared/calendar/index.js";
import { formatVnDateTime } from "../../shared/scalars.js";
import { cleanText } from "../../shared/text.js";
import { assertWriter, canWriteAt } from "../access/access.service.js";
import { findUnitsByCodes } from "../agency-units/agency-unit.store.js";
import { loadWorkingCalendar, yearsFor } from "../calendar/calendar.service.js";
import { updateRollups } from "../dashboards/rollup.service.js";
import { OPERATION, recordEventsInOneTransaction } from "./dossier-event-batch.service.js";
import { appendEvent, findEventByEventId } from "./dossier-event.store.js";
import { assertNotFuture } from "./dossier-rules.js";
import { allowedAfter, canTransition } from "./dossier-status.js";
import { applyStatusEvent, needsCalendar } from "./dossier-timeliness.js";
import { lifecycleOf } from "./dossier.service.js";
import { lockDossierWithPaths, updateDossier } from "./dossier.store.js";
import type { DossierEventInput } from "./dossier.inputs.js";
import type { DossierStatus } from "./dossier.types.js";

/**
 * `recordDossierEvents`: status events and inter-agency hand-overs. The whole batch is validated and written in
 * one transaction (`recordEventsInOneTransaction`: a few set-based statements instead of ~7 per item); should
 * that transaction fail unexpectedly (a concurrent writer stored the same event id first, a lost connection), the
 * items are applied again one by one, each in its own transaction, with the same outcomes.
 */
export async function recordDossierEvents(ctx: BatchContext, items: DossierEventInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  assertBatchSize(items, ctx.config.limits.maxBatchItems);
  try {
    return await recordEventsInOneTransaction(ctx, items);
  } catch (error) {
    console.warn(`${OPERATION}: the batch of ${items.length} could not be written at once, applying its items one by one:`, (error as Error).message);
    return recordEachItem(ctx, items);
  }
}

/** The item-by-item path: each item in its own transaction (see `runBatch`); the dossier row is locked first. */
export function recordEachItem(ctx: BatchContext, items: DossierEventInput[]): Promise<BatchResult> {
  return runBatch(ctx, OPERATION, items, (item) => item.id, (tx, item) => recordOne(tx, ctx, item));
}

async function recordOne(tx: Tx, ctx: BatchContext, input: DossierEventInput): Promise<ItemOutcome> {
  const id = cleanText("id", input.id, 100);
  const dossierCode = input.dossierCode.trim();
  const agencyCode = input.agencyCode?.trim() || null;
  const note = cleanText("note", input.note, 2000, true);
  assertNotFuture("at", input.at);

  const locked = await lockDossierWithPaths(tx, dossierCode);
  // The writer of the current holder or of the receiving agency may record events (a result is often returned at
  // the receiving one-stop desk while a department still holds the file).
  if (locked && !canWriteAt(ctx.viewer, locked.holderPath) && !canWriteAt(ctx.viewer, locked.agencyPath)) {
    throw new ItemError("FORBIDDEN", `dossierCode: this token may not write events of dossier ${dossierCode}`, "dossierCode");
  }
  const dossier = locked?.dossier;
  const previous = await findEventByEventId(tx, id);
  if (previous) {
    const { event } = previous;
    const differs: [string, boolean][] = [
      ["dossierCode", previous.dossierCode !== dossierCode],
      ["status", event.toStatus !== input.status],
      ["at", event.at.getTime() !== input.at.getTime()],
      ["agencyCode", agencyCode === null ? event.agencyId !== event.previousAgencyId : previous.agencyCode !== agencyCode],
      ["note", event.note !== note],
    ];
    const field = differs.find(([, d]) => d)?.[0];
    if (field) throw new ItemError("CONFLICT", `event ${id} was already recorded with another ${field}`, field);
    return "unchanged";
  }
  if (!dossier) throw new ItemError("UNKNOWN_REFERENCE", `dossierCode: no dossier has the code ${dossierCode}`, "dossierCode");

  if (input.at.getTime() < dossier.receivedAt.getTime()) {
    throw new ItemError("OUT_OF_ORDER", `at must not be before the dossier's receipt (${formatVnDateTime(dossier.receivedAt)})`, "at");
  }
  if (input.at.getTime() < dossier.lastEventAt.getTime()) {
    throw new ItemError(
      "OUT_OF_ORDER",
      `at must not be before the dossier's latest event (${formatVnDateTime(dossier.lastEventAt)}); events are recorded in time order`,
      "at",
    );
  }
  const from = dossier.status as DossierStatus;
  if (!canTransition(from, input.status)) {
    const allowed = allowedAfter(from);
    throw new ItemError(
      "INVALID_TRANSITION",
      `status: a dossier in ${from} cannot move to ${input.status} (allowed: ${allowed.length ? allowed.join(", ") : "none, it is final"})`,
      "status",
    );
  }
  let holderId = dossier.holderId;
  if (agencyCode !== null) {
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
  const changes = {
    status: state.status,
    holderId,
    effectiveDueAt: state.effectiveDueAt,
    supplementCount: state.supplementCount,
    supplementDays: state.supplementDays,
    supplementSince: state.supplementSince,
    finishedAt: state.finishedAt,
    timeliness: state.timeliness,
    lastEventAt: input.at,
  };
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
