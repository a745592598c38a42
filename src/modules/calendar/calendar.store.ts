import { and, asc, count, gte, lte } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { calendarExceptions, type CalendarExceptionRow } from "../../db/schema/index.js";

type Reader = Db | Tx;

/** Announced exceptions dated from `from` to `to` (YYYY-MM-DD, inclusive), by date. */
export async function findExceptions(db: Reader, from: string, to: string): Promise<CalendarExceptionRow[]> {
  return db
    .select()
    .from(calendarExceptions)
    .where(and(gte(calendarExceptions.date, from), lte(calendarExceptions.date, to)))
    .orderBy(asc(calendarExceptions.date));
}

/** Replaces every exception of `year` with `rows`. */
export async function replaceYearExceptions(
  tx: Tx,
  year: number,
  rows: { date: string; kind: "DAY_OFF" | "WORKING_DAY"; name: string }[],
): Promise<void> {
  await tx
    .delete(calendarExceptions)
    .where(and(gte(calendarExceptions.date, `${year}-01-01`), lte(calendarExceptions.date, `${year}-12-31`)));
  if (rows.length > 0) await tx.insert(calendarExceptions).values(rows);
}

/** The number of stored exceptions. */
export async function countExceptions(db: Reader): Promise<number> {
  const [row] = await db.select({ n: count() }).from(calendarExceptions);
  return Number(row?.n ?? 0);
}
