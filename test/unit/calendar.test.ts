import { describe, expect, it } from "vitest";
import { lunarToSolar, solarToLunar } from "../../src/shared/calendar/lunar";
import { publicHolidays, statutoryHolidays } from "../../src/shared/calendar/holidays";
import {
  WorkingCalendar,
  exceptionsFromBlock,
  toVnDate,
  vnDateTime,
  type CalendarException,
} from "../../src/shared/calendar/working-days";
import { addDays, formatDate } from "../../src/shared/calendar/dates";

const iso = (d: { year: number; month: number; day: number }) => formatDate(d.year, d.month, d.day);
const tet = (year: number) => iso(lunarToSolar(year, 1, 1));

describe("Vietnamese lunar calendar (UTC+7)", () => {
  it.each([
    [2020, "2020-01-25"],
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
  ])("places Tết %i on %s", (year, expected) => {
    expect(tet(year)).toBe(expected);
    expect(solarToLunar(...(expected.split("-").map(Number) as [number, number, number]))).toEqual({
      year,
      month: 1,
      day: 1,
      leap: false,
    });
  });

  it("places Tết 1985 on 21 January, a month before the Chinese (UTC+8) calendar's 20 February", () => {
    expect(tet(1985)).toBe("1985-01-21");
    expect(solarToLunar(1985, 2, 20)).toEqual({ year: 1985, month: 2, day: 1, leap: false });
  });

  it("places Tết 2007 on 17 February, a day before the Chinese calendar", () => {
    expect(tet(2007)).toBe("2007-02-17");
  });

  it("places Giỗ Tổ Hùng Vương (10/3 lunar) on 7 April 2025 and 26 April 2026", () => {
    expect(iso(lunarToSolar(2025, 3, 10))).toBe("2025-04-07");
    expect(iso(lunarToSolar(2026, 3, 10))).toBe("2026-04-26");
  });

  it("recognises leap months: 2nd month of 2023 and 6th month of 2025", () => {
    expect(solarToLunar(2023, 3, 22)).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar(2025, 7, 25)).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(iso(lunarToSolar(2025, 6, 1, true))).toBe("2025-07-25");
    expect(iso(lunarToSolar(2025, 6, 1))).toBe("2025-06-25");
  });

  it("rejects a leap month the year does not have and a 30th day of a 29-day month", () => {
    expect(() => lunarToSolar(2026, 6, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError);
    // Month 12 of Ất Tỵ (lunar 2025) ends on 29 Chạp = 2026-02-16.
    expect(solarToLunar(2026, 2, 16)).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError);
  });

  it("gives 30 to the last day of a month whose new moon strays from the mean (2054-05-07, 2062-04-09)", () => {
    expect(solarToLunar(2054, 5, 7)).toEqual({ year: 2054, month: 3, day: 30, leap: false });
    expect(solarToLunar(2062, 4, 9)).toEqual({ year: 2062, month: 2, day: 30, leap: false });
    expect(solarToLunar(2062, 4, 10)).toEqual({ year: 2062, month: 3, day: 1, leap: false });
  });

  it("walks 1900–2199 day by day with consistent lunar days and exact round trips", () => {
    let date = "1900-01-01";
    let previous = solarToLunar(1900, 1, 1);
    while (date < "2200-01-01") {
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      const lunar = solarToLunar(y, m, d);
      if (date !== "1900-01-01") {
        const nextDayInMonth =
          lunar.day === previous.day + 1 && lunar.month === previous.month && lunar.leap === previous.leap;
        const newMonth = lunar.day === 1 && (previous.day === 29 || previous.day === 30);
        if (!nextDayInMonth && !newMonth) throw new Error(`Lunar sequence breaks at ${date}`);
      }
      if (iso(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap)) !== date) {
        throw new Error(`Round trip fails at ${date}: ${JSON.stringify(lunar)}`);
      }
      previous = lunar;
      date = addDays(date, 1);
    }
    expect(date).toBe("2200-01-01");
  });
});

