import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import type { PeriodSplit } from "./dashboard-period.js";
import { resultRows } from "../../../db/rows.js";
import { OWN_BUCKET } from "./dashboard-scope.store.js";
import { termArrays, type ScopeTerms, type Term } from "./dashboard-terms.js";
import { classifiedOverdue, WATERMARK } from "../../rollups/rollup.sql.js";

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

/** `unnest` of terms as a relation `t(unit_id, bucket, sign)`. */
function termRelation(terms: readonly Term[]): SQL {
  const { ids, buckets, signs } = termArrays(terms);
  return sql`unnest(${ids}::int[], ${buckets}::int[], ${signs}::int[]) AS t(unit_id, bucket, sign)`;
}

/** The period as a relation `p(span, lo, hi)` of up to three ranges: its whole months, the days before and after them. */
function periodRanges(period: PeriodSplit): SQL {
  const ranges: SQL[] = [];
  if (period.months) ranges.push(sql`('MONTH'::rollup_span, ${period.months.from}::date, ${period.months.to}::date)`);
  for (const days of period.days) ranges.push(sql`('DAY'::rollup_span, ${days.from}::date, ${days.to}::date)`);
  return sql`(VALUES ${sql.join(ranges, sql`, `)}) AS p(span, lo, hi)`;
}

/**
 * Subtree rollup rows `r` of the terms `t` in the period `p`: one index range scan of the primary key
 * `(agency_id, span, start, …)` per unit and range. The LATERAL subquery with OFFSET 0 keeps PostgreSQL from
 * turning this into a sequential scan and a hash join, which its estimates favour for long lists of units.
 */
function rollupsOf(table: "dossier_subtree_rollups" | "dossier_subtree_field_rollups", terms: readonly Term[], period: PeriodSplit): SQL {
  return sql`${termRelation(terms)} CROSS JOIN ${periodRanges(period)}
    CROSS JOIN LATERAL (
      SELECT * FROM ${sql.identifier(table)} x WHERE x.agency_id = t.unit_id AND x.span = p.span AND x.start BETWEEN p.lo AND p.hi OFFSET 0
    ) r`;
}

const signed = (columns: [string, string][]) =>
  sql.raw(columns.map(([column, name]) => `sum(t.sign * r.${column})::int AS "${name}"`).join(", "));
const COUNTERS = signed([["received", "received"], ["early", "early"], ["on_time", "onTime"], ["late", "late"], ["stopped", "stopped"], ["not_accepted", "notAccepted"]]);
const FLAGS = signed([["paid_online", "paidOnline"], ["digitised", "digitised"], ["electronic_result", "electronicResult"], ["fee_due", "feeDue"]]);

/**
 * The main rollup counters of a scope over a period (one statement): by bucket and channel (totals, own figures,
 * children, channels) from the signed terms, and by month and channel (the monthly series) from the outermost
 * roots. Months are grouped by `date_trunc` (`to_char` per row costs three times as much on PGlite).
 */
export async function sumMainRollups(db: Reader, terms: ScopeTerms, period: PeriodSplit, months = true): Promise<MainGroupRow[]> {
  if (terms.whole.length === 0) return [];
  return resultRows<MainGroupRow>(await db.execute(mainSql(terms, period, months)));
}

function mainSql(terms: ScopeTerms, period: PeriodSplit, months: boolean): SQL {
  const byMonth = sql`
    UNION ALL
    SELECT NULL::int, left(date_trunc('month', r.start::timestamp)::date::text, 7), r.channel, ${COUNTERS}, ${FLAGS}
    FROM ${rollupsOf("dossier_subtree_rollups", terms.whole, period)}
    GROUP BY date_trunc('month', r.start::timestamp), r.channel`;
  return sql`
    SELECT t.bucket, NULL::text AS month, r.channel, ${COUNTERS}, ${FLAGS}
    FROM ${rollupsOf("dossier_subtree_rollups", terms.byBucket, period)}
    GROUP BY t.bucket, r.channel
    ${months ? byMonth : sql``}`;
}

/** The field rollup counters of a whole scope over a period, per field. */
function fieldSql(terms: ScopeTerms, period: PeriodSplit): SQL {
  return sql`
    SELECT r.field, ${COUNTERS}
    FROM ${rollupsOf("dossier_subtree_field_rollups", terms.whole, period)}
    GROUP BY r.field`;
}

export interface PendingRow {
  bucket: number;
  inTime: number;
  overdue: number;
}

