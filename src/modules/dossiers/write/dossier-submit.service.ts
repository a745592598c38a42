/**
 * The batched write path of `submitDossiers`: a whole batch in ONE transaction, with the same outcomes per item as
 * applying the items one by one (the fallback runs this path on a batch of one).
 *
 * 1. Checks that need nothing stored (code format, dates, applicant) reject items before any query.
 * 2. Set-based reads: the batch's procedures, the units its codes name, the stored dossiers it resends (locked, in
 *    id order); the working calendar once, for the items without a due date.
 * 3. The items are validated and applied in input order against in-memory rows, so that a dossier sent twice in
 *    one batch behaves as two sends, and a rejected item leaves no trace.
 * 4. One statement per table writes the result: new dossiers, changed ones, audit rows, the rollups (the summed
 *    differences), and last the events (one advisory lock, positions in input order).
 *
 * Any unexpected database error (a concurrent sender stored the same code first) rolls the batch back and the
 * items are applied again one by one, each as a batch of one in its own transaction (`applyBatch`): one set of
 * rules for both.
 */
import type { DossierRow } from "../../../db/schema/index.js";
import {
  applyBatch, applyEachAlone, assertBatchSize, batchResult, checkItems, ItemError, type BatchContext, type BatchResult, type ItemOutcome,
} from "../../../shared/batch.js";
import { toVnDate, type WorkingCalendar } from "../../../shared/calendar/index.js";
import { assertWriter, canWriteAt, recordAudits } from "../../access/access.service.js";
import { calendarOnce, yearsFor } from "../../calendar/calendar.service.js";
import { projectDossierChanges, type RollupProcedure } from "../../rollups/rollup.service.js";
import { unitRowsEverCoded } from "../../agency-units/agency-unit.service.js";
import { appendEvents, type EventAppend } from "../dossier-event-log.store.js";
import { procedureFactsByCodes, type ProcedureFacts } from "../../procedures/procedure.service.js";
import { checkDossierInput, type CheckedDossier } from "./dossier-rules.js";
import { computeDueAt, withDueAt } from "../dossier-timeliness.js";
import { changedColumns, lifecycleOf } from "./dossier-lifecycle.js";
import { insertDossiers, lockDossiersByCodes, updateResentDossiers, type NewDossier, type ResentDossier } from "./dossier-write.store.js";
import type { DossierInsert } from "../../../db/schema/index.js";
import type { DossierInput } from "../dossier.inputs.js";
import { dossierError } from "../dossier.errors.js";

const OPERATION = "submitDossiers";

type WriteContext = BatchContext & { config: { cutoffHour: number } };

/**
 * `submitDossiers`: receives new dossiers and updates the mutable fields of known ones. A new dossier appends a
 * RECEIVED event, a changed one an UPDATED event. The whole batch is validated and written in one transaction
 * (`submitInOneTransaction`: a few set-based statements instead of ~6 per item); should that transaction fail
 * unexpectedly (a concurrent sender stored the same code first, a lost connection), the items are applied again
 * one by one, each as a batch of one in its own transaction, with the same outcomes.
 */
export async function submitDossiers(ctx: WriteContext, items: DossierInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return applyBatch(ctx, OPERATION, items, (item) => item.code, submitInOneTransaction);
}

/** The item-by-item fallback on its own: each item as a batch of one, in its own transaction. */
export function submitEachItem(ctx: WriteContext, items: DossierInput[]): Promise<BatchResult> {
  return applyEachAlone(ctx, OPERATION, items, (item) => item.code, submitInOneTransaction);
}

/** An item that passed the checks needing nothing stored. */
type Checked = CheckedDossier & { index: number; input: DossierInput };

/** A dossier of the batch: stored before it (`initial` its stored row), or new in it (`initial` null). */
interface Working {
  row: DossierRow;
  initial: DossierRow | null;
  procedure: RollupProcedure;
}

type Unit = { id: number; code: string; path: string; validFrom: string | null; validTo: string | null };

/**
 * Applies the batch in one transaction; throws on an unexpected database error (nothing is written then).
 * `ctx.viewer` must already be known to hold a writing role.
 */