describe("statutory holidays", () => {
  const dates = (year: number) => publicHolidays(year).map((h) => `${h.date} ${h.kind} ${h.name}`);

  it("lists the 2025 holidays, with Tết from 29 Chạp (28 Jan) and a compensatory day for Saturday mùng 4", () => {
    expect(dates(2025)).toEqual([
      "2025-01-01 STATUTORY Tết Dương lịch",
      "2025-01-28 STATUTORY Tết Nguyên đán",
      "2025-01-29 STATUTORY Tết Nguyên đán",
      "2025-01-30 STATUTORY Tết Nguyên đán",
      "2025-01-31 STATUTORY Tết Nguyên đán",
      "2025-02-01 STATUTORY Tết Nguyên đán",
      "2025-02-03 COMPENSATORY Nghỉ bù Tết Nguyên đán",
      "2025-04-07 STATUTORY Giỗ Tổ Hùng Vương",
      "2025-04-30 STATUTORY Ngày Chiến thắng",
      "2025-05-01 STATUTORY Ngày Quốc tế Lao động",
      "2025-09-01 STATUTORY Quốc khánh",
      "2025-09-02 STATUTORY Quốc khánh",
    ]);
  });

  it("lists the 2026 holidays, compensating Sunday Giỗ Tổ on Monday 27 April", () => {
    expect(dates(2026)).toEqual([
      "2026-01-01 STATUTORY Tết Dương lịch",
      "2026-02-16 STATUTORY Tết Nguyên đán",
      "2026-02-17 STATUTORY Tết Nguyên đán",
      "2026-02-18 STATUTORY Tết Nguyên đán",
      "2026-02-19 STATUTORY Tết Nguyên đán",
      "2026-02-20 STATUTORY Tết Nguyên đán",
      "2026-04-26 STATUTORY Giỗ Tổ Hùng Vương",
      "2026-04-27 COMPENSATORY Nghỉ bù Giỗ Tổ Hùng Vương",
      "2026-04-30 STATUTORY Ngày Chiến thắng",
      "2026-05-01 STATUTORY Ngày Quốc tế Lao động",
      "2026-09-01 STATUTORY Quốc khánh",
      "2026-09-02 STATUTORY Quốc khánh",
    ]);
  });

  it("gives 30/4 and 1/5 falling on a weekend two distinct compensatory days (2 and 3 May 2022)", () => {
    const compensatory = publicHolidays(2022).filter((h) => h.kind === "COMPENSATORY").map((h) => h.date);
    expect(compensatory).toEqual(expect.arrayContaining(["2022-05-02", "2022-05-03"]));
  });

  it("skips holidays when placing a compensatory day (Saturday Giỗ Tổ 2023 lands after 1 May)", () => {
    const bu = publicHolidays(2023).find((h) => h.name === "Nghỉ bù Giỗ Tổ Hùng Vương");
    expect(bu?.date).toBe("2023-05-02");
  });

  it("puts the extra National Day holiday on 3 September when asked", () => {
    const national = statutoryHolidays(2024, { nationalDayExtra: "AFTER" }).filter((h) => h.name === "Quốc khánh");
    expect(national.map((h) => h.date)).toEqual(["2024-09-02", "2024-09-03"]);
  });
});

