import type { WorkingCalendar } from "../../shared/calendar/index.js";

/**
 * Whole working days for a processing time that may have a half day: rounded up (the agency's deadline is the end
 * of a working day, as the national portal counts whole days), and at least 1 (0 means "the same working day").
 */
export function processingDays(workingDays: number): number {
  return Math.max(1, Math.ceil(workingDays));
}

/** The due instant of a processing time of `workingDays` counted from the receipt at `receivedAt`. */
export function computeDueAt(calendar: WorkingCalendar, receivedAt: Date, workingDays: number, cutoffHour: number): Date {
  return calendar.addWorkingDays(receivedAt, processingDays(workingDays), { cutoffHour });
}
