import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { dossierFieldRollups, dossierRollups } from "../../db/schema/dashboards.js";
import type { RollupDelta } from "./rollup-facts.js";

type Writer = Db | Tx;

const MAIN_COUNTERS = ["received", "paid_online", "digitised", "electronic_result", "fee_due", "early", "on_time", "late", "stopped", "not_accepted"];
const FIELD_COUNTERS = ["received", "early", "on_time", "late", "stopped", "not_accepted"];
const increments = (columns: string[]) => sql.raw(columns.map((c) => `${c} = r.${c} + excluded.${c}`).join(", "));

/**
 * Applies a rollup delta inside the caller's transaction, in ONE statement (both upserts in a data-modifying
 * CTE): `INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x`. The rows travel as two JSON parameters, so the
 * statement text is the same for one row or the hundreds of a batch (one prepared statement, and no per-row SQL
 * building: drizzle's multi-row VALUES took ~1 ms of CPU per 10 rows, bench profile). Rows are upserted in the
 * delta's order (sorted by key), so concurrent writers lock rollup rows in the same order. Sends nothing when the
 * delta is empty.
 */
export async function applyRollupDelta(tx: Writer, delta: RollupDelta): Promise<void> {
  if (delta.main.length === 0 && delta.field.length === 0) return;
  await tx.execute(sql`
    WITH main_rollups AS (
      INSERT INTO ${dossierRollups} AS r (agency_id, span, start, channel, ${sql.raw(MAIN_COUNTERS.join(", "))})
      SELECT v."agencyId", v.span, v.start, v.channel, v.received, v."paidOnline", v.digitised, v."electronicResult", v."feeDue",
        v.early, v."onTime", v.late, v.stopped, v."notAccepted"
      FROM json_to_recordset(${JSON.stringify(delta.main)}::json) AS v("agencyId" integer, span rollup_span, start date,
        channel dossier_channel, received integer, "paidOnline" integer, digitised integer, "electronicResult" integer,
        "feeDue" integer, early integer, "onTime" integer, late integer, stopped integer, "notAccepted" integer)
      ON CONFLICT (agency_id, span, start, channel) DO UPDATE SET ${increments(MAIN_COUNTERS)}
    )
    INSERT INTO ${dossierFieldRollups} AS r (agency_id, span, start, field, ${sql.raw(FIELD_COUNTERS.join(", "))})
    SELECT v."agencyId", v.span, v.start, v.field, v.received, v.early, v."onTime", v.late, v.stopped, v."notAccepted"
    FROM json_to_recordset(${JSON.stringify(delta.field)}::json) AS v("agencyId" integer, span rollup_span, start date,
      field varchar, received integer, early integer, "onTime" integer, late integer, stopped integer, "notAccepted" integer)
    ON CONFLICT (agency_id, span, start, field) DO UPDATE SET ${increments(FIELD_COUNTERS)}`);
}

/**
 * The rollup facts of every dossier, as SQL: one row per receipt and one per end of handling. The rules of
 * `rollup-facts.ts`, once more (a test compares a rebuild with incremental maintenance).
 */
const FACTS = sql`
  base AS (
    SELECT d.agency_id, d.channel, p.field,
      ((d.received_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS received_day,
      ((d.finished_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS finished_day,
      CASE WHEN d.finished_at IS NULL THEN NULL
           WHEN d.status IN ('STOPPED', 'NOT_ACCEPTED') THEN d.status::text
           ELSE d.timeliness::text END AS outcome,
      d.paid_online, d.digitised, d.electronic_result,
      (d.paid_online OR coalesce(p.fee_vnd, 0) > 0) AS fee_due
    FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
  ),
  facts AS (
    SELECT agency_id, channel, field, received_day AS day, 1 AS received,
      paid_online::int AS paid_online, digitised::int AS digitised, electronic_result::int AS electronic_result,
      fee_due::int AS fee_due, 0 AS early, 0 AS on_time, 0 AS late, 0 AS stopped, 0 AS not_accepted
    FROM base
    UNION ALL
    SELECT agency_id, channel, field, finished_day, 0, 0, 0, 0, 0,
      (outcome = 'EARLY')::int, (outcome = 'ON_TIME')::int, (outcome = 'LATE')::int,
      (outcome = 'STOPPED')::int, (outcome = 'NOT_ACCEPTED')::int
    FROM base WHERE outcome IS NOT NULL
  ),
  spans AS (
    SELECT f.*, s.span, CASE s.span WHEN 'DAY' THEN f.day ELSE date_trunc('month', f.day)::date END AS start
    FROM facts f CROSS JOIN (VALUES ('DAY'::rollup_span), ('MONTH'::rollup_span)) AS s(span)
  )`;

/**
 * Recomputes both rollup tables from the dossiers, in the caller's transaction. The tables are locked against
 * concurrent dossier writes first (their upserts wait), so the rebuild sees every committed write and writes that
 * commit afterwards apply their deltas on top of it.
 */
export async function rebuildRollups(tx: Tx): Promise<{ rows: number; fieldRows: number }> {
  // Rows are written in primary-key order, so that a unit's rows of a period sit on few pages.
  await tx.execute(sql`LOCK TABLE dossier_rollups, dossier_field_rollups IN SHARE ROW EXCLUSIVE MODE`);
  await tx.execute(sql`DELETE FROM dossier_rollups`);
  await tx.execute(sql`DELETE FROM dossier_field_rollups`);
  await tx.execute(sql`
    WITH ${FACTS},
    main_rows AS (
      INSERT INTO dossier_rollups (agency_id, span, start, channel, received, paid_online, digitised, electronic_result,
        fee_due, early, on_time, late, stopped, not_accepted)
      SELECT agency_id, span, start, channel, sum(received), sum(paid_online), sum(digitised), sum(electronic_result),
        sum(fee_due), sum(early), sum(on_time), sum(late), sum(stopped), sum(not_accepted)
      FROM spans GROUP BY agency_id, span, start, channel
      ORDER BY agency_id, span, start, channel
    )
    INSERT INTO dossier_field_rollups (agency_id, span, start, field, received, early, on_time, late, stopped, not_accepted)
    SELECT agency_id, span, start, field, sum(received), sum(early), sum(on_time), sum(late), sum(stopped), sum(not_accepted)
    FROM spans GROUP BY agency_id, span, start, field
    ORDER BY agency_id, span, start, field`);
  const [main] = await tx.select({ n: sql<number>`count(*)::int` }).from(dossierRollups);
  const [field] = await tx.select({ n: sql<number>`count(*)::int` }).from(dossierFieldRollups);
  return { rows: main?.n ?? 0, fieldRows: field?.n ?? 0 };
}
