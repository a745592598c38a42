/**
 * Statutory public holidays of Vietnam (Labour Code 2019, art. 112) and the compensatory days off they generate
 * (art. 111(3): a holiday falling on a weekly rest day is made up on the next working day).
 *
 * Only what the law fixes is computed here. Days the government announces each year (extra Tết days, swapped
 * Saturdays, a different placement of a compensatory day) are data and belong in the exceptions given to
 * `WorkingCalendar`, which override everything computed here.
 */
import { addDays, formatDate, isWeekend } from "./dates.js";
import { lunarToSolar } from "./lunar.js";

/** `STATUTORY`: a day listed by art. 112; `COMPENSATORY`: a day off making up for a statutory day on a weekend. */
export type HolidayKind = "STATUTORY" | "COMPENSATORY";

/** One public day off. */
export interface Holiday {
  /** Vietnamese calendar date, `"YYYY-MM-DD"`. */
  date: string;
  /** Vietnamese name, e.g. `"Tết Nguyên đán"` or `"Nghỉ bù Quốc khánh"`. */
  name: string;
  kind: HolidayKind;
}

/**
 * Which neighbour of 2 September is the second National Day holiday. Art. 112(1)(đ) grants "02/9 and one day
 * before or after", leaving the choice to the Prime Minister each year.
 */
export type NationalDayExtra = "BEFORE" | "AFTER";

/** Options for {@link statutoryHolidays} and {@link publicHolidays}. */
export interface HolidayOptions {
  /**
   * Placement of the extra National Day holiday. Defaults to `"BEFORE"` (1 September), the more frequent choice
   * in recent announcements (2024 used 3 September instead). A year that deviates is corrected either with this
   * option or with calendar exceptions.
   */
  nationalDayExtra?: NationalDayExtra;
}

export const HOLIDAY_NAMES = {
  newYear: "Tết Dương lịch",
  lunarNewYear: "Tết Nguyên đán",
  hungKings: "Giỗ Tổ Hùng Vương",
  victoryDay: "Ngày Chiến thắng",
  labourDay: "Ngày Quốc tế Lao động",
  nationalDay: "Quốc khánh",
} as const;

function solarDateOf(d: { year: number; month: number; day: number }): string {
  return formatDate(d.year, d.month, d.day);
}

/**
 * The 11 statutory holidays of a solar year, sorted by date:
 * - 1 January — Tết Dương lịch;
 * - 5 days of Tết Nguyên đán: the last day of the old lunar year (30 Chạp, or 29 Chạp when month 12 is short)
 *   and lunar 1–4 January of the new year — the usual split in the government's annual announcements;
 * - 10/3 lunar — Giỗ Tổ Hùng Vương;
 * - 30 April — Ngày Chiến thắng; 1 May — Ngày Quốc tế Lao động;
 * - 2 September plus one adjacent day (see {@link HolidayOptions.nationalDayExtra}) — Quốc khánh.
 */
export function statutoryHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const statutory = (date: string, name: string): Holiday => ({ date, name, kind: "STATUTORY" });
  // Lunar year `year` always begins between 21 January and 20 February of solar year `year`, so its eve and
  // first four days all fall inside this solar year. Taking the eve as "the day before mùng 1" avoids asking
  // whether month 12 has 29 or 30 days.
  const tet = solarDateOf(lunarToSolar(year, 1, 1));
  const tetDays = [-1, 0, 1, 2, 3].map((offset) => statutory(addDays(tet, offset), HOLIDAY_NAMES.lunarNewYear));
  const nationalDayExtra = options.nationalDayExtra === "AFTER" ? formatDate(year, 9, 3) : formatDate(year, 9, 1);

  return [
    statutory(formatDate(year, 1, 1), HOLIDAY_NAMES.newYear),
    ...tetDays,
    statutory(solarDateOf(lunarToSolar(year, 3, 10)), HOLIDAY_NAMES.hungKings),
    statutory(formatDate(year, 4, 30), HOLIDAY_NAMES.victoryDay),
    statutory(formatDate(year, 5, 1), HOLIDAY_NAMES.labourDay),
    statutory(formatDate(year, 9, 2), HOLIDAY_NAMES.nationalDay),
    statutory(nationalDayExtra, HOLIDAY_NAMES.nationalDay),
  ].sort(byDate);
}

/**
 * Compensatory days (nghỉ bù) for statutory holidays that fall on a Saturday or Sunday: each such holiday, taken
 * in date order, is made up on the first later Monday–Friday that is neither a statutory holiday nor already
 * used as a compensatory day. This applies to every statutory day, lunar ones included (Giỗ Tổ 2026 falls on a
 * Sunday and is made up on Monday 27 April); e.g. 30/4 and 1/5 on Saturday and Sunday yield 2 and 3 May.
 */
export function compensatoryDays(statutory: readonly Holiday[]): Holiday[] {
  const taken = new Set(statutory.map((h) => h.date));
  const result: Holiday[] = [];
  for (const holiday of [...statutory].sort(byDate)) {
    if (!isWeekend(holiday.date)) continue;
    let candidate = addDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    result.push({ date: candidate, name: `Nghỉ bù ${holiday.name}`, kind: "COMPENSATORY" });
  }
  return result;
}

/** Statutory holidays and their compensatory days for a solar year, sorted by date. */
export function publicHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const statutory = statutoryHolidays(year, options);
  return [...statutory, ...compensatoryDays(statutory)].sort(byDate);
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
