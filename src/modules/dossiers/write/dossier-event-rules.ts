/**
 * Pure rules of a status event, shared by the batched and the item-by-item paths of `recordDossierEvents`: what
 * an input must be before anything is read, when a resent event id conflicts with the stored one, and when an event
 * may apply to a dossier. Failures are item errors naming the field.
 */
import type { DossierEventRow, DossierRow } from "../../../db/schema/index.js";
import { formatVnDateTime } from "../../../shared/scalars.js";
import { toVnDate } from "../../../shared/calendar/index.js";
import { cleanText } from "../../../shared/text.js";
import { assertNotFuture } from "./dossier-rules.js";
import { allowedAfter, canTransition } from "../dossier-status.js";
import type { DossierEventInput } from "../dossier.inputs.js";
import type { DossierStatus } from "../dossier-status.js";
import { dossierError } from "../dossier.errors.js";

/** An event input checked and normalised. */
export interface CheckedEvent {
  id: string;
  dossierCode: string;
  /** The agency the dossier is handed over to; null: it stays with its holder. */
  agencyCode: string | null;
  note: string | null;
  status: DossierStatus;
  at: Date;
}

/** The checks that need nothing stored: the id and note, and an instant not in the future. */
export function checkEventInput(input: DossierEventInput): CheckedEvent {
  const id = cleanText("id", input.id, 100);
  const note = cleanText("note", input.note, 2000, true);
  assertNotFuture("at", input.at);
  return { id, dossierCode: input.dossierCode.trim(), agencyCode: handOverCode(input.agencyCode), note, status: input.status, at: input.at };
}

/** Spaces, controls and format characters (a BOM): never part of a code. */
const NOT_IN_CODE = /[\s\p{C}]/u;

/**
 * The agency a dossier is handed over to, taken exactly as sent: an empty, blank or padded code is a sender's bug
 * (a hand-over silently read as "no hand-over", or a code silently trimmed), so it is rejected; null keeps the holder.
 */
function handOverCode(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  if (code === "" || NOT_IN_CODE.test(code)) {
    throw dossierError(
      "INVALID_FORMAT",
      "agencyCode must be an agency code without spaces, control characters or a byte order mark; omit it (null) when the dossier stays with its holder",
      "agencyCode",
    );
  }
  return code;
}

/** An event that keeps the dossier with its holder needs the holder to exist on the event's date (Vietnam time). */
export function assertHolderExists(holder: { code: string; validTo: string | null }, at: Date): void {
  const date = toVnDate(at);
  if (holder.validTo !== null && holder.validTo < date) {
    throw dossierError(
      "UNKNOWN_REFERENCE",
      `agencyCode: the holding agency ${holder.code} ceased to exist on ${holder.validTo}, before ${date}; hand the dossier over to its successor with agencyCode`,
      "agencyCode",
    );
  }
}

/** A stored event as a resend of its id is compared with it. */
export interface KnownEvent {
  event: Pick<DossierEventRow, "toStatus" | "at" | "agencyId" | "previousAgencyId" | "note">;
  dossierCode: string;
  /** Code of the holder after the event. */
  agencyCode: string;
}

/** A resend of a stored event id is `unchanged` when it says the same; CONFLICT naming the first field that differs. */
export function assertSameEvent(previous: KnownEvent, item: CheckedEvent): void {
  const { event } = previous;
  const differs: [string, boolean][] = [
    ["dossierCode", previous.dossierCode !== item.dossierCode],
    ["status", event.toStatus !== item.status],
    ["at", event.at.getTime() !== item.at.getTime()],
    ["agencyCode", item.agencyCode === null ? event.agencyId !== event.previousAgencyId : previous.agencyCode !== item.agencyCode],
    ["note", event.note !== item.note],
  ];
  const field = differs.find(([, d]) => d)?.[0];
  if (field) throw dossierError("CONFLICT", `event ${item.id} was already recorded with another ${field}`, field);
}

/** An event applies to a dossier when it is not earlier than its receipt and latest event, and the transition is allowed. */
export function assertEventApplies(dossier: Pick<DossierRow, "receivedAt" | "lastEventAt" | "status">, item: Pick<CheckedEvent, "status" | "at">): void {
  if (item.at.getTime() < dossier.receivedAt.getTime()) {
    throw dossierError("OUT_OF_ORDER", `at must not be before the dossier's receipt (${formatVnDateTime(dossier.receivedAt)})`, "at");
  }
  if (item.at.getTime() < dossier.lastEventAt.getTime()) {
    throw dossierError(
      "OUT_OF_ORDER",
      `at must not be before the dossier's latest event (${formatVnDateTime(dossier.lastEventAt)}); events are recorded in time order`,
      "at",
    );
  }
  const from = dossier.status as DossierStatus;
  if (!canTransition(from, item.status)) {
    const allowed = allowedAfter(from);
    throw dossierError(
      "INVALID_TRANSITION",
      `status: a dossier in ${from} cannot move to ${item.status} (allowed: ${allowed.length ? allowed.join(", ") : "none, it is final"})`,
      "status",
    );
  }
}