async function submitInOneTransaction(ctx: WriteContext, items: DossierInput[]): Promise<BatchResult> {
  assertBatchSize(items, ctx.config.limits.maxBatchItems);
  const { outcomes, checked } = checkItems(items, (input, index) => ({ ...checkDossierInput(input), index, input }));
  const now = new Date();

  await ctx.db.transaction(async (tx) => {
    const distinct = <T>(values: T[]) => [...new Set(values)];
    const [procedureRows, unitRows, locked] = await Promise.all([
      procedureFactsByCodes(tx, distinct(checked.map((c) => c.procedureCode))),
      unitRowsEverCoded(tx, distinct(checked.map((c) => c.agencyCode))),
      lockDossiersByCodes(tx, distinct(checked.map((c) => c.code))),
    ]);
    const procedures = new Map(procedureRows.map((p) => [p.code, p]));
    const units = new Map<string, Unit[]>();
    for (const u of unitRows) units.set(u.code, [...(units.get(u.code) ?? []), u]);
    const working = new Map<string, Working>(
      locked.map((l) => [l.dossier.code, { row: l.dossier, initial: l.dossier, procedure: { field: l.procedure.field, feeVnd: l.procedure.feeVnd === null ? null : Number(l.procedure.feeVnd) } }]),
    );
    // From the receipt to now and a year beyond: what a due date from the receipt, or a resent due date judged
    // against the handling so far, may need.
    const calendar = calendarOnce(tx, () => checked.map((item) => yearsFor(item.input.receivedAt, now, 240)));

    /** Events in input order; a new dossier's id is known after the insert. */
    const events: (Omit<EventAppend, "dossierId"> & { dossierCode: string })[] = [];
    const appliedKeys: string[] = [];
    for (const item of checked) {
      try {
        const outcome = await applyItem(ctx, item, { procedures, units, working, calendar, events, now });
        outcomes[item.index] = outcome;
        if (outcome === "applied") appliedKeys.push(item.code);
      } catch (error) {
        if (!(error instanceof ItemError)) throw error;
        outcomes[item.index] = error;
      }
    }
    if (events.length === 0) return;

    const fresh = [...working.values()].filter((w) => w.initial === null);
    const ids = await insertDossiers(tx, fresh.map((w) => newDossier(w.row)), now);
    if (ids.size !== fresh.length) throw new Error("a concurrent sender stored some of these dossiers first");
    for (const w of fresh) w.row = { ...w.row, id: ids.get(w.row.code)! };
    const resent = [...working.values()].filter((w) => w.initial !== null && w.row !== w.initial);
    await updateResentDossiers(tx, resent.map((w) => resentDossier(w.row)), now);
    await recordAudits(tx, ctx.viewer, OPERATION, appliedKeys);
    await projectDossierChanges(tx, [...fresh, ...resent].map((w) => ({ before: w.initial, after: w.row, procedure: w.procedure })));
    await appendEvents(tx, events.map(({ dossierCode, ...event }) => ({ ...event, dossierId: working.get(dossierCode)!.row.id })));
  });

  return batchResult(items.map((item) => item.code), outcomes);
}

interface BatchState {
  procedures: Map<string, ProcedureFacts>;
  units: Map<string, Unit[]>;
  working: Map<string, Working>;
  calendar: () => Promise<WorkingCalendar>;
  events: (Omit<EventAppend, "dossierId"> & { dossierCode: string })[];
  now: Date;
}

