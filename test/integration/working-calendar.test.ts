import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { DOSSIER, SUBMIT, dossierCode, issueToken, seedProcedure } from "../support/dossiers.js";

const CALENDAR = `query($year: Int!) { workingCalendar(year: $year) {
  year workingDayCount daysOff { date name kind } workingDays { date name kind } exceptions { date kind name }
} }`;
const SET = `mutation($year: Int!, $exceptions: [CalendarExceptionInput!]!) {
  setCalendarExceptions(year: $year, exceptions: $exceptions) { year workingDayCount daysOff { date kind name } workingDays { date name } }
}`;
const DUE = `query($at: DateTime!, $days: Float!) { dueDate(receivedAt: $at, workingDays: $days) }`;

describe("the working calendar", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
  });
  afterAll(() => server?.close());

  it("lists a year's statutory holidays and compensatory days to anyone", async () => {
    const calendar = ok(await server.gql(CALENDAR, { year: 2026 })).workingCalendar;
    const byDate = new Map(calendar.daysOff.map((d: { date: string }) => [d.date, d]));
    // Tết 2026: 1/1 lunar is 17 February; the five statutory days are 16–20 February.
    for (const date of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]) {
      expect(byDate.get(date)).toMatchObject({ kind: "STATUTORY", name: "Tết Nguyên đán" });
    }
    // Giỗ Tổ Hùng Vương falls on Sunday 26 April 2026 and is made up on Monday 27 April.
    expect(byDate.get("2026-04-26")).toMatchObject({ kind: "STATUTORY" });
    expect(byDate.get("2026-04-27")).toMatchObject({ kind: "COMPENSATORY" });
    expect(calendar.exceptions).toEqual([]);
  });

  it("an administrator replaces a year's announced exceptions; days off and working Saturdays follow", async () => {
    const before = ok(await server.gql(CALENDAR, { year: 2026 })).workingCalendar.workingDayCount;
    const exceptions = [
      { date: "2026-02-23", kind: "DAY_OFF", name: "Nghỉ Tết bổ sung" },
      { date: "2026-02-24", kind: "DAY_OFF" },
      { date: "2026-03-07", kind: "WORKING_DAY", name: "Làm bù" },
    ];
    const set = ok(await server.admin(SET, { year: 2026, exceptions })).setCalendarExceptions;
    expect(set.workingDayCount).toBe(before - 1);
    expect(set.daysOff).toContainEqual({ date: "2026-02-23", kind: "DAY_OFF", name: "Nghỉ Tết bổ sung" });
    expect(set.daysOff).toContainEqual({ date: "2026-02-24", kind: "DAY_OFF", name: "Nghỉ theo thông báo" });
    expect(set.workingDays).toEqual([{ date: "2026-03-07", name: "Làm bù" }]);
    expect(ok(await server.gql(CALENDAR, { year: 2026 })).workingCalendar.exceptions).toHaveLength(3);

    const replaced = ok(await server.admin(SET, { year: 2026, exceptions: [exceptions[0]] })).setCalendarExceptions;
    // The 24th is a working day again and the Saturday a day off again.
    expect(replaced.workingDayCount).toBe(before - 1);
    expect(replaced.workingDays).toEqual([]);
    expect(ok(await server.gql(CALENDAR, { year: 2026 })).workingCalendar.exceptions).toEqual([
      { date: "2026-02-23", kind: "DAY_OFF", name: "Nghỉ Tết bổ sung" },
    ]);
  });

  it("only an administrator without a unit scope may change it, and bad input changes nothing", async () => {
    const stored = ok(await server.gql(CALENDAR, { year: 2027 })).workingCalendar;
    const exceptions = [{ date: "2027-01-04", kind: "DAY_OFF" }];
    expect((await server.gql(SET, { year: 2027, exceptions })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const writer = await issueToken(server, ["WRITER"], null);
    expect((await server.gql(SET, { year: 2027, exceptions }, writer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const scopedAdmin = await issueToken(server, ["ADMIN"], tree.province.code);
    expect((await server.gql(SET, { year: 2027, exceptions }, scopedAdmin)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const outside = await server.admin(SET, { year: 2027, exceptions: [...exceptions, { date: "2028-01-03", kind: "DAY_OFF" }] });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "exceptions[1].date" });
    const twice = await server.admin(SET, { year: 2027, exceptions: [...exceptions, { date: "2027-01-04", kind: "WORKING_DAY" }] });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "exceptions[1].date" });
    const badDate = await server.admin(SET, { year: 2027, exceptions: [{ date: "2027-02-30", kind: "DAY_OFF" }] });
    expect(badDate.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badYear = await server.gql(CALENDAR, { year: 1800 });
    expect(badYear.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
    expect(ok(await server.gql(CALENDAR, { year: 2027 })).workingCalendar).toEqual(stored);
  });

  it("counts a receipt at or after the 15:00 cut-off from the next working day, and rounds half days up", async () => {
    const due = async (at: string, days: number) => ok(await server.gql(DUE, { at, days })).dueDate;
    // Monday 7 June 2021.
    expect(await due("2021-06-07T14:59:59+07:00", 1)).toBe("2021-06-07T17:00:00.000+07:00");
    expect(await due("2021-06-07T15:00:00+07:00", 1)).toBe("2021-06-08T17:00:00.000+07:00");
    expect(await due("2021-06-07T08:00:00+07:00", 0.5)).toBe("2021-06-07T17:00:00.000+07:00");
    expect(await due("2021-06-07T08:00:00+07:00", 2.5)).toBe("2021-06-09T17:00:00.000+07:00");
    // Friday afternoon after the cut-off: Monday is day 1.
    expect(await due("2021-06-11T16:00:00+07:00", 1)).toBe("2021-06-14T17:00:00.000+07:00");
    // Received on Thursday 29 April 2021 before 30/4 and 1/5 (a Saturday, made up on Monday 3 May).
    expect(await due("2021-04-29T09:00:00+07:00", 2)).toBe("2021-05-04T17:00:00.000+07:00");
    const bad = await server.gql(DUE, { at: "2021-06-07T08:00:00+07:00", days: -1 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "workingDays" });
  });

  it("computes a dossier's due date from the procedure's committed days on the calendar stored at receipt", async () => {
    const procedure = await seedProcedure(server.database.db, 2.5, 5);
    // Monday 3 June 2019; an announced day off on Tuesday 4 June pushes the third working day to Thursday.
    ok(await server.admin(SET, { year: 2019, exceptions: [{ date: "2019-06-04", kind: "DAY_OFF", name: "Nghỉ theo thông báo" }] }));
    const at = "2019-06-03T10:00:00+07:00";
    const late = "2019-06-03T16:00:00+07:00";
    const given = "2019-06-03T11:00:00+07:00";
    const input = [
      { code: dossierCode(tree.communeA.code, at, 1), procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "DIRECT", receivedAt: at },
      { code: dossierCode(tree.communeA.code, late, 2), procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "DIRECT", receivedAt: late },
      {
        code: dossierCode(tree.communeA.code, given, 3),
        procedureCode: procedure.code,
        agencyCode: tree.communeA.code,
        channel: "DIRECT",
        receivedAt: given,
        dueAt: "2019-06-20T17:00:00+07:00",
      },
    ];
    expect(ok(await server.admin(SUBMIT, { input })).submitDossiers.applied).toBe(3);
    const dueOf = async (code: string) => ok(await server.admin(DOSSIER, { code })).dossier.dueAt;
    expect(await dueOf(input[0]!.code)).toBe("2019-06-06T17:00:00.000+07:00");
    expect(await dueOf(input[1]!.code)).toBe("2019-06-07T17:00:00.000+07:00");
    expect(await dueOf(input[2]!.code)).toBe("2019-06-20T17:00:00.000+07:00");
  });
});

describe("the cut-off hour", () => {
  it("is configurable through CUTOFF_HOUR", async () => {
    const server = await startServer({ env: { CUTOFF_HOUR: "12" } });
    try {
      const res = ok(await server.gql(DUE, { at: "2021-06-07T12:00:00+07:00", days: 1 }));
      expect(res.dueDate).toBe("2021-06-08T17:00:00.000+07:00");
    } finally {
      await server.close();
    }
  });
});

describe("the announced calendar shipped with the hub", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { ANNOUNCED_CALENDAR: "true" } });
  });
  afterAll(() => server?.close());

  /** Each year's weekdays off as the notices announced them (weekends left out), and the weekend days worked. */
  const ANNOUNCED: Record<number, { off: string[]; worked?: string[] }> = {
    2018: { off: ["01-01", "02-14", "02-15", "02-16", "02-19", "02-20", "04-25", "04-30", "05-01", "09-03", "12-31"] },
    2019: { off: ["01-01", "02-04", "02-05", "02-06", "02-07", "02-08", "04-15", "04-29", "04-30", "05-01", "09-02"], worked: ["01-05", "05-04"] },
    2020: { off: ["01-01", "01-23", "01-24", "01-27", "01-28", "01-29", "04-02", "04-30", "05-01", "09-02"] },
    2021: { off: ["01-01", "02-10", "02-11", "02-12", "02-15", "02-16", "04-21", "04-30", "05-03", "09-02", "09-03"] },
    2022: { off: ["01-03", "01-31", "02-01", "02-02", "02-03", "02-04", "04-11", "05-02", "05-03", "09-01", "09-02"] },
    2023: { off: ["01-02", "01-20", "01-23", "01-24", "01-25", "01-26", "05-01", "05-02", "05-03", "09-01", "09-04"] },
    2024: { off: ["01-01", "02-08", "02-09", "02-12", "02-13", "02-14", "04-18", "04-29", "04-30", "05-01", "09-02", "09-03"], worked: ["05-04"] },
    2025: { off: ["01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "04-07", "04-30", "05-01", "05-02", "09-01", "09-02"], worked: ["04-26"] },
    2026: { off: ["01-01", "02-16", "02-17", "02-18", "02-19", "02-20", "04-27", "04-30", "05-01", "09-01", "09-02"] },
  };
  const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

  for (const [year, { off, worked = [] }] of Object.entries(ANNOUNCED)) {
    it(`${year}: the days off and working Saturdays are the announced ones, each exception naming its notice`, async () => {
      const calendar = ok(await server.gql(CALENDAR, { year: Number(year) })).workingCalendar;
      const weekdaysOff = calendar.daysOff.map((d: { date: string }) => d.date).filter(weekday).map((d: string) => d.slice(5));
      expect(weekdaysOff).toEqual(off);
      expect(calendar.workingDays.map((d: { date: string }) => d.date.slice(5)).filter((d: string) => !weekday(`${year}-${d}`))).toEqual(worked);
      for (const e of calendar.exceptions) expect(e.name).toMatch(/\((Công văn|Thông báo|Bộ luật|lịch nghỉ|Ý kiến)/);
      // A working year has ~250 working days.
      expect(calendar.workingDayCount).toBe(weekdaysCount(Number(year)) - off.length + worked.length);
    });
  }

  it("2025: 27 January is a day off and 3 February a working day; a dossier due date follows", async () => {
    const due = async (at: string, days: number) => ok(await server.gql(DUE, { at, days })).dueDate;
    // Received Friday 24 January 2025 at 09:00, 2 working days: Friday, then Monday 3 February.
    expect(await due("2025-01-24T09:00:00+07:00", 2)).toBe("2025-02-03T17:00:00.000+07:00");
    // Received Friday 25 April 2025, 2 days: Friday, then Saturday 26 April (worked).
    expect(await due("2025-04-25T09:00:00+07:00", 2)).toBe("2025-04-26T17:00:00.000+07:00");
    // Received Tuesday 29 April, 2 days: Tuesday, then Monday 5 May (30 April – 4 May off).
    expect(await due("2025-04-29T09:00:00+07:00", 2)).toBe("2025-05-05T17:00:00.000+07:00");
  });
});

function weekdaysCount(year: number): number {
  let n = 0;
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    if (![0, 6].includes(d.getUTCDay())) n++;
  }
  return n;
}
