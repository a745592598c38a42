import type { DossierEventRow, DossierRow } from "../../db/schema/index.js";
import { decodeCursor, encodeCursor } from "../../shared/pagination.js";
import { BadInputError } from "../../shared/errors.js";
import { CHANNEL_PORTAL_CODES, STATUS_PORTAL_CODES } from "./dossier-status.js";
import { openTimeliness } from "./dossier-timeliness.js";
import type { StreamedEvent } from "./dossier-event-log.store.js";
import type { Channel, DossierStatus } from "./dossier-status.js";
import type { ApplicantKind, DossierEventKind, Timeliness } from "./dossier.enums.js";
import { Dossier, DossierEvent, DossierStatusEvent } from "./dossier.types.js";

const EVENT_CURSOR = "dossierEvent";

/** The opaque cursor of an event-log position. */
export function eventCursor(position: number): string {
  return encodeCursor(EVENT_CURSOR, [position]);
}

/** The position an event cursor stands for; BAD_USER_INPUT naming `field` when it is not one. */
export function decodeEventCursor(cursor: string, field = "after"): number {
  let position: unknown;
  try {
    [position] = decodeCursor(EVENT_CURSOR, cursor);
  } catch {
    throw new BadInputError(field, "is not a cursor of the dossier event log");
  }
  if (typeof position !== "number" || !Number.isSafeInteger(position) || position < 0) {
    throw new BadInputError(field, "is not a cursor of the dossier event log");
  }
  return position;
}

/** The one place dossier rows become API objects; open dossiers' timeliness is taken at `now`. */
export function toDossier(row: DossierRow, now: Date = new Date()): Dossier {
  const status = row.status as DossierStatus;
  const channel = row.channel as Channel;
  return Object.assign(new Dossier(), {
    id: row.id,
    procedureId: row.procedureId,
    agencyId: row.agencyId,
    holderId: row.holderId,
    applicantData:
      row.applicantName === null
        ? null
        : {
            kind: (row.applicantKind ?? "CITIZEN") as ApplicantKind,
            name: row.applicantName,
            identityNumber: row.applicantIdentity,
            phone: row.applicantPhone,
            email: row.applicantEmail,
            address: row.applicantAddress,
          },
    supplementSince: row.supplementSince,
    code: row.code,
    channel,
    channelPortalCode: CHANNEL_PORTAL_CODES[channel],
    status,
    statusPortalCode: STATUS_PORTAL_CODES[status],
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    effectiveDueAt: row.effectiveDueAt,
    finishedAt: row.finishedAt,
    timeliness: (row.timeliness ?? openTimeliness(row, now)) as Timeliness,
    supplementCount: row.supplementCount,
    paidOnline: row.paidOnline,
    digitised: row.digitised,
    electronicResult: row.electronicResult,
    lastEventAt: row.lastEventAt,
    updatedAt: row.updatedAt,
  });
}

export function toDossierEvent(row: DossierEventRow): DossierEvent {
  const from = row.fromStatus as DossierStatus | null;
  const to = row.toStatus as DossierStatus;
  return Object.assign(new DossierEvent(), {
    dossierId: row.dossierId,
    agencyId: row.agencyId,
    previousAgencyId: row.previousAgencyId,
    cursor: eventCursor(row.position),
    id: row.eventId,
    kind: row.kind as DossierEventKind,
    from,
    to,
    fromPortalCode: from === null ? null : STATUS_PORTAL_CODES[from],
    toPortalCode: STATUS_PORTAL_CODES[to],
    at: row.at,
    handOver: row.previousAgencyId !== null && row.previousAgencyId !== row.agencyId,
    note: row.note,
    recordedAt: row.recordedAt,
  });
}

export function toStatusEvent(streamed: StreamedEvent): DossierStatusEvent {
  const { event } = streamed;
  return Object.assign(new DossierStatusEvent(), {
    cursor: eventCursor(event.position),
    dossier: toDossier(streamed.dossier),
    kind: event.kind as DossierEventKind,
    eventId: event.eventId,
    from: event.fromStatus as DossierStatus | null,
    to: event.toStatus as DossierStatus,
    fromPortalCode: event.fromStatus === null ? null : STATUS_PORTAL_CODES[event.fromStatus as DossierStatus],
    toPortalCode: STATUS_PORTAL_CODES[event.toStatus as DossierStatus],
    at: event.at,
    agencyCode: streamed.agencyCode,
    previousAgencyCode: streamed.previousAgencyCode,
    handOver: event.previousAgencyId !== null && event.previousAgencyId !== event.agencyId,
    note: event.note,
  });
}