/** One item against the batch's working state: every rule of a submission, in its order. */
async function applyItem(ctx: WriteContext, item: Checked, state: BatchState): Promise<ItemOutcome> {
  const { input, code, agencyCode, procedureCode, initialStatus, mutable } = item;
  const receiptDate = toVnDate(input.receivedAt);
  const procedure = state.procedures.get(procedureCode);
  if (!procedure) throw dossierError("UNKNOWN_REFERENCE", `procedureCode: no procedure has the code ${procedureCode}`, "procedureCode");
  const unit = state.units.get(agencyCode)?.find((u) => (u.validFrom === null || u.validFrom <= receiptDate) && (u.validTo === null || u.validTo >= receiptDate));
  if (!unit) throw dossierError("UNKNOWN_REFERENCE", `agencyCode: no agency with the code ${agencyCode} exists on ${receiptDate}`, "agencyCode");
  if (!canWriteAt(ctx.viewer, unit.path)) {
    throw dossierError("FORBIDDEN", `agencyCode: this token may not write dossiers of ${agencyCode}`, "agencyCode");
  }
  const existing = state.working.get(code);
  if (!existing) {
    const dueAt = input.dueAt ?? computeDueAt(await state.calendar(), input.receivedAt, procedure.committedDays, ctx.config.cutoffHour);
    const row = receivedRow({ ...mutable, code, procedureId: procedure.id, agencyId: unit.id, status: initialStatus, receivedAt: input.receivedAt, dueAt });
    state.working.set(code, { row, initial: null, procedure: { field: procedure.field, feeVnd: procedure.feeVnd } });
    state.events.push({
      dossierCode: code, kind: "RECEIVED", fromStatus: null, toStatus: initialStatus, at: input.receivedAt, agencyId: unit.id,
      previousAgencyId: null, note: null, recordedBy: ctx.viewer.tokenId,
    });
    return "applied";
  }

  const stored = existing.row;
  const fixed: [string, boolean][] = [
    ["procedureCode", stored.procedureId !== procedure.id],
    ["agencyCode", stored.agencyId !== unit.id],
    ["receivedAt", stored.receivedAt.getTime() !== input.receivedAt.getTime()],
    ["initialStatus", stored.initialStatus !== initialStatus],
  ];
  for (const [field, differs] of fixed) {
    if (differs) throw dossierError("CONFLICT", `${field} of dossier ${code} is fixed once received and differs from the stored one`, field);
  }
  const changes = changedColumns(stored, mutable);
  let due: Pick<DossierRow, "dueAt" | "effectiveDueAt" | "timeliness"> | undefined;
  if (input.dueAt && input.dueAt.getTime() !== stored.dueAt.getTime()) {
    const lifecycle = withDueAt(await state.calendar(), lifecycleOf(stored), input.dueAt);
    due = { dueAt: lifecycle.dueAt, effectiveDueAt: lifecycle.effectiveDueAt, timeliness: lifecycle.timeliness };
    changes.push("dueAt");
  }
  if (changes.length === 0) return "unchanged";
  existing.row = { ...stored, ...mutable, ...due, updatedAt: state.now } as DossierRow;
  state.events.push({
    dossierCode: code, kind: "UPDATED", fromStatus: stored.status, toStatus: stored.status, at: state.now, agencyId: stored.holderId,
    previousAgencyId: stored.holderId, note: `changed: ${changes.join(", ")}`, recordedBy: ctx.viewer.tokenId,
  });
  return "applied";
}

/** The row a new dossier is stored as (its id is assigned by the insert). */
function receivedRow(v: Partial<DossierInsert> & Pick<DossierRow, "code" | "procedureId" | "agencyId" | "status" | "receivedAt" | "dueAt">): DossierRow {
  return {
    id: 0, holderId: v.agencyId, channel: v.channel!, initialStatus: v.status, effectiveDueAt: v.dueAt, supplementCount: 0,
    supplementDays: 0, supplementSince: null, finishedAt: null, timeliness: null, lastEventAt: v.receivedAt,
    paidOnline: v.paidOnline ?? false, digitised: v.digitised ?? false, electronicResult: v.electronicResult ?? false,
    applicantKind: v.applicantKind ?? null, applicantName: v.applicantName ?? null, applicantIdentity: v.applicantIdentity ?? null,
    applicantPhone: v.applicantPhone ?? null, applicantEmail: v.applicantEmail ?? null, applicantAddress: v.applicantAddress ?? null,
    createdAt: new Date(0), updatedAt: new Date(0),
    code: v.code, procedureId: v.procedureId, agencyId: v.agencyId, status: v.status, receivedAt: v.receivedAt, dueAt: v.dueAt,
  };
}

function newDossier(r: DossierRow): NewDossier {
  return {
    code: r.code, procedureId: r.procedureId, agencyId: r.agencyId, holderId: r.holderId, channel: r.channel, status: r.status,
    initialStatus: r.initialStatus, receivedAt: r.receivedAt, dueAt: r.dueAt, effectiveDueAt: r.effectiveDueAt, lastEventAt: r.lastEventAt,
    paidOnline: r.paidOnline, digitised: r.digitised, electronicResult: r.electronicResult, applicantKind: r.applicantKind,
    applicantName: r.applicantName, applicantIdentity: r.applicantIdentity, applicantPhone: r.applicantPhone,
    applicantEmail: r.applicantEmail, applicantAddress: r.applicantAddress,
  };
}

function resentDossier(r: DossierRow): ResentDossier {
  return {
    id: r.id, channel: r.channel, paidOnline: r.paidOnline, digitised: r.digitised, electronicResult: r.electronicResult,
    applicantKind: r.applicantKind, applicantName: r.applicantName, applicantIdentity: r.applicantIdentity, applicantPhone: r.applicantPhone,
    applicantEmail: r.applicantEmail, applicantAddress: r.applicantAddress, dueAt: r.dueAt, effectiveDueAt: r.effectiveDueAt,
    timeliness: r.timeliness,
  };
}
