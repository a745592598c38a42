import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import type { PeriodSplit } from "./dashboard-period.js";
import { resultRows, scopeArrays, type ScopeUnit } from "./dashboard-scope.store.js";

type Reader = Db | Tx;

/** Counter sums of rollup rows (the names of `DashboardCounts` and the receipt flags). */
export interface CounterSums {
  received: number;
  early: number;
  onTime: number;
  late: number;
  stopped: number;
  notAccepted: number;
}

export interface MainSums extends CounterSums {
  paidOnline: number;
  digitised: number;
  electronicResult: number;
  feeDue: number;
}

/** One group of the main rollup query: per bucket and channel, or per month and channel. */
export interface MainGroupRow extends MainSums {
  bucket: number | null;
  month: string | null;
  channel: "DIRECT" | "ONLINE" | "POSTAL";
}

export interface FieldRow extends CounterSums {
  field: string;
}

/** `unnest` of the scope as a relation `s(unit_id, bucket)`. */
function scopeRelation(scope: readonly ScopeUnit[]): SQL {
  const { ids, buckets } = scopeArrays(scope);
  return sql`unnest(${ids}::int[], ${buckets}::int[]) AS s(unit_id, bucket)`;
}

/** The period as a relation `p(span, lo, hi)` of up to three ranges: its whole months, the days before and after them. */
function periodRanges(period: PeriodSplit): SQL {
  const ranges: SQL[] = [];
  if (period.months) ranges.push(sql`('MONTH'::rollup_span, ${period.months.from}::date, ${period.months.to}::date)`);
  for (const days of period.days) ranges.push(sql`('DAY'::rollup_span, ${days.from}::date, ${days.to}::date)`);
  return sql`(VALUES ${sql.join(ranges, sql`, `)}) AS p(span, lo, hi)`;
}

/**
 * Rollup rows `r` of the scope `s` in the period `p`: one index range scan of the primary key
 * `(agency_id, span, start, …)` per unit and range. The LATERAL subquery with OFFSET 0 keeps PostgreSQL from
 * turning this into a sequential scan and a hash join, which its estimates favour from ~100 units on and which
 * measured ten times slower at 2M dossiers (an OR of the ranges in WHERE reads every row of each unit, too).
 */
function rollupsOf(table: "dossier_rollups" | "dossier_field_rollups", scope: readonly ScopeUnit[], period: PeriodSplit): SQL {
  return sql`${scopeRelation(scope)} CROSS JOIN ${periodRanges(period)}
    CROSS JOIN LATERAL (
      SELECT * FROM ${sql.identifier(table)} x WHERE x.agency_id = s.unit_id AND x.span = p.span AND x.start BETWEEN p.lo AND p.hi OFFSET 0
    ) r`;
}

const SUMS = sql`sum(r.received)::int AS received, sum(r.early)::int AS early, sum(r.on_time)::int AS "onTime",
  sum(r.late)::int AS late, sum(r.stopped)::int AS stopped, sum(r.not_accepted)::int AS "notAccepted"`;

/**
 * The main rollup counters of a scope over a period, grouped twice (one statement, GROUPING SETS): by bucket and
 * channel (totals, own figures, children, channels) and by month and channel (the monthly series). Months are
 * grouped by `date_trunc` (`to_char` per row costs three times as much on PGlite).
 */
export async function sumMainRollups(db: Reader, scope: readonly ScopeUnit[], period: PeriodSplit): Promise<MainGroupRow[]> {
  if (scope.length === 0) return [];
  const result = await db.execute(sql`
    SELECT s.bucket, left(date_trunc('month', r.start::timestamp)::date::text, 7) AS month, r.channel, ${SUMS},
      sum(r.paid_online)::int AS "paidOnline", sum(r.digitised)::int AS digitised,
      sum(r.electronic_result)::int AS "electronicResult", sum(r.fee_due)::int AS "feeDue"
    FROM ${rollupsOf("dossier_rollups", scope, period)}
    GROUP BY GROUPING SETS ((s.bucket, r.channel), (date_trunc('month', r.start::timestamp), r.channel))`);
  return resultRows<MainGroupRow>(result);
}

