/**
 * SQL of the oversight counters (`oversight_subtree_counts`, one row per unit subtree, span, start and measure) and
 * of the oversight change log (`oversight_changes`, the outbox `oversightChanged` follows).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { resultRows } from "../../db/rows.js";
import type { PeriodSplit } from "../dashboards/query/dashboard-period.js";
import { termArrays, type Term } from "../dashboards/query/dashboard-terms.js";

type Reader = Db | Tx;

/** The channel oversight writers NOTIFY on; the payload is empty (listeners read the log). */
export const OVERSIGHT_CHANGES_CHANNEL = "lt_oversight_changes";

/** A counted fact: `value` added to `measure` of the unit's subtree rows (and its ancestors') on `day`. */
export interface CountFact {
  unitId: number;
  day: string;
  measure: string;
  value: number;
}

const json = (values: unknown) => sql`${JSON.stringify(values)}::json`;

/**
 * Adds facts (negative values retract) to the DAY and MONTH rows of the unit and of every ancestor, in ONE
 * statement inside the caller's transaction; rows are upserted in key order so concurrent writers lock alike.
 */
export async function addCounts(tx: Tx, facts: readonly CountFact[]): Promise<void> {
  const nonZero = facts.filter((f) => f.value !== 0);
  if (nonZero.length === 0) return;
  await tx.execute(sql`
    INSERT INTO oversight_subtree_counts AS r (agency_id, span, start, measure, value)
    SELECT a.id, s.span, CASE WHEN s.span = 'DAY' THEN v.day ELSE date_trunc('month', v.day)::date END, v.measure, sum(v.value)::int
    FROM json_to_recordset(${json(nonZero)}) AS v("unitId" integer, day date, measure varchar, value integer)
    JOIN agency_units u ON u.id = v."unitId"
    CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::int[]) AS a(id)
    CROSS JOIN (VALUES ('DAY'::rollup_span), ('MONTH'::rollup_span)) AS s(span)
    GROUP BY 1, 2, 3, 4 HAVING sum(v.value) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_id, span, start, measure) DO UPDATE SET value = r.value + excluded.value`);
}

/**
 * Serialises appends to the change log until commit, so that positions commit in order and a reader that has seen
 * position N never misses a smaller one committed later (arbitrary constant, beside the dossier log's locks).
 */
const CHANGES_LOCK = 7_261_050;

