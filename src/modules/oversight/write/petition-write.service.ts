import type { Tx } from "../../../db/client.js";
import { runBatch, type BatchContext, type BatchResult } from "../../../shared/batch.js";
import { toVnDate } from "../../../shared/calendar/index.js";
import { cleanText } from "../../../shared/text.js";
import { assertWriter } from "../../access/access.service.js";
import { loadWorkingCalendar } from "../../calendar/calendar.service.js";
import { findDeadlines, type DeadlineRow } from "../deadline.store.js";
import { dueAfter, maxExtensionDays, resolutionDays } from "../deadlines.js";
import { PetitionAction, PetitionStatus } from "../oversight.enums.js";
import { OversightErrorCode as E, oversightError } from "../oversight.errors.js";
import type { PetitionerInput, PetitionEventInput, PetitionInput } from "../oversight.inputs.js";
import type { CountFact } from "../oversight-counts.store.js";
import {
  findPetitionEvent, insertPetition, insertPetitionEvent, lastPetitionEventAt, lockPetition, updatePetition, type PetitionRow,
} from "../petition.store.js";
import { checkInstant, checkKey, recordChange, sameValues, unitOn, writableUnit, writableUnitById } from "./oversight-rules.js";

export const SUBMIT_PETITIONS = "submitPetitions";
export const RECORD_PETITION_EVENTS = "recordPetitionEvents";

type Counted = Pick<PetitionRow, "unitId" | "receivedAt" | "kind" | "channel" | "status" | "acceptedAt" | "onTime">;

/** What a petition counts: in its unit's subtree, on the day it was received (its cohort), by its current state. */
export function petitionFacts(row: Counted): CountFact[] {
  const at = { unitId: row.unitId, day: toVnDate(row.receivedAt) };
  const resolved = row.status === PetitionStatus.RESOLVED;
  const flag = (measure: string, on: boolean) => ({ ...at, measure, value: on ? 1 : 0 });
  return [
    flag("petitions.received", true),
    flag(`petitions.received.${row.kind}`, true),
    flag(`petitions.channel.${row.channel}`, true),
    flag("petitions.accepted", row.acceptedAt !== null),
    flag(`petitions.accepted.${row.kind}`, row.acceptedAt !== null),
    flag("petitions.notAccepted", row.status === PetitionStatus.NOT_ACCEPTED),
    flag("petitions.transferred", row.status === PetitionStatus.TRANSFERRED),
    flag("petitions.withdrawn", row.status === PetitionStatus.WITHDRAWN),
    flag("petitions.resolved", resolved),
    flag(`petitions.resolved.${row.kind}`, resolved),
    flag("petitions.onTime", resolved && row.onTime === true),
    flag("petitions.late", resolved && row.onTime === false),
  ];
}

const IDENTITY = /^[0-9A-Za-z-]{6,20}$/;
const PHONE = /^\+?\d{8,15}$/;

function petitionerColumns(p: PetitionerInput) {
  const identity = cleanText("petitioner.identityNumber", p.identityNumber, 20, true);
  if (identity !== null && !IDENTITY.test(identity)) throw oversightError(E.INVALID_FORMAT, "petitioner.identityNumber", "must be 6–20 letters, digits or '-'");
  const rawPhone = cleanText("petitioner.phone", p.phone, 30, true);
  const phone = rawPhone === null ? null : rawPhone.replace(/[\s.()-]/g, "");
  if (phone !== null && !PHONE.test(phone)) throw oversightError(E.INVALID_FORMAT, "petitioner.phone", "must be 8–15 digits with an optional leading +");
  return {
    petitionerName: cleanText("petitioner.name", p.name, 255),
    petitionerIdentity: identity,
    petitionerPhone: phone,
    petitionerAddress: cleanText("petitioner.address", p.address, 500, true),
  };
}

async function ruleOf(tx: Tx, kind: string): Promise<DeadlineRow> {
  return (await findDeadlines(tx)).find((r) => r.kind === kind)!;
}