/** The field rollup counters of a whole scope over a period, per field. */
export async function sumFieldRollups(db: Reader, scope: readonly ScopeUnit[], period: PeriodSplit): Promise<FieldRow[]> {
  if (scope.length === 0) return [];
  const result = await db.execute(sql`
    SELECT r.field, ${SUMS}
    FROM ${rollupsOf("dossier_field_rollups", scope, period)}
    GROUP BY r.field`);
  return resultRows<FieldRow>(result);
}

/** Open and past its effective due instant at `now`; a dossier waiting on a supplement is judged at the start of the wait. */
const overdue = (now: Date) => sql`(d.effective_due_at < COALESCE(d.supplement_since, ${now.toISOString()}::timestamptz))`;

export interface PendingRow {
  bucket: number;
  inTime: number;
  overdue: number;
}

/**
 * Dossiers still open at `now` that were received before `receivedBefore`, per bucket, in time or overdue. Not a
 * stored counter (time moves): read from the open dossiers through the partial index on `agency_id` of open rows.
 */
export async function countPending(db: Reader, scope: readonly ScopeUnit[], receivedBefore: Date, now: Date): Promise<PendingRow[]> {
  if (scope.length === 0) return [];
  const result = await db.execute(sql`
    SELECT s.bucket, count(*) FILTER (WHERE NOT ${overdue(now)})::int AS "inTime", count(*) FILTER (WHERE ${overdue(now)})::int AS overdue
    FROM dossiers d JOIN ${scopeRelation(scope)} ON s.unit_id = d.agency_id
    WHERE d.finished_at IS NULL AND d.received_at < ${receivedBefore.toISOString()}::timestamptz
    GROUP BY s.bucket`);
  return resultRows<PendingRow>(result);
}

export interface OverdueProcedureRow {
  code: string;
  name: string;
  field: string;
  overdue: number;
}

/** The procedures with the most overdue open dossiers of the scope (received before `receivedBefore`), most first. */
export async function topOverdueProcedures(
  db: Reader,
  scope: readonly ScopeUnit[],
  receivedBefore: Date,
  now: Date,
  limit: number,
): Promise<OverdueProcedureRow[]> {
  if (scope.length === 0) return [];
  const result = await db.execute(sql`
    SELECT p.code, p.name, p.field, o.overdue
    FROM (
      SELECT d.procedure_id, count(*)::int AS overdue
      FROM dossiers d JOIN ${scopeRelation(scope)} ON s.unit_id = d.agency_id
      WHERE d.finished_at IS NULL AND d.received_at < ${receivedBefore.toISOString()}::timestamptz AND ${overdue(now)}
      GROUP BY d.procedure_id
    ) o JOIN procedures p ON p.id = o.procedure_id
    ORDER BY o.overdue DESC, p.code
    LIMIT ${limit}`);
  return resultRows<OverdueProcedureRow>(result);
}

export interface OfferedProcedures {
  procedures: number;
  online: number;
}

/** Distinct procedures implemented by the scope's units (the catalogue now), and how many are offered online. */
export async function countOfferedProcedures(db: Reader, scope: readonly ScopeUnit[]): Promise<OfferedProcedures> {
  if (scope.length === 0) return { procedures: 0, online: 0 };
  const result = await db.execute(sql`
    SELECT count(DISTINCT p.id)::int AS procedures,
      count(DISTINCT p.id) FILTER (WHERE p.online_kind IN ('FULL', 'PARTIAL'))::int AS online
    FROM procedure_agencies pa JOIN ${scopeRelation(scope)} ON s.unit_id = pa.unit_id
    JOIN procedures p ON p.id = pa.procedure_id`);
  return resultRows<OfferedProcedures>(result)[0] ?? { procedures: 0, online: 0 };
}
