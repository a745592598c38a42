import type { Context } from "../../context.js";
import type { Db, Tx } from "../../db/client.js";
import { assertAdmin, recordAudit } from "../access/access.service.js";
import type { Viewer } from "../access/viewer.js";
import { DEFAULT_EXCEPTION_NAME, WorkingCalendar, addDays, type CalendarException as Exception } from "../../shared/calendar/index.js";
import { BadInputError, ForbiddenError } from "../../shared/errors.js";
import { computeDueAt, processingDays } from "./due-date.js";
import { announcedExceptions } from "./announced-calendar.js";
import { countExceptions, findExceptions, replaceYearExceptions } from "./calendar.store.js";
import {
  CalendarDayKind, CalendarExceptionKind, type CalendarExceptionInput, type WorkingCalendarYear,
} from "./calendar.types.js";

type Reader = Db | Tx;

/** Name given to `WORKING_DAY` exceptions that carry none. */
export const DEFAULT_WORKING_DAY_NAME = "Làm việc theo thông báo";
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * The working calendar with the announced exceptions of `fromYear`..`toYear` (read from the database on every
 * computation, inside the caller's transaction when given one, so that every instance uses the current table).
 */
export async function loadWorkingCalendar(db: Reader, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  const rows = await findExceptions(db, `${fromYear}-01-01`, `${toYear}-12-31`);
  return new WorkingCalendar(rows.map((r): Exception => ({ date: r.date, kind: r.kind, name: r.name })));
}

/**
 * The working calendar loaded at most once, on first use, for the union of the year ranges `ranges` yields (for a
 * batch whose items may or may not need it).
 */
export function calendarOnce(db: Reader, ranges: () => Iterable<[number, number]>): () => Promise<WorkingCalendar> {
  let loaded: Promise<WorkingCalendar> | undefined;
  return () => {
    if (!loaded) {
      let from = Infinity;
      let to = -Infinity;
      for (const [a, b] of ranges()) {
        from = Math.min(from, a);
        to = Math.max(to, b);
      }
      loaded = loadWorkingCalendar(db, from, to);
    }
    return loaded;
  };
}

/** Years spanned by a computation starting at `from` and running `days` working days (with a year's margin). */
export function yearsFor(from: Date, to: Date | null = null, days = 0): [number, number] {
  const start = new Date(from.getTime() + 7 * 3_600_000).getUTCFullYear();
  const end = to ? new Date(to.getTime() + 7 * 3_600_000).getUTCFullYear() : start;
  return [start, end + 1 + Math.floor(days / 240)];
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new BadInputError("year", `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
}

/** The working calendar of one year as the API shows it. */
export async function workingCalendarYear(db: Reader, year: number): Promise<WorkingCalendarYear> {
  assertYear(year);
  const rows = await findExceptions(db, `${year}-01-01`, `${year}-12-31`);
  const calendar = new WorkingCalendar(rows.map((r): Exception => ({ date: r.date, kind: r.kind, name: r.name })));
  let workingDayCount = 0;
  for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date)) workingDayCount++;
  }
  return {
    year,
    daysOff: calendar.daysOff(year).map((d) => ({ date: d.date, name: d.name, kind: d.kind as CalendarDayKind })),
    workingDays: rows
      .filter((r) => r.kind === "WORKING_DAY")
      .map((r) => ({ date: r.date, name: r.name, kind: CalendarDayKind.WORKING_DAY })),
    exceptions: rows.map((r) => ({ date: r.date, kind: r.kind as CalendarExceptionKind, name: r.name })),
    workingDayCount,
  };
}

/** The national calendar is not tied to a unit: only an administrator token without a scope may change it. */
export function assertCalendarAdmin(viewer: Viewer): void {
  assertAdmin(viewer);
  if (viewer.scopePath !== null) throw new ForbiddenError("the national working calendar needs an ADMIN token without a unit scope");
}

/**
 * Replaces the announced exceptions of `year` with `exceptions` (administrators only), atomically. Due dates
 * already stored are not recomputed; dossiers received from now on, supplement waits and `dueDate` use the new
 * table.
 */
export async function setCalendarExceptions(
  ctx: Pick<Context, "db" | "viewer">,
  year: number,
  exceptions: CalendarExceptionInput[],
): Promise<WorkingCalendarYear> {
  assertCalendarAdmin(ctx.viewer);
  assertYear(year);
  if (exceptions.length > 366) throw new BadInputError("exceptions", "must contain at most 366 items");
  const seen = new Set<string>();
  const rows = exceptions.map((e, i) => {
    const field = `exceptions[${i}]`;
    if (!e.date.startsWith(`${year}-`)) throw new BadInputError(`${field}.date`, `must lie in ${year} (got ${e.date})`);
    if (seen.has(e.date)) throw new BadInputError(`${field}.date`, `${e.date} is listed twice`);
    seen.add(e.date);
    const name = e.name?.normalize("NFC").trim() || (e.kind === CalendarExceptionKind.DAY_OFF ? DEFAULT_EXCEPTION_NAME : DEFAULT_WORKING_DAY_NAME);
    if (name.length > 200) throw new BadInputError(`${field}.name`, `must be at most 200 characters (got ${name.length})`);
    return { date: e.date, kind: e.kind, name };
  });
  return ctx.db.transaction(async (tx) => {
    await replaceYearExceptions(tx, year, rows);
    await recordAudit(tx, ctx.viewer, "setCalendarExceptions", String(year));
    return workingCalendarYear(tx, year);
  });
}

/** The due instant of `workingDays` (half days rounded up) counted from `receivedAt`, with the configured cut-off. */
export async function dueDate(
  ctx: Pick<Context, "db" | "config">,
  receivedAt: Date,
  workingDays: number,
): Promise<Date> {
  if (!Number.isFinite(workingDays) || workingDays < 0 || workingDays > 3650) {
    throw new BadInputError("workingDays", "must be a number of working days from 0 to 3650");
  }
  const [from, to] = yearsFor(receivedAt, null, processingDays(workingDays));
  const calendar = await loadWorkingCalendar(ctx.db, from, to);
  return computeDueAt(calendar, receivedAt, workingDays, ctx.config.cutoffHour);
}

/**
 * Writes the announced exceptions of 2018–2026 (see `announced-calendar.ts`) into a database that holds no
 * exception yet, so that the calendar is right out of the box; each exception's name ends with the notice it comes
 * from. A table that holds any exception is the administrator's and is left alone. True when it wrote them.
 */
export async function seedAnnouncedCalendar(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await countExceptions(tx)) > 0) return false;
    const rows = announcedExceptions().map((e) => ({ date: e.date, kind: e.kind, name: `${e.name} (${e.source})`.slice(0, 200) }));
    for (let year = Number(rows[0]!.date.slice(0, 4)); year <= Number(rows.at(-1)!.date.slice(0, 4)); year++) {
      await replaceYearExceptions(tx, year, rows.filter((r) => r.date.startsWith(`${year}-`)));
    }
    return true;
  });
}
