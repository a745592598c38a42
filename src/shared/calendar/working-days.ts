/**
 * Working-day calendar of Vietnamese state agencies and the due-date arithmetic used for administrative dossiers
 * (hồ sơ thủ tục hành chính).
 *
 * A working day is Monday–Friday that is not a public holiday (statutory or compensatory, see `holidays.ts`),
 * unless an announced exception says otherwise. Exceptions always win, because the government's yearly notices
 * (extra Tết days, Saturdays worked in exchange, relocated compensatory days) override the default rules.
 */
import { addDays, dateRange, isWeekend, parseDate, toVnDate, vnDateTime, vnTimeOfDayMs } from "./dates.js";
import { compensatoryDays, publicHolidays, statutoryHolidays, type Holiday, type HolidayKind, type HolidayOptions } from "./holidays.js";

export { toVnDate, vnDateTime } from "./dates.js";

/** `DAY_OFF`: an announced extra day off; `WORKING_DAY`: a day announced as worked (typically a swapped Saturday). */
export type ExceptionKind = "DAY_OFF" | "WORKING_DAY";

/** One announced deviation from the default calendar. */
export interface CalendarException {
  /** Vietnamese calendar date, `"YYYY-MM-DD"`. */
  date: string;
  kind: ExceptionKind;
  /** Shown in {@link WorkingCalendar.daysOff}; defaults to {@link DEFAULT_EXCEPTION_NAME}. */
  name?: string;
}

/** Kind of a day in {@link WorkingCalendar.daysOff}: a public holiday, or a `DAY_OFF` exception. */
export type DayOffKind = HolidayKind | "DAY_OFF";

/** A non-weekly day off, as listed by {@link WorkingCalendar.daysOff}. */
export interface DayOff {
  date: string;
  name: string;
  kind: DayOffKind;
}

/** Options of {@link WorkingCalendar.addWorkingDays}. */
export interface DueDateOptions {
  /** Local hour (UTC+7) from which a receipt counts as received on the next working day. Default 15. */
  cutoffHour?: number;
  /** Local hour (UTC+7) at which a working day ends; the due instant is at this hour. Default 17. */
  endHour?: number;
}

/** Name given to `DAY_OFF` exceptions that carry none. */
export const DEFAULT_EXCEPTION_NAME = "Nghỉ theo thông báo";

const DEFAULT_CUTOFF_HOUR = 15;
const DEFAULT_END_HOUR = 17;
const HOUR_MS = 3_600_000;

/** Working-day calendar for any year, built from the announced exceptions it should honour. */
export class WorkingCalendar {
  private readonly exceptions = new Map<string, CalendarException>();
  private readonly holidaysByYear = new Map<number, Map<string, Holiday>>();

  /**
   * @param exceptions announced deviations, for any number of years. The same date may appear twice only with
   *   the same kind (the first name is kept).
   * @param options how statutory holidays are placed (see `HolidayOptions`).
   * @throws RangeError on a malformed date or on two exceptions of different kinds for the same date.
   */
  constructor(
    exceptions: readonly CalendarException[] = [],
    private readonly options: HolidayOptions = {},
  ) {
    for (const exception of exceptions) {
      parseDate(exception.date);
      const existing = this.exceptions.get(exception.date);
      if (existing && existing.kind !== exception.kind) {
        throw new RangeError(`Conflicting calendar exceptions for ${exception.date}: ${existing.kind} and ${exception.kind}`);
      }
      if (!existing) this.exceptions.set(exception.date, exception);
    }
  }

  /** True when `date` ("YYYY-MM-DD") is a working day: an exception decides if present, else Mon–Fri and no holiday. */
  isWorkingDay(date: string): boolean {
    const exception = this.exceptions.get(date);
    if (exception) return exception.kind === "WORKING_DAY";
    return !isWeekend(date) && !this.holidayOn(date);
  }

  /**
   * Every day off of a solar year other than ordinary weekends, sorted by date: statutory holidays (also those on
   * a weekend), compensatory days and `DAY_OFF` exceptions. A date that a `WORKING_DAY` exception turns into a
   * working day is left out; a `DAY_OFF` exception on a holiday is listed once, as the holiday.
   */
  daysOff(year: number): DayOff[] {
    const byDate = new Map<string, DayOff>();
    for (const holiday of this.holidays(year).values()) byDate.set(holiday.date, holiday);
    for (const exception of this.exceptions.values()) {
      if (parseDate(exception.date).year !== year) continue;
      if (exception.kind === "WORKING_DAY") byDate.delete(exception.date);
      else if (!byDate.has(exception.date)) {
        byDate.set(exception.date, { date: exception.date, name: exception.name ?? DEFAULT_EXCEPTION_NAME, kind: "DAY_OFF" });
      }
    }
    return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    let candidate = addDays(date, 1);
    while (!this.isWorkingDay(candidate)) candidate = addDays(candidate, 1);
    return candidate;
  }

