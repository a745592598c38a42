/**
 * Dashboard periods: validation, and the split of a period into whole months (answered by MONTH rollup rows) and
 * the days of its partial months at either end (answered by DAY rows), so that a query reads at most ~60 day rows
 * per unit however long the period. Pure.
 */
import { addDays } from "../../../shared/calendar/index.js";
import { BadInputError } from "../../../shared/errors.js";
import { isValidDate } from "../../../shared/scalars.js";

/** The longest period a dashboard covers, in years. */
export const MAX_PERIOD_YEARS = 10;

/** An inclusive range of `YYYY-MM-DD` dates. */
export interface DayRange {
  from: string;
  to: string;
}

export interface PeriodSplit {
  from: string;
  to: string;
  /** First days of the first and last whole months inside the period; null when no month is whole. */
  months: DayRange | null;
  /** The days outside whole months: none, one or two ranges. */
  days: DayRange[];
}

function nextMonth(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

function previousMonth(monthStart: string): string {
  const [y, m] = [Number(monthStart.slice(0, 4)), Number(monthStart.slice(5, 7))];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, "0")}-01`;
}

/** `day` plus `years` calendar years (29 February becomes 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  return md === "02-29" && !isValidDate(`${y}-02-29`) ? `${y}-02-28` : `${y}-${md}`;
}

/**
 * Checks a dashboard period (BAD_USER_INPUT naming the argument): `to` not before `from`, at most
 * {@link MAX_PERIOD_YEARS} years long (`from` 2015-01-01 allows `to` up to 2024-12-31).
 */
export function checkPeriod(from: string, to: string): void {
  if (!isValidDate(from)) throw new BadInputError("from", "must be a date YYYY-MM-DD");
  if (!isValidDate(to)) throw new BadInputError("to", "must be a date YYYY-MM-DD");
  if (to < from) throw new BadInputError("to", `must not be before from (${from})`);
  if (to >= addYears(from, MAX_PERIOD_YEARS)) {
    throw new BadInputError("to", `the period may span at most ${MAX_PERIOD_YEARS} years (to before ${addYears(from, MAX_PERIOD_YEARS)})`);
  }
}

/** Splits a valid period into whole months and the remaining days. */
export function splitPeriod(from: string, to: string): PeriodSplit {
  const firstWhole = from.endsWith("-01") ? from : nextMonth(from);
  // The month after the last whole month.
  const afterWhole = nextMonth(to) === addDays(to, 1) ? nextMonth(to) : `${to.slice(0, 7)}-01`;
  if (firstWhole >= afterWhole) return { from, to, months: null, days: [{ from, to }] };
  const days: DayRange[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (afterWhole <= to) days.push({ from: afterWhole, to });
  return { from, to, months: { from: firstWhole, to: previousMonth(afterWhole) }, days };
}

/** The months (`YYYY-MM`) a period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = nextMonth(m)) months.push(m.slice(0, 7));
  return months;
}
