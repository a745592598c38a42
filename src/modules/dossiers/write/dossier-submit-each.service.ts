import type { Tx } from "../../../db/client.js";
import type { DossierRow } from "../../../db/schema/index.js";
import { applyBatch, ItemError, runBatch, type BatchContext, type BatchResult, type ItemOutcome } from "../../../shared/batch.js";
import { toVnDate } from "../../../shared/calendar/index.js";
import { assertWriter, canWriteAt } from "../../access/access.service.js";
import { findUnitsByCodes } from "../../agency-units/agency-unit.store.js";
import { loadWorkingCalendar, yearsFor } from "../../calendar/calendar.service.js";
import { updateRollups, type RollupProcedure } from "../../rollups/rollup.service.js";
import { appendEvent } from "../dossier-event-log.store.js";
import { OPERATION, submitInOneTransaction } from "./dossier-submit.service.js";
import { checkDossierInput } from "./dossier-rules.js";
import { computeDueAt, processingDays, withDueAt, type LifecycleState } from "../dossier-timeliness.js";
import { findProcedureByCode, insertDossier, lockDossierByCode, updateDossier } from "../read/dossier-query.store.js";
import type { DossierInsert } from "../../../db/schema/index.js";
import { changedColumns, lifecycleOf } from "./dossier-lifecycle.js";
import type { DossierInput } from "../dossier.inputs.js";
import { DossierStatus } from "../dossier-status.js";

type WriteContext = BatchContext & { config: { cutoffHour: number } };

/**
 * `submitDossiers`: receives new dossiers and updates the mutable fields of known ones. A new dossier appends a
 * RECEIVED event, a changed one an UPDATED event. The whole batch is validated and written in one transaction
 * (`submitInOneTransaction`: a few set-based statements instead of ~6 per item); should that transaction fail
 * unexpectedly (a concurrent sender stored the same code first, a lost connection), the items are applied again
 * one by one, each in its own transaction, with the same outcomes.
 */
export async function submitDossiers(ctx: WriteContext, items: DossierInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return applyBatch(ctx, OPERATION, items, submitInOneTransaction, submitEachItem);
}

/** The item-by-item path: each item in its own transaction (see `runBatch`). */
export function submitEachItem(ctx: WriteContext, items: DossierInput[]): Promise<BatchResult> {
  return runBatch(ctx, OPERATION, items, (item) => item.code, (tx, item) => submitOne(tx, ctx, item));
}

async function submitOne(tx: Tx, ctx: WriteContext, input: DossierInput): Promise<ItemOutcome> {
  const { code, agencyCode, procedureCode, initialStatus, mutable } = checkDossierInput(input);
  const receiptDate = toVnDate(input.receivedAt);
  const procedure = await findProcedureByCode(tx, procedureCode);
  if (!procedure) throw new ItemError("UNKNOWN_REFERENCE", `procedureCode: no procedure has the code ${procedureCode}`, "procedureCode");
  const unit = (await findUnitsByCodes(tx, [agencyCode], receiptDate)).get(agencyCode);
  if (!unit) {
    throw new ItemError("UNKNOWN_REFERENCE", `agencyCode: no agency with the code ${agencyCode} exists on ${receiptDate}`, "agencyCode");
  }
  if (!canWriteAt(ctx.viewer, unit.path)) {
    throw new ItemError("FORBIDDEN", `agencyCode: this token may not write dossiers of ${agencyCode}`, "agencyCode");
  }

  // New dossiers are the common case: insert first, and compare with the stored row only when the code exists.
  const days = processingDays(procedure.committedDays);
  const dueAt =
    input.dueAt ??
    computeDueAt(await loadWorkingCalendar(tx, ...yearsFor(input.receivedAt, null, days)), input.receivedAt, procedure.committedDays, ctx.config.cutoffHour);
  const row = await insertDossier(tx, {
    ...mutable,
    code,
    procedureId: procedure.id,
    agencyId: unit.id,
    holderId: unit.id,
    status: initialStatus,
    initialStatus,
    receivedAt: input.receivedAt,
    dueAt,
    effectiveDueAt: dueAt,
    lastEventAt: input.receivedAt,
  });
  if (row) {
    await updateRollups(tx, null, row, procedure);
    await appendEvent(tx, {
      dossierId: row.id,
      kind: "RECEIVED",
      fromStatus: null,
      toStatus: initialStatus,
      at: input.receivedAt,
      agencyId: unit.id,
      previousAgencyId: null,
      recordedBy: ctx.viewer.tokenId,
    });
    return "applied";
  }
  return resubmit(tx, ctx, input, (await lockDossierByCode(tx, code))!, { procedure, unitId: unit.id, initialStatus, mutable, days });
}

/** A resend of a stored dossier: fixed fields must match; changed mutable fields are written with an UPDATED event. */
async function resubmit(
  tx: Tx,
  ctx: WriteContext,
  input: DossierInput,
  existing: DossierRow,
  sent: { procedure: RollupProcedure & { id: number }; unitId: number; initialStatus: DossierStatus; mutable: Partial<DossierInsert>; days: number },
): Promise<ItemOutcome> {
  const { code } = existing;
  const fixed: [string, boolean][] = [
    ["procedureCode", existing.procedureId !== sent.procedure.id],
    ["agencyCode", existing.agencyId !== sent.unitId],
    ["receivedAt", existing.receivedAt.getTime() !== input.receivedAt.getTime()],
    ["initialStatus", existing.initialStatus !== sent.initialStatus],
  ];
  for (const [field, differs] of fixed) {
    if (differs) throw new ItemError("CONFLICT", `${field} of dossier ${code} is fixed once received and differs from the stored one`, field);
  }
  const changes = changedColumns(existing, sent.mutable);
  let state: LifecycleState | undefined;
  if (input.dueAt && input.dueAt.getTime() !== existing.dueAt.getTime()) {
    const calendar = await loadWorkingCalendar(tx, ...yearsFor(input.receivedAt, existing.finishedAt ?? new Date(), sent.days));
    state = withDueAt(calendar, lifecycleOf(existing), input.dueAt);
    changes.push("dueAt");
  }
  if (changes.length === 0) return "unchanged";

  const values = {
    ...sent.mutable,
    ...(state ? { dueAt: state.dueAt, effectiveDueAt: state.effectiveDueAt, timeliness: state.timeliness } : {}),
  };
  await updateDossier(tx, existing.id, values);
  await updateRollups(tx, existing, { ...existing, ...values }, sent.procedure);
  await appendEvent(tx, {
    dossierId: existing.id,
    kind: "UPDATED",
    fromStatus: existing.status,
    toStatus: existing.status,
    at: new Date(),
    agencyId: existing.holderId,
    previousAgencyId: existing.holderId,
    note: `changed: ${changes.join(", ")}`,
    recordedBy: ctx.viewer.tokenId,
  });
  return "applied";
}
