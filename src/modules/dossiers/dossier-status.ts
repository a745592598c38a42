/**
 * The dossier lifecycle: the national public-service portal's statuses with their numeric codes, and which
 * transition each status allows. Pure data, shared by the service, the GraphQL enum descriptions and the tests.
 */
export enum DossierStatus {
  SUBMITTED = "SUBMITTED",
  ACCEPTED = "ACCEPTED",
  NOT_ACCEPTED = "NOT_ACCEPTED",
  IN_PROCESS = "IN_PROCESS",
  SUPPLEMENT_REQUESTED = "SUPPLEMENT_REQUESTED",
  PAYMENT_REQUESTED = "PAYMENT_REQUESTED",
  WITHDRAWAL_REQUESTED = "WITHDRAWAL_REQUESTED",
  STOPPED = "STOPPED",
  RESOLVED = "RESOLVED",
  RETURNED = "RETURNED",
}

export enum Channel {
  DIRECT = "DIRECT",
  ONLINE = "ONLINE",
  POSTAL = "POSTAL",
}

/** Portal codes 1..10, in the order of the enum. */
export const STATUS_PORTAL_CODES: Readonly<Record<DossierStatus, number>> = {
  SUBMITTED: 1,
  ACCEPTED: 2,
  NOT_ACCEPTED: 3,
  IN_PROCESS: 4,
  SUPPLEMENT_REQUESTED: 5,
  PAYMENT_REQUESTED: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  RESOLVED: 9,
  RETURNED: 10,
};

/** Portal codes 1..3. */
export const CHANNEL_PORTAL_CODES: Readonly<Record<Channel, number>> = { DIRECT: 1, ONLINE: 2, POSTAL: 3 };

const S = DossierStatus;

/** Statuses a dossier may be received with (`DossierInput.initialStatus`). */
export const INITIAL_STATUSES: readonly DossierStatus[] = [S.SUBMITTED, S.ACCEPTED];

/** Statuses nothing leaves. */
export const TERMINAL_STATUSES: readonly DossierStatus[] = [S.NOT_ACCEPTED, S.STOPPED, S.RETURNED];

/** Statuses that end the handling: the first of them fixes `finishedAt` and the timeliness. */
export const FINISHING_STATUSES: readonly DossierStatus[] = [S.RESOLVED, S.RETURNED, S.STOPPED, S.NOT_ACCEPTED];

/**
 * Allowed next statuses. Every non-terminal status may also be "recorded again" (same status): that is how a
 * hand-over to another agency or a note on the process control slip is recorded without a status change.
 */
export const TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  SUBMITTED: [S.ACCEPTED, S.NOT_ACCEPTED, S.SUPPLEMENT_REQUESTED, S.WITHDRAWAL_REQUESTED],
  ACCEPTED: [S.IN_PROCESS, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED, S.WITHDRAWAL_REQUESTED, S.STOPPED, S.RESOLVED],
  NOT_ACCEPTED: [],
  IN_PROCESS: [S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED, S.WITHDRAWAL_REQUESTED, S.STOPPED, S.RESOLVED],
  SUPPLEMENT_REQUESTED: [S.ACCEPTED, S.NOT_ACCEPTED, S.IN_PROCESS, S.WITHDRAWAL_REQUESTED, S.STOPPED],
  PAYMENT_REQUESTED: [S.IN_PROCESS, S.WITHDRAWAL_REQUESTED, S.STOPPED, S.RESOLVED],
  WITHDRAWAL_REQUESTED: [S.ACCEPTED, S.IN_PROCESS, S.STOPPED],
  STOPPED: [],
  RESOLVED: [S.RETURNED],
  RETURNED: [],
};

/** True when a dossier in `from` may record an event with status `to` (a same-status event only if not terminal). */
export function canTransition(from: DossierStatus, to: DossierStatus): boolean {
  if (TERMINAL_STATUSES.includes(from)) return false;
  return from === to || TRANSITIONS[from].includes(to);
}

/** The statuses `from` allows next, for error messages. */
export function allowedAfter(from: DossierStatus): DossierStatus[] {
  return TERMINAL_STATUSES.includes(from) ? [] : [from, ...TRANSITIONS[from]];
}

export function isFinishing(status: DossierStatus): boolean {
  return FINISHING_STATUSES.includes(status);
}
