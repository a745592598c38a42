/**
 * Vietnamese lunisolar calendar (âm lịch) conversion.
 *
 * Implements Hồ Ngọc Đức's well-known astronomical algorithm ("Thuật toán tính âm lịch"): new moons and solar
 * longitudes come from the Meeus-style series below, and every rule is evaluated at local midnight of time zone
 * UTC+7. The time zone matters: the same astronomy evaluated at UTC+8 gives the Chinese calendar, which differs
 * from the Vietnamese one in some years (e.g. Tết 1985 is 1985-01-21 in Vietnam but 1985-02-20 in China).
 *
 * Rules of the calendar:
 * - a lunar month starts on the local day containing the new moon;
 * - month 11 is the month containing the winter solstice;
 * - when 13 new moons separate two consecutive month-11 starts, the year has a leap month: the first month after
 *   month 11 that contains no major solar term (trung khí) repeats the number of the preceding month.
 *
 * Accurate for 1900–2199 (the series' validity range). Note that northern Vietnam used UTC+8 before 1968, so
 * printed calendars from before that year can differ from these UTC+7 results by design.
 */

/** A day of the Vietnamese lunar calendar. */
export interface LunarDate {
  /** Lunar year number, equal to the solar year in which its Tết falls. */
  year: number;
  /** Month 1–12; a leap month carries the number of the month it repeats. */
  month: number;
  /** Day 1–30. */
  day: number;
  /** True for the days of a leap month (tháng nhuận). */
  leap: boolean;
}

/** A day of the Gregorian calendar. */
export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

/** Time zone (hours east of UTC) in which the Vietnamese calendar is defined. */
const TIME_ZONE = 7;
/** Mean length of a synodic month in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the origin of the new-moon index `k`. */
const NEW_MOON_EPOCH = 2415021.076998695;

const { floor, sin, PI } = Math;
const DEG = PI / 180;

/** Julian day number of a Gregorian (or, before 1582-10-15, Julian) calendar date. */
function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = floor((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  const jd = dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
  return jd < 2299161 ? dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - 32083 : jd;
}

/** Inverse of {@link jdFromDate}. */
function jdToDate(jd: number): SolarDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = floor((4 * a + 3) / 146097);
    c = a - floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * sin(M * DEG) + 0.0021 * sin(2 * DEG * M);
  c1 = c1 - 0.4068 * sin(Mpr * DEG) + 0.0161 * sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * sin(DEG * 2 * F) - 0.0051 * sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * sin(DEG * (M - Mpr)) + 0.0004 * sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * sin(DEG * (2 * F - M)) - 0.0006 * sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * sin(DEG * (2 * F - Mpr)) + 0.0005 * sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent solar longitude in radians, normalised to [0, 2π), at the (fractional) Julian day `jdn`. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * sin(DEG * 2 * M) + 0.00029 * sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - 2 * PI * floor(L / (2 * PI));
}

/** Index 0–11 of the 30° solar-longitude sector at local midnight starting day `dayNumber` (0 = 0°–30°). */
function sunSector(dayNumber: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / PI) * 6);
}

/** Local day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Day number of the start of lunar month 11 of solar year `yy` (the month containing the winter solstice). */
function lunarMonth11(yy: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // If the sun is already past 270° at that new moon, the solstice lies in the previous lunation.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/**
 * Position (in months after month 11 starting at `a11`) of the leap month in a 13-month lunar year: the first
 * month whose start shares its solar sector with the next month's start, i.e. a month without a major term.
 */
function leapMonthOffset(a11: number): number {
  const k = floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertInteger(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar (UTC+7).
 * @example solarToLunar(2026, 2, 17) // { year: 2026, month: 1, day: 1, leap: false } — Tết Bính Ngọ
 */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  assertInteger("year", year);
  assertInteger("month", month);
  assertInteger("day", day);
  const dayNumber = jdFromDate(day, month, year);
  // The mean-motion estimate of the current lunation can be off by one when the true new moon strays far
  // enough from the mean one (the published code then returns "day 0", e.g. for 2054-05-07 and 2062-04-09),
  // so adjust k until new moon k is on or before the day and new moon k+1 after it.
  let k = floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k--;
  while (newMoonDay(k + 1) <= dayNumber) k++;
  const monthStart = newMoonDay(k);

  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }

  const diff = floor((monthStart - a11) / 29); // whole months since month 11
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  // Months 11 and 12 right after a11 still belong to the lunar year that began before it.
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;

  return { year: lunarYear, month: lunarMonth, day: dayNumber - monthStart + 1, leap };
}

/**
 * Converts a Vietnamese lunar date (UTC+7) to the Gregorian calendar.
 * @param leap pass `true` for a day of the leap month (tháng nhuận).
 * @throws RangeError when the month is not the leap month of that year but `leap` is set, or when `lunarDay`
 *   exceeds the length of that lunar month (29 or 30 days).
 * @example lunarToSolar(2025, 3, 10) // { year: 2025, month: 4, day: 7 } — Giỗ Tổ Hùng Vương
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): SolarDate {
  assertInteger("lunarYear", lunarYear);
  assertInteger("lunarMonth", lunarMonth);
  assertInteger("lunarDay", lunarDay);
  if (lunarMonth < 1 || lunarMonth > 12) throw new RangeError(`Lunar month must be 1..12, got ${lunarMonth}`);
  if (lunarDay < 1 || lunarDay > 30) throw new RangeError(`Lunar day must be 1..30, got ${lunarDay}`);

  // Months 11 and 12 of lunar year Y start in solar year Y; the others follow month 11 of solar year Y-1.
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)]
      : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;

  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && lunarMonth !== leapMonth) {
      throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth} (its leap month is ${leapMonth})`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${lunarYear} has no leap month`);
  }

  const monthStart = newMoonDay(k + off);
  const monthLength = newMoonDay(k + off + 1) - monthStart;
  if (lunarDay > monthLength) {
    throw new RangeError(`Lunar month ${lunarMonth}${leap ? " (leap)" : ""}/${lunarYear} has only ${monthLength} days`);
  }
  return jdToDate(monthStart + lunarDay - 1);
}
