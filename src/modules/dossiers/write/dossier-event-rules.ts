/**
 * Pure rules of a status event, shared by the batched and the item-by-item paths of `recordDossierEvents`: what
 * an input must be before anything is read, when a resent event id conflicts with the stored one, and when an event
 * may apply to a dossier. Failures are item errors naming the field.
 */
import type { DossierEventRow, DossierRow } from "../../../db/schema/index.js";
import { formatVnDateTime } from "../../../shared/scalars.js";
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
  return { id, dossierCode: input.dossierCode.trim(), agencyCode: input.agencyCode?.trim() || null, note, status: input.status, at: input.at };
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
