/** Statutory due instants of petitions and feedback from the deadlines table (pure). */
import { addDays, toVnDate, vnDateTime, type WorkingCalendar } from "../../shared/calendar/index.js";
import type { DeadlineRow } from "./deadline.store.js";
import { DayCount, PetitionKind } from "./oversight.enums.js";

/** The days a petition has from acceptance: by complexity and area. */
export function resolutionDays(rule: DeadlineRow, complicated: boolean, remote: boolean): number {
  if (remote) return complicated ? rule.remoteComplicatedDays : rule.remoteDays;
  return complicated ? rule.complicatedDays : rule.resolutionDays;
}

/** Extra days an extension may add at most: the complicated time minus the standard (twice for denunciations, Law on Denunciations 2018 art. 30). */
export function maxExtensionDays(rule: DeadlineRow, remote: boolean): number {
  const base = remote ? rule.remoteComplicatedDays - rule.remoteDays : rule.complicatedDays - rule.resolutionDays;
  return rule.kind === PetitionKind.DENUNCIATION ? base * 2 : base;
}

/**
 * The end of the `days`-th day after the Vietnamese date of `start` (the day of the event itself not counted, as the
 * Civil Code 2015, art. 147, counts time limits), in calendar or working days: the first instant of the next day.
 */
export function dueAfter(calendar: WorkingCalendar, start: Date, days: number, count: DayCount | "CALENDAR" | "WORKING"): Date {
  let day = toVnDate(start);
  if (count === DayCount.CALENDAR) day = addDays(day, days);
  else for (let n = 0; n < days; n++) day = calendar.nextWorkingDay(day);
  return vnDateTime(addDays(day, 1), 0);
}
