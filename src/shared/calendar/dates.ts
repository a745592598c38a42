/**
 * Plain calendar-date helpers shared by the calendar module.
 *
 * A calendar date is a `"YYYY-MM-DD"` string in the Vietnamese civil calendar. Internally dates are handled as
 * UTC midnights so that arithmetic never depends on the host time zone.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Vietnam's offset from UTC in hours. Vietnam has observed UTC+7 without daylight saving since 1975. */
export const VN_UTC_OFFSET_HOURS = 7;
const VN_OFFSET_MS = VN_UTC_OFFSET_HOURS * HOUR_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Builds a `"YYYY-MM-DD"` string, zero-padding each part. */
export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Parses and validates a `"YYYY-MM-DD"` string.
 * @throws RangeError when the string is malformed or names a non-existent day (e.g. `2025-02-30`).
 */
export function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const probe = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC silently rolls 2025-02-30 over to March; a round trip exposes that.
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Invalid calendar date "${date}", expected an existing day as YYYY-MM-DD`);
}

function toUtcMidnight(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Returns the date `days` calendar days after `date` (negative values go backwards). */
export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMidnight(date) + days * DAY_MS);
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday (same convention as `Date#getDay`). */
export function weekday(date: string): number {
  return new Date(toUtcMidnight(date)).getUTCDay();
}

/** True for Saturdays and Sundays, the weekly rest days of state agencies (40-hour week, Decision 188/1999/QĐ-TTg). */
export function isWeekend(date: string): boolean {
  const wd = weekday(date);
  return wd === 0 || wd === 6;
}

/** Every date from `from` to `to`, both inclusive; empty when `to` is before `from`. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toUtcMidnight(from), end = toUtcMidnight(to); ms <= end; ms += DAY_MS) out.push(fromUtcMs(ms));
  return out;
}

/** The Vietnamese calendar date (UTC+7) on which an instant falls. */
export function toVnDate(instant: Date): string {
  return fromUtcMs(instant.getTime() + VN_OFFSET_MS);
}

/** Milliseconds elapsed since Vietnamese local midnight at the given instant. */
export function vnTimeOfDayMs(instant: Date): number {
  const shifted = instant.getTime() + VN_OFFSET_MS;
  return ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
}

/**
 * The instant at `hour` o'clock Vietnamese time (UTC+7) on `date`.
 * Fractional hours are allowed (`17.5` is 17:30); `24` is the midnight that ends the day.
 */
export function vnDateTime(date: string, hour: number): Date {
  if (!Number.isFinite(hour) || hour < 0 || hour > 24) throw new RangeError(`Hour must be within 0..24, got ${hour}`);
  return new Date(toUtcMidnight(date) + Math.round(hour * HOUR_MS) - VN_OFFSET_MS);
}