  /**
   * Due instant of a processing time of `days` working days (thời hạn giải quyết), for a dossier received at
   * the instant `start`.
   *
   * The rule, with all clock times in Vietnam local time (UTC+7, no daylight saving):
   * 1. Day 1 is the receipt date if it is a working day and the receipt is strictly before `cutoffHour`:00
   *    (default 15:00). A receipt at or after the cut-off, or on any non-working day, makes day 1 the next
   *    working day.
   * 2. Days 2…N are the following working days; weekends, holidays and `DAY_OFF` exceptions are skipped and
   *    `WORKING_DAY` exceptions count.
   * 3. The dossier is due at `endHour`:00 (default 17:00) of day N.
   *
   * Example: received Friday 10:00, 3 days, with Monday a working day ⇒ due Tuesday 17:00 (Fri, Mon, Tue).
   *
   * @param days whole number of working days, at least 1.
   * @throws RangeError for an invalid `start`, a non-positive or fractional `days`, or hours outside 0..24.
   */
  addWorkingDays(start: Date, days: number, options: DueDateOptions = {}): Date {
    const cutoffHour = options.cutoffHour ?? DEFAULT_CUTOFF_HOUR;
    const endHour = options.endHour ?? DEFAULT_END_HOUR;
    if (Number.isNaN(start.getTime())) throw new RangeError("Invalid start instant");
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
    for (const [name, hour] of [["cutoffHour", cutoffHour], ["endHour", endHour]] as const) {
      if (!Number.isFinite(hour) || hour < 0 || hour > 24) throw new RangeError(`${name} must be within 0..24, got ${hour}`);
    }

    const receiptDate = toVnDate(start);
    const beforeCutoff = vnTimeOfDayMs(start) < cutoffHour * HOUR_MS;
    let day = this.isWorkingDay(receiptDate) && beforeCutoff ? receiptDate : this.nextWorkingDay(receiptDate);
    for (let counted = 1; counted < days; counted++) day = this.nextWorkingDay(day);
    return vnDateTime(day, endHour);
  }

  /**
   * Number of working days elapsed from `a` to `b`: the working days whose Vietnamese date is after the date of
   * `a` and on or before the date of `b`. Times of day are ignored, so two instants on the same date give 0 and
   * Friday → the following Monday gives 1. Negative (with the same magnitude) when `b` is before `a`.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const from = toVnDate(a);
    const to = toVnDate(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    return dateRange(addDays(from, 1), to).filter((date) => this.isWorkingDay(date)).length;
  }

  private holidayOn(date: string): Holiday | undefined {
    return this.holidays(parseDate(date).year).get(date);
  }

  private holidays(year: number): Map<string, Holiday> {
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Map(publicHolidays(year, this.options).map((h) => [h.date, h]));
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }
}

/**
 * Turns an announced block of days off (e.g. the Tết 2026 block 2026-02-14..2026-02-22) into `DAY_OFF`
 * exceptions for each Monday–Friday of it that is not already a public holiday (statutory or compensatory), so
 * that only the extra days the announcement adds become exceptions. An announced block also settles the
 * compensation of the holidays inside it: a computed compensatory day for one of them that falls after the block
 * becomes a `WORKING_DAY` exception (Tết 2020: 23–29 January off, Thursday 30 January worked).
 * @param from first day of the block, inclusive.
 * @param to last day of the block, inclusive.
 * @param name name given to the generated exceptions.
 * @throws RangeError when `to` is before `from` or a date is malformed.
 */
export function exceptionsFromBlock(from: string, to: string, name: string, options: HolidayOptions = {}): CalendarException[] {
  parseDate(from);
  parseDate(to);
  if (to < from) throw new RangeError(`Block end ${to} is before its start ${from}`);
  const holidays = new Set<string>();
  const compensations: CalendarException[] = [];
  for (let year = parseDate(from).year; year <= parseDate(to).year; year++) {
    const statutory = [...statutoryHolidays(year, options)].sort((a, b) => a.date.localeCompare(b.date));
    // compensatoryDays gives one day per weekend statutory day, in the statutory days' date order.
    const compensated = statutory.filter((h) => isWeekend(h.date));
    compensatoryDays(statutory).forEach((day, i) => {
      const holiday = compensated[i]!;
      if (holiday.date >= from && holiday.date <= to && day.date > to) {
        compensations.push({ date: day.date, kind: "WORKING_DAY", name: `Làm việc (ngày bù đã gộp vào ${name})` });
      }
    });
    for (const h of publicHolidays(year, options)) holidays.add(h.date);
  }
  const daysOff: CalendarException[] = dateRange(from, to)
    .filter((date) => !isWeekend(date) && !holidays.has(date))
    .map((date) => ({ date, kind: "DAY_OFF", name }));
  return [...daysOff, ...compensations];
}