export interface OverdueProcedureRow {
  code: string;
  name: string;
  field: string;
  overdue: number;
}

export interface OpenFigures {
  pending: PendingRow[];
  mostOverdue: OverdueProcedureRow[];
}

/**
 * Open dossiers received before `receivedBefore` that are still open at `now`, per bucket in time or overdue, and
 * the `limit` procedures with the most overdue of them; one statement, so one snapshot of counters and dossiers.
 *
 * Overdue: open and past its effective due instant; a dossier waiting on a supplement is judged at the start of the
 * wait. The counters (`dossier_open_counts`, `dossier_overdue_procedures`) classify every open dossier against the
 * sweep watermark and count it whenever it was received; the statement corrects them with the few dossiers where
 * that differs from the answer: those whose due instant lies between the watermark and `now`, and those received
 * on or after `receivedBefore` (none when the period reaches today). Both come through partial indexes on open
 * dossiers.
 */
export async function countOpen(db: Reader, terms: ScopeTerms, receivedBefore: Date, now: Date, limit: number): Promise<OpenFigures> {
  if (terms.whole.length === 0) return { pending: [], mostOverdue: [] };
  return openFigures(resultRows<OpenRow>(await db.execute(openSql(terms, receivedBefore, now, limit))));
}

type OpenRow = { bucket: number | null; code: string | null; name: string; field: string; inTime: number; overdue: number };

function openFigures(rows: OpenRow[]): OpenFigures {
  const figures: OpenFigures = { pending: [], mostOverdue: [] };
  for (const row of rows) {
    if (row.code === null) figures.pending.push({ bucket: row.bucket!, inTime: row.inTime, overdue: row.overdue });
    else figures.mostOverdue.push({ code: row.code, name: row.name, field: row.field, overdue: row.overdue });
  }
  figures.mostOverdue.sort((a, b) => b.overdue - a.overdue || a.code.localeCompare(b.code));
  return figures;
}

function openSql(terms: ScopeTerms, receivedBefore: Date, now: Date, limit: number): SQL {
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  const before = sql`${receivedBefore.toISOString()}::timestamptz`;
  const counted = classifiedOverdue(sql`d.effective_due_at`, sql`d.supplement_since`);
  const overdueNow = sql`(d.effective_due_at < COALESCE(d.supplement_since, ${nowAt}))`;
  const paths = `{${terms.paths.join(",")}}`;
  const buckets = `{${terms.paths.map((p) => terms.bucketByPath.get(p)!).join(",")}}`;
  const whole = `{${terms.whole.map((t) => t.unitId).join(",")}}`;
  return sql`
    WITH differing AS (
      SELECT d.agency_id, d.procedure_id, d.received_at, d.effective_due_at, d.supplement_since
      FROM dossiers d WHERE d.finished_at IS NULL AND d.received_at >= ${before}
      UNION ALL
      SELECT d.agency_id, d.procedure_id, d.received_at, d.effective_due_at, d.supplement_since
      FROM dossiers d WHERE d.finished_at IS NULL AND d.supplement_since IS NULL AND d.received_at < ${before}
        AND d.effective_due_at >= LEAST(${WATERMARK}, ${nowAt}) AND d.effective_due_at < GREATEST(${WATERMARK}, ${nowAt})
    ),
    corrections AS (
      SELECT d.agency_id, d.procedure_id,
        sum(CASE WHEN d.received_at >= ${before} OR ${overdueNow} THEN 0 ELSE 1 END - CASE WHEN ${counted} THEN 0 ELSE 1 END)::int AS in_time,
        sum(CASE WHEN d.received_at < ${before} AND ${overdueNow} THEN 1 ELSE 0 END - CASE WHEN ${counted} THEN 1 ELSE 0 END)::int AS overdue
      FROM differing d GROUP BY d.agency_id, d.procedure_id
    ),
    unit_buckets AS MATERIALIZED (
      SELECT u.id, CASE WHEN u.id = ANY(${`{${terms.ownIds.join(",")}}`}::int[]) THEN ${OWN_BUCKET}::int ELSE (
          SELECT r.bucket FROM unnest(${paths}::text[], ${buckets}::int[]) AS r(path, bucket)
          WHERE r.path::ltree @> u.path ORDER BY nlevel(r.path::ltree) DESC LIMIT 1
        ) END AS bucket
      FROM agency_units u WHERE u.id IN (SELECT agency_id FROM corrections) AND u.path <@ ${paths}::ltree[]
    ),
    scoped AS (
      SELECT c.procedure_id, c.in_time, c.overdue, b.bucket FROM corrections c JOIN unit_buckets b ON b.id = c.agency_id
    ),
    by_procedure AS (
      SELECT procedure_id, sum(n)::int AS overdue FROM (
        SELECT op.procedure_id, op.overdue AS n FROM dossier_overdue_procedures op WHERE op.agency_id = ANY(${whole}::int[])
        UNION ALL SELECT procedure_id, overdue FROM scoped
      ) x GROUP BY procedure_id HAVING sum(n) > 0
    )
    SELECT bucket, NULL::text AS code, NULL::text AS name, NULL::text AS field, sum(in_time)::int AS "inTime", sum(overdue)::int AS overdue
    FROM (
      SELECT t.bucket, t.sign * c.in_time AS in_time, t.sign * c.overdue AS overdue
      FROM ${termRelation(terms.byBucket)} JOIN dossier_open_counts c ON c.agency_id = t.unit_id
      UNION ALL SELECT bucket, in_time, overdue FROM scoped
    ) b GROUP BY bucket
    ${limit === 0 ? sql`` : sql`UNION ALL
    (SELECT NULL::int, p.code, p.name, p.field, NULL::int, o.overdue
     FROM by_procedure o JOIN procedures p ON p.id = o.procedure_id
     -- Only the procedures that can make the list (ties at the last place included) are joined.
     WHERE o.overdue >= coalesce((SELECT overdue FROM by_procedure ORDER BY overdue DESC OFFSET ${limit - 1} LIMIT 1), 0)
     ORDER BY o.overdue DESC, p.code LIMIT ${limit})`}`;
}