/** The due instant of an accepted petition: its statutory days from acceptance, plus extensions. */
async function dueOf(tx: Tx, row: Pick<PetitionRow, "kind" | "complicated" | "remoteArea" | "extendedDays">, acceptedAt: Date): Promise<Date> {
  const rule = await ruleOf(tx, row.kind);
  const year = Number(toVnDate(acceptedAt).slice(0, 4));
  const days = resolutionDays(rule, row.complicated, row.remoteArea) + row.extendedDays;
  return dueAfter(await loadWorkingCalendar(tx, year, year + 2), acceptedAt, days, rule.resolutionCount);
}

/** A resolved petition is on time when resolved before its due instant. */
function onTimeOf(row: Pick<PetitionRow, "status" | "resolvedAt" | "dueAt">): boolean | null {
  return row.status === PetitionStatus.RESOLVED && row.resolvedAt && row.dueAt ? row.resolvedAt.getTime() < row.dueAt.getTime() : null;
}

/** `submitPetitions`: each item in its own transaction with its counters, change log and audit row. */
export async function submitPetitions(ctx: BatchContext, items: PetitionInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, SUBMIT_PETITIONS, items, (i) => i.key, async (tx, input) => {
    const key = checkKey("key", input.key);
    const receivedAt = checkInstant("receivedAt", input.receivedAt);
    const summary = cleanText("summary", input.summary, 1000, true);
    const petitioner = input.petitioner ? petitionerColumns(input.petitioner) : {};
    const unit = await writableUnit(ctx, tx, "unitCode", input.unitCode, toVnDate(receivedAt));
    const stored = await lockPetition(tx, key);
    const flags = { complicated: input.complicated ?? stored?.complicated ?? false, remoteArea: input.remoteArea ?? stored?.remoteArea ?? false };
    if (!stored) {
      const row = { key, kind: input.kind, channel: input.channel, receivedAt, unitId: unit.id, summary, ...flags, ...petitioner };
      await insertPetition(tx, row);
      await recordChange(tx, "petition", key, unit.id, [], petitionFacts({ ...row, status: PetitionStatus.RECEIVED, acceptedAt: null, onTime: null }));
      return "applied";
    }
    const fixed: [string, boolean][] = [
      ["kind", stored.kind !== input.kind],
      ["unitCode", stored.unitId !== unit.id],
      ["receivedAt", stored.receivedAt.getTime() !== receivedAt.getTime()],
      ["channel", stored.channel !== input.channel],
    ];
    for (const [field, differs] of fixed) if (differs) throw oversightError(E.CONFLICT, field, `is fixed once received and differs from the stored petition ${key}`);
    const changes = { summary: summary ?? stored.summary, ...flags, ...petitioner };
    if (sameValues(changes, stored)) return "unchanged";
    const next = { ...stored, ...changes };
    if (stored.acceptedAt && (flags.complicated !== stored.complicated || flags.remoteArea !== stored.remoteArea)) {
      next.dueAt = await dueOf(tx, next, stored.acceptedAt);
      next.onTime = onTimeOf(next);
    }
    await updatePetition(tx, stored.id, { ...changes, dueAt: next.dueAt, onTime: next.onTime });
    await recordChange(tx, "petition", key, unit.id, petitionFacts(stored), petitionFacts(next));
    return "applied";
  });
}

/** The statuses each action may start from. */
const FROM: Record<PetitionAction, PetitionStatus[]> = {
  ACCEPTED: [PetitionStatus.RECEIVED],
  NOT_ACCEPTED: [PetitionStatus.RECEIVED],
  TRANSFERRED: [PetitionStatus.RECEIVED],
  EXTENDED: [PetitionStatus.ACCEPTED],
  RESOLVED: [PetitionStatus.ACCEPTED],
  WITHDRAWN: [PetitionStatus.RECEIVED, PetitionStatus.ACCEPTED],
};

