/**
 * Due dates and timeliness of dossiers, as the national public-service portal computes them. Pure functions of
 * the dossier's facts and a {@link WorkingCalendar}; the service loads the calendar and persists the results.
 *
 * Rules:
 * - Due date: the procedure's committed working days counted from the receipt (`WorkingCalendar.addWorkingDays`:
 *   a receipt at or after the cut-off hour, or on a day off, counts from the next working day; due at 17:00 of the
 *   last day). Half days are rounded up to whole working days, and 0 days counts as 1 (due the same working day).
 * - Waiting on the applicant does not count: each completed SUPPLEMENT_REQUESTED period moves the due date by the
 *   working days it lasted (`workingDaysBetween` of its start and end), keeping the time of day.
 * - The end of handling is the first RESOLVED, RETURNED, STOPPED or NOT_ACCEPTED event. A finished dossier is
 *   LATE when it ended after the effective due instant or when the applicant was asked for a supplement more than
 *   once; EARLY when it ended on a day before the due date's day; ON_TIME otherwise.
 * - An open dossier is OVERDUE when the effective due instant has passed, IN_TIME otherwise; while it waits on a
 *   supplement the clock is stopped at the start of the wait.
 */
import { toVnDate, vnDateTime, type WorkingCalendar } from "../../shared/calendar/index.js";
import { DossierStatus, isFinishing } from "./dossier-status.js";

export { computeDueAt, processingDays } from "../calendar/due-date.js";

export type FinishedTimeliness = "EARLY" | "ON_TIME" | "LATE";
export type OpenTimeliness = "IN_TIME" | "OVERDUE";

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** `instant` moved to the `days`-th following working day, at the same time of day (Vietnam time). */
export function extendByWorkingDays(calendar: WorkingCalendar, instant: Date, days: number): Date {
  if (days <= 0) return instant;
  let date = toVnDate(instant);
  for (let i = 0; i < days; i++) date = calendar.nextWorkingDay(date);
  const timeOfDayMs = (((instant.getTime() + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return vnDateTime(date, timeOfDayMs / 3_600_000);
}

/** Timeliness of a finished dossier. */
export function finishedTimeliness(facts: { effectiveDueAt: Date; finishedAt: Date; supplementCount: number }): FinishedTimeliness {
  if (facts.supplementCount > 1) return "LATE";
  if (facts.finishedAt.getTime() > facts.effectiveDueAt.getTime()) return "LATE";
  return toVnDate(facts.finishedAt) < toVnDate(facts.effectiveDueAt) ? "EARLY" : "ON_TIME";
}

/** Timeliness of an open dossier at `now`; a dossier waiting on a supplement is judged at the start of the wait. */
export function openTimeliness(facts: { effectiveDueAt: Date; supplementSince: Date | null }, now: Date): OpenTimeliness {
  const clock = facts.supplementSince ?? now;
  return clock.getTime() > facts.effectiveDueAt.getTime() ? "OVERDUE" : "IN_TIME";
}

/** The lifecycle facts a status event changes. */
export interface LifecycleState {
  status: DossierStatus;
  dueAt: Date;
  effectiveDueAt: Date;
  supplementCount: number;
  supplementDays: number;
  supplementSince: Date | null;
  finishedAt: Date | null;
  timeliness: FinishedTimeliness | null;
}

/** True when the event `to` ends a supplement wait, the only step that counts working days. */
export function needsCalendar(state: LifecycleState, to: DossierStatus): boolean {
  return state.status === DossierStatus.SUPPLEMENT_REQUESTED && to !== DossierStatus.SUPPLEMENT_REQUESTED && state.supplementSince !== null;
}

/**
 * The state after a status event `to` at `at` (the transition itself is validated elsewhere): opens or closes a
 * supplement wait, and on the first finishing status fixes `finishedAt`, the effective due date and the timeliness.
 * `calendar` may be null when {@link needsCalendar} says it is not needed (it saves a query per event).
 */
export function applyStatusEvent(calendar: WorkingCalendar | null, state: LifecycleState, to: DossierStatus, at: Date): LifecycleState {
  const next = { ...state, status: to };
  const waiting = state.status === DossierStatus.SUPPLEMENT_REQUESTED;
  if (to === DossierStatus.SUPPLEMENT_REQUESTED && !waiting) {
    next.supplementCount = state.supplementCount + 1;
    next.supplementSince = at;
  } else if (needsCalendar(state, to) && state.supplementSince) {
    if (!calendar) throw new Error("applyStatusEvent: ending a supplement wait needs the working calendar");
    next.supplementDays = state.supplementDays + Math.max(0, calendar.workingDaysBetween(state.supplementSince, at));
    next.supplementSince = null;
    next.effectiveDueAt = extendByWorkingDays(calendar, state.dueAt, next.supplementDays);
  }
  if (isFinishing(to) && state.finishedAt === null) {
    next.finishedAt = at;
    next.timeliness = finishedTimeliness({ effectiveDueAt: next.effectiveDueAt, finishedAt: at, supplementCount: next.supplementCount });
  }
  return next;
}

/** The state after the base due date changes (a resend with another `dueAt`): effective date and timeliness follow. */
export function withDueAt(calendar: WorkingCalendar, state: LifecycleState, dueAt: Date): LifecycleState {
  const effectiveDueAt = extendByWorkingDays(calendar, dueAt, state.supplementDays);
  const timeliness = state.finishedAt
    ? finishedTimeliness({ effectiveDueAt, finishedAt: state.finishedAt, supplementCount: state.supplementCount })
    : null;
  return { ...state, dueAt, effectiveDueAt, timeliness };
}