describe("WorkingCalendar", () => {
  const tet2026 = exceptionsFromBlock("2026-02-14", "2026-02-22", "Nghỉ Tết Nguyên đán 2026");
  const at = (local: string) => new Date(`${local}+07:00`);

  it("treats weekdays as working days and weekends, holidays and compensatory days as days off", () => {
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay("2026-03-02")).toBe(true);
    expect(calendar.isWorkingDay("2026-03-07")).toBe(false);
    expect(calendar.isWorkingDay("2026-02-17")).toBe(false);
    expect(calendar.isWorkingDay("2026-04-27")).toBe(false);
  });

  it("lets announced exceptions override the default rules in both directions", () => {
    const calendar = new WorkingCalendar([
      { date: "2025-02-03", kind: "WORKING_DAY" },
      { date: "2025-01-27", kind: "DAY_OFF", name: "Nghỉ Tết (hoán đổi)" },
      { date: "2025-02-08", kind: "WORKING_DAY", name: "Làm bù" },
    ]);
    expect(calendar.isWorkingDay("2025-02-03")).toBe(true);
    expect(calendar.isWorkingDay("2025-01-27")).toBe(false);
    expect(calendar.isWorkingDay("2025-02-08")).toBe(true);
    const daysOff = calendar.daysOff(2025);
    expect(daysOff).toContainEqual({ date: "2025-01-27", kind: "DAY_OFF", name: "Nghỉ Tết (hoán đổi)" });
    expect(daysOff.map((d) => d.date)).not.toContain("2025-02-03");
    expect(daysOff.find((d) => d.date === "2025-04-07")?.name).toBe("Giỗ Tổ Hùng Vương");
  });

  it("rejects two exceptions of different kinds for the same date", () => {
    const clash: CalendarException[] = [
      { date: "2026-03-07", kind: "WORKING_DAY" },
      { date: "2026-03-07", kind: "DAY_OFF" },
    ];
    expect(() => new WorkingCalendar(clash)).toThrow(RangeError);
  });

  it("turns an announced block into DAY_OFF exceptions only for weekdays that are not already holidays", () => {
    expect(tet2026).toEqual([]); // 14–15 and 21–22 Feb are weekends, 16–20 Feb are statutory
    expect(exceptionsFromBlock("2025-01-25", "2025-02-02", "Nghỉ Tết 2025")).toEqual([
      { date: "2025-01-27", kind: "DAY_OFF", name: "Nghỉ Tết 2025" },
      // mùng 4 fell on Saturday 1 Feb: the announced block already compensated it, Monday 3 Feb was worked.
      { date: "2025-02-03", kind: "WORKING_DAY", name: "Làm việc (ngày bù đã gộp vào Nghỉ Tết 2025)" },
    ]);
  });

  it("applies the announced Tết 2020 block: 23 January off, the computed compensation of 30 January worked", () => {
    const exceptions = exceptionsFromBlock("2020-01-23", "2020-01-29", "Nghỉ Tết 2020");
    expect(exceptions.map((e) => [e.date, e.kind])).toEqual([
      ["2020-01-23", "DAY_OFF"],
      ["2020-01-30", "WORKING_DAY"],
    ]);
    const calendar = new WorkingCalendar(exceptions);
    expect(calendar.nextWorkingDay("2020-01-22")).toBe("2020-01-30");
    expect(calendar.isWorkingDay("2020-01-31")).toBe(true);
  });

  it("finds the next working day after the Tết 2026 block", () => {
    expect(new WorkingCalendar(tet2026).nextWorkingDay("2026-02-13")).toBe("2026-02-23");
  });

  it("makes a dossier received Friday 13 Feb 2026 10:00 with 3 working days due at the end of Tuesday 24 Feb", () => {
    const due = new WorkingCalendar(tet2026).addWorkingDays(at("2026-02-13T10:00:00"), 3);
    expect(due.toISOString()).toBe("2026-02-24T10:00:00.000Z"); // 17:00 UTC+7
  });

  it("counts a receipt at or after the 15:00 cut-off from the next working day", () => {
    const calendar = new WorkingCalendar();
    expect(calendar.addWorkingDays(at("2026-03-02T14:59:59"), 1)).toEqual(at("2026-03-02T17:00:00"));
    expect(calendar.addWorkingDays(at("2026-03-02T15:00:00"), 1)).toEqual(at("2026-03-03T17:00:00"));
    expect(calendar.addWorkingDays(at("2026-03-02T15:30:00"), 2)).toEqual(at("2026-03-04T17:00:00"));
  });

  it("honours custom cut-off and end hours", () => {
    const due = new WorkingCalendar().addWorkingDays(at("2026-03-02T15:30:00"), 1, { cutoffHour: 16, endHour: 16.5 });
    expect(due).toEqual(at("2026-03-02T16:30:00"));
  });

  it("counts a Saturday receipt from the following Monday", () => {
    const calendar = new WorkingCalendar();
    expect(calendar.addWorkingDays(at("2026-03-07T09:00:00"), 1)).toEqual(at("2026-03-09T17:00:00"));
    expect(calendar.addWorkingDays(at("2026-03-07T09:00:00"), 2)).toEqual(at("2026-03-10T17:00:00"));
  });

  it("counts a Saturday made a working day by an exception", () => {
    const calendar = new WorkingCalendar([{ date: "2026-03-14", kind: "WORKING_DAY", name: "Làm bù" }]);
    expect(calendar.addWorkingDays(at("2026-03-13T10:00:00"), 2)).toEqual(at("2026-03-14T17:00:00"));
    expect(calendar.addWorkingDays(at("2026-03-14T08:00:00"), 1)).toEqual(at("2026-03-14T17:00:00"));
  });

  it("uses the Vietnamese date of the receipt instant, not its UTC date", () => {
    const mondayEarly = new Date("2026-03-01T18:00:00Z"); // 01:00 Monday 2 March in Vietnam
    expect(toVnDate(mondayEarly)).toBe("2026-03-02");
    expect(new WorkingCalendar().addWorkingDays(mondayEarly, 1)).toEqual(vnDateTime("2026-03-02", 17));
  });

  it("rejects a processing time that is not a positive whole number of days", () => {
    const calendar = new WorkingCalendar();
    expect(() => calendar.addWorkingDays(at("2026-03-02T09:00:00"), 0)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(at("2026-03-02T09:00:00"), 1.5)).toThrow(RangeError);
  });

  it("counts working days elapsed between two instants, ignoring the time of day", () => {
    const calendar = new WorkingCalendar(tet2026);
    const friday = at("2026-02-13T16:00:00");
    const tuesday = at("2026-02-24T08:00:00");
    expect(calendar.workingDaysBetween(friday, tuesday)).toBe(2);
    expect(calendar.workingDaysBetween(tuesday, friday)).toBe(-2);
    expect(calendar.workingDaysBetween(friday, at("2026-02-13T23:59:00"))).toBe(0);
  });
});