/** Appends a change to the log and wakes the listeners (delivered at commit). */
export async function appendChange(tx: Tx, unitId: number, family: string, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHANGES_LOCK}), pg_notify(${OVERSIGHT_CHANGES_CHANNEL}, '')`);
  await tx.execute(sql`INSERT INTO oversight_changes (unit_id, family, key) VALUES (${unitId}, ${family}, ${key})`);
}

/** A changed unit's path, after `position`, with the position. */
export async function changesAfter(db: Reader, position: number, limit: number): Promise<{ position: number; path: string }[]> {
  const rows = resultRows<{ position: number | string; path: string }>(
    await db.execute(sql`SELECT c.position, u.path::text AS path FROM oversight_changes c JOIN agency_units u ON u.id = c.unit_id
      WHERE c.position > ${position} ORDER BY c.position LIMIT ${limit}`),
  );
  return rows.map((r) => ({ position: Number(r.position), path: r.path }));
}

export async function lastChange(db: Reader): Promise<number> {
  const [row] = resultRows<{ position: number | string | null }>(await db.execute(sql`SELECT max(position) AS position FROM oversight_changes`));
  return Number(row?.position ?? 0);
}

function periodRanges(period: PeriodSplit): SQL {
  const ranges: SQL[] = [];
  if (period.months) ranges.push(sql`('MONTH'::rollup_span, ${period.months.from}::date, ${period.months.to}::date)`);
  for (const days of period.days) ranges.push(sql`('DAY'::rollup_span, ${days.from}::date, ${days.to}::date)`);
  return sql`(VALUES ${sql.join(ranges, sql`, `)}) AS p(span, lo, hi)`;
}

/** Summed counters per bucket and measure of signed subtree terms over a period (one statement). */
export async function sumCounts(db: Reader, terms: readonly Term[], period: PeriodSplit): Promise<{ bucket: number; measure: string; value: number }[]> {
  if (terms.length === 0) return [];
  const { ids, buckets, signs } = termArrays(terms);
  return resultRows(
    await db.execute(sql`
      SELECT t.bucket, r.measure, sum(t.sign * r.value)::int AS value
      FROM unnest(${ids}::int[], ${buckets}::int[], ${signs}::int[]) AS t(unit_id, bucket, sign)
      CROSS JOIN ${periodRanges(period)}
      CROSS JOIN LATERAL (
        SELECT measure, value FROM oversight_subtree_counts x
        WHERE x.agency_id = t.unit_id AND x.span = p.span AND x.start BETWEEN p.lo AND p.hi OFFSET 0
      ) r
      GROUP BY t.bucket, r.measure`),
  );
}

/**
 * Figures that depend on the instant or are not additive, read from the rows (small tables): per unit of the scope,
 * open petitions and unanswered feedback past due at `now` (received in the period) with their count in `n`, and
 * (`inspected`) each unit inspected by an inspection of the unit in the period, its id in `n`.
 */
export async function liveFigures(db: Reader, paths: readonly string[], from: string, to: string, now: Date) {
  if (paths.length === 0) return [];
  const scope = sql`u.path <@ ANY(${`{${paths.join(",")}}`}::ltree[])`;
  const start = sql`(${from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  const end = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  return resultRows<{ what: string; unitId: number; path: string; n: number }>(
    await db.execute(sql`
      SELECT 'petitionsOpen' AS what, u.id AS "unitId", u.path::text AS path, count(*)::int AS n
      FROM petitions p JOIN agency_units u ON u.id = p.unit_id
      WHERE ${scope} AND p.status = 'ACCEPTED' AND p.received_at >= ${start} AND p.received_at < ${end}
      GROUP BY u.id
      UNION ALL
      SELECT 'petitionsOverdue', u.id, u.path::text, count(*)::int
      FROM petitions p JOIN agency_units u ON u.id = p.unit_id
      WHERE ${scope} AND p.status = 'ACCEPTED' AND p.due_at < ${now.toISOString()}::timestamptz AND p.received_at >= ${start} AND p.received_at < ${end}
      GROUP BY u.id
      UNION ALL
      SELECT 'feedbackOverdue', u.id, u.path::text, count(*)::int
      FROM conduct_feedback f JOIN agency_units u ON u.id = f.unit_id
      WHERE ${scope} AND f.answered_at IS NULL AND f.due_at < ${now.toISOString()}::timestamptz AND f.received_at >= ${start} AND f.received_at < ${end}
      GROUP BY u.id
      UNION ALL
      SELECT 'inspected', u.id, u.path::text, t.unit_id
      FROM inspections i JOIN agency_units u ON u.id = i.inspecting_unit_id JOIN inspection_targets t ON t.inspection_id = i.id
      WHERE ${scope} AND i.started_on BETWEEN ${from}::date AND ${to}::date
      GROUP BY u.id, t.unit_id`),
  );
}

/** Units strictly below each path, valid on some day of the period (the denominators of `unitsInspectedShare`). */
export async function countUnitsBelow(db: Reader, paths: readonly string[], from: string, to: string): Promise<Map<string, number>> {
  if (paths.length === 0) return new Map();
  const rows = resultRows<{ path: string; n: number }>(
    await db.execute(sql`
      SELECT p.path, count(s.id)::int AS n FROM unnest(${`{${paths.join(",")}}`}::text[]) AS p(path)
      LEFT JOIN agency_units s ON s.path <@ p.path::ltree AND s.path <> p.path::ltree
        AND (s.valid_from IS NULL OR s.valid_from <= ${to}::date) AND (s.valid_to IS NULL OR s.valid_to >= ${from}::date)
      GROUP BY p.path`),
  );
  return new Map(rows.map((r) => [r.path, r.n]));
}

/**
 * Units strictly below `path` inspected by an inspection of a unit of its subtree in the period, and the units
 * strictly below `path` valid in it (a target's UNITS_INSPECTED_SHARE).
 */
export async function countInspectedUnits(db: Reader, path: string, from: string, to: string): Promise<{ inspected: number; units: number }> {
  const [row] = resultRows<{ inspected: number; units: number }>(
    await db.execute(sql`
      SELECT (SELECT count(DISTINCT t.unit_id)::int FROM inspections i JOIN agency_units u ON u.id = i.inspecting_unit_id
                JOIN inspection_targets t ON t.inspection_id = i.id JOIN agency_units tu ON tu.id = t.unit_id
              WHERE u.path <@ ${path}::ltree AND tu.path <@ ${path}::ltree AND tu.path <> ${path}::ltree
                AND i.started_on BETWEEN ${from}::date AND ${to}::date) AS inspected,
             (SELECT count(*)::int FROM agency_units s WHERE s.path <@ ${path}::ltree AND s.path <> ${path}::ltree
                AND (s.valid_from IS NULL OR s.valid_from <= ${to}::date) AND (s.valid_to IS NULL OR s.valid_to >= ${from}::date)) AS units`),
  );
  return row ?? { inspected: 0, units: 0 };
}