export interface OfferedProcedures {
  procedures: number;
  online: number;
}

/** Distinct procedures implemented by the scope's units (the catalogue now), and how many are offered online. */
export async function countOfferedProcedures(db: Reader, terms: ScopeTerms): Promise<OfferedProcedures> {
  if (terms.paths.length === 0) return { procedures: 0, online: 0 };
  const result = await db.execute(sql`
    SELECT count(DISTINCT p.id)::int AS procedures,
      count(DISTINCT p.id) FILTER (WHERE p.online_kind IN ('FULL', 'PARTIAL'))::int AS online
    FROM procedure_agencies pa JOIN agency_units u ON u.id = pa.unit_id
    JOIN procedures p ON p.id = pa.procedure_id
    WHERE u.path <@ ${`{${terms.paths.join(",")}}`}::ltree[]`);
  return resultRows<OfferedProcedures>(result)[0] ?? { procedures: 0, online: 0 };
}

/** The optional parts of a dashboard: the monthly series, the field breakdown, the most overdue procedures. */
export interface DashboardParts {
  months: boolean;
  fields: boolean;
  procedures: boolean;
}

export const EVERY_PART: DashboardParts = { months: true, fields: true, procedures: true };

/** Every figure of a dashboard but the scope: main counters, field counters, open dossiers. */
export interface DashboardFigureRows {
  main: MainGroupRow[];
  fields: FieldRow[];
  open: OpenFigures;
}

/**
 * {@link sumMainRollups}, the field counters and {@link countOpen} in ONE statement (each part aggregated to a
 * JSON array): one round trip and one snapshot instead of three statements on three connections (each statement
 * costs the hub a socket write and a read, a third of the CPU of a dashboard request, bench profile).
 */
export async function dashboardFigures(
  db: Reader,
  terms: ScopeTerms,
  period: PeriodSplit,
  receivedBefore: Date,
  now: Date,
  limit: number,
  parts: DashboardParts = EVERY_PART,
): Promise<DashboardFigureRows> {
  if (terms.whole.length === 0) return { main: [], fields: [], open: { pending: [], mostOverdue: [] } };
  const part = (query: SQL) => sql`(SELECT coalesce(json_agg(x), '[]') FROM (${query}) x)`;
  const fields = parts.fields ? part(fieldSql(terms, period)) : sql`'[]'::json`;
  const [row] = resultRows<Record<"main" | "fields" | "open", unknown>>(
    await db.execute(sql`SELECT ${part(mainSql(terms, period, parts.months))} AS main, ${fields} AS fields,
      ${part(openSql(terms, receivedBefore, now, limit))} AS open`),
  );
  const parsed = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
  return { main: parsed(row!.main), fields: parsed(row!.fields), open: openFigures(parsed(row!.open)) };
}