/** `recordPetitionEvents`: each event in its own transaction; an event id already stored changes nothing. */
export async function recordPetitionEvents(ctx: BatchContext, items: PetitionEventInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, RECORD_PETITION_EVENTS, items, (i) => i.id, async (tx, input) => {
    const eventId = checkKey("id", input.id);
    const at = checkInstant("at", input.at);
    const petition = await lockPetition(tx, input.petitionKey.trim());
    if (!petition) throw oversightError(E.UNKNOWN_REFERENCE, "petitionKey", `no petition has the key ${input.petitionKey.trim()}`);
    const unit = await writableUnitById(ctx, tx, "petitionKey", petition.unitId);
    const existing = await findPetitionEvent(tx, eventId);
    if (existing) {
      if (existing.petitionId !== petition.id || existing.action !== input.action || existing.at.getTime() !== at.getTime()) {
        throw oversightError(E.CONFLICT, "id", `event ${eventId} is already stored with another petition, action or instant`);
      }
      return "unchanged";
    }
    if (!FROM[input.action].includes(petition.status as PetitionStatus)) {
      throw oversightError(E.INVALID_TRANSITION, "action", `a ${petition.status} petition cannot be ${input.action} (allowed from ${FROM[input.action].join(", ")})`);
    }
    const last = (await lastPetitionEventAt(tx, petition.id)) ?? petition.receivedAt;
    if (at.getTime() < last.getTime()) throw oversightError(E.INVALID_DATE, "at", `must not be before the receipt or the previous event (${last.toISOString()})`);
    const next: PetitionRow = { ...petition };
    let toUnitId: number | null = null;
    switch (input.action) {
      case PetitionAction.ACCEPTED:
        next.status = PetitionStatus.ACCEPTED;
        next.acceptedAt = at;
        next.dueAt = await dueOf(tx, next, at);
        break;
      case PetitionAction.EXTENDED: {
        const days = input.extensionDays;
        const rule = await ruleOf(tx, petition.kind);
        const cap = maxExtensionDays(rule, petition.remoteArea);
        if (days == null || !Number.isInteger(days) || days < 1 || petition.extendedDays + days > cap) {
          throw oversightError(E.OUT_OF_RANGE, "extensionDays", `must be a whole number of days, the extensions of a ${petition.kind} adding up to at most ${cap} (already ${petition.extendedDays})`);
        }
        next.extendedDays = petition.extendedDays + days;
        next.dueAt = await dueOf(tx, next, petition.acceptedAt!);
        break;
      }
      case PetitionAction.RESOLVED:
        if (input.outcome == null) throw oversightError(E.REQUIRED, "outcome", "a RESOLVED event names the outcome");
        next.status = PetitionStatus.RESOLVED;
        next.resolvedAt = at;
        next.outcome = input.outcome;
        next.onTime = onTimeOf(next);
        break;
      case PetitionAction.TRANSFERRED: {
        if (input.toUnitCode == null) throw oversightError(E.REQUIRED, "toUnitCode", "a TRANSFERRED event names the unit it went to");
        const to = await unitOn(tx, "toUnitCode", input.toUnitCode, toVnDate(at));
        toUnitId = next.transferredToUnitId = to.id;
        next.status = PetitionStatus.TRANSFERRED;
        break;
      }
      case PetitionAction.NOT_ACCEPTED:
        next.status = PetitionStatus.NOT_ACCEPTED;
        break;
      case PetitionAction.WITHDRAWN:
        next.status = PetitionStatus.WITHDRAWN;
        break;
    }
    await insertPetitionEvent(tx, {
      eventId, petitionId: petition.id, action: input.action, at, toUnitId, outcome: input.outcome ?? null,
      extensionDays: input.action === PetitionAction.EXTENDED ? input.extensionDays! : null, note: cleanText("note", input.note, 1000, true),
      recordedBy: ctx.viewer.tokenId,
    });
    const { id: _id, key: _key, createdAt: _c, updatedAt: _u, ...columns } = next;
    await updatePetition(tx, petition.id, columns);
    await recordChange(tx, "petition", petition.key, unit.id, petitionFacts(petition), petitionFacts(next));
    return "applied";
  });
}
