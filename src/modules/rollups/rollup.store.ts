import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { resultRows } from "../../db/rows.js";
import type { RollupDelta } from "./rollup-facts.js";
import { classifiedOverdue, WATERMARK } from "./rollup.sql.js";

type Writer = Db | Tx;

/**
 * Serialises the open-dossier sweep against writers: every write that classifies open dossiers holds it shared
 * until commit, the sweeper (`open-sweeper.ts`) and a rebuild hold it exclusively, so the watermark a writer
 * classifies against cannot move under it. Arbitrary constant (see the other locks in `dossier-event-log.store.ts`).
 */
export const SWEEP_LOCK = 7_261_044;

const MAIN_COUNTERS = ["received", "paid_online", "digitised", "electronic_result", "fee_due", "early", "on_time", "late", "stopped", "not_accepted"];
const FIELD_COUNTERS = ["received", "early", "on_time", "late", "stopped", "not_accepted"];

/** A counter table: its key (the subtree's unit, `agency_id`, first) and the counters added up under it. */
interface CounterTable {
  name: string;
  keys: string[];
  counters: string[];
}

const MAIN: CounterTable = { name: "dossier_subtree_rollups", keys: ["agency_id", "span", "start", "channel"], counters: MAIN_COUNTERS };
const FIELD: CounterTable = { name: "dossier_subtree_field_rollups", keys: ["agency_id", "span", "start", "field"], counters: FIELD_COUNTERS };
const OPEN: CounterTable = { name: "dossier_open_counts", keys: ["agency_id"], counters: ["in_time", "overdue"] };
const OVERDUE_PROCEDURES: CounterTable = { name: "dossier_overdue_procedures", keys: ["agency_id", "procedure_id"], counters: ["overdue"] };
const COUNTER_TABLES = [MAIN, FIELD, OPEN, OVERDUE_PROCEDURES];

const columns = (names: string[]) => sql.raw(names.join(", "));
const sums = (names: string[], from: string) => sql.raw(names.map((c) => `sum(${from}.${c}) AS ${c}`).join(", "));

/**
 * `INSERT INTO table … rows ON CONFLICT (key) DO UPDATE SET counter = counter + excluded.counter`: adds `rows` (a
 * query yielding the table's keys then its counters, in key order so that concurrent writers lock rows in the same
 * order) to a counter table.
 */
function addTo(table: CounterTable, rows: SQL): SQL {
  const increments = table.counters.map((c) => `${c} = r.${c} + excluded.${c}`).join(", ");
  return sql`INSERT INTO ${sql.raw(table.name)} AS r (${columns([...table.keys, ...table.counters])}) ${rows}
    ON CONFLICT (${columns(table.keys)}) DO UPDATE SET ${sql.raw(increments)}`;
}

const json = (values: unknown) => sql`${JSON.stringify(values)}::json`;
/** The delta rows' JSON keys are the TypeScript names of the counters (`paidOnline` for `paid_online`). */
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const recordColumns = (names: string[]) => sql.raw(names.map((c) => `"${camel(c)}" integer`).join(", "));
const deltaSums = (names: string[]) => sql.raw(names.map((c) => `sum(v."${camel(c)}")`).join(", "));

/** `a(id)`: the ancestors-or-self of the unit `u` (the ids that make up its ltree path). */
const ANCESTORS = sql`CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::int[]) AS a(id)`;

/**
 * Applies a rollup delta inside the caller's transaction, in ONE statement (data-modifying CTEs): each row of the
 * receiving unit is added to the subtree rows of the unit and of every ancestor (`INSERT … ON CONFLICT DO UPDATE SET
 * x = x + excluded.x`, summed per key first), and the open-dossier facts are classified against the sweep watermark
 * and counted the same way. The rows travel as JSON parameters, so the statement text is the same for one row or
 * the hundreds of a batch (one prepared statement). Rows are upserted in key order, so concurrent writers lock them
 * in the same order. Sends nothing when the delta is empty.
 *
 * Open facts are classified against the watermark: {@link SWEEP_LOCK} is first taken shared (one more statement,
 * only then), so that the statement's snapshot sees a watermark the sweeper cannot move before this transaction
 * ends.
 */
export async function applyRollupDelta(tx: Writer, delta: RollupDelta): Promise<void> {
  if (delta.main.length === 0 && delta.field.length === 0 && delta.open.length === 0) return;
  if (delta.open.length > 0) await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${SWEEP_LOCK})`);
  await tx.execute(sql`
    WITH main_in AS (
      SELECT * FROM json_to_recordset(${json(delta.main)}) AS v("agencyId" integer, span rollup_span, start date,
        channel dossier_channel, ${recordColumns(MAIN_COUNTERS)})
    ),
    main_rows AS (${addTo(MAIN, sql`
      SELECT a.id, v.span, v.start, v.channel, ${deltaSums(MAIN_COUNTERS)}
      FROM main_in v JOIN agency_units u ON u.id = v."agencyId" ${ANCESTORS}
      GROUP BY a.id, v.span, v.start, v.channel ORDER BY a.id, v.span, v.start, v.channel`)}
    ),
    field_in AS (
      SELECT * FROM json_to_recordset(${json(delta.field)}) AS v("agencyId" integer, span rollup_span, start date,
        field varchar, ${recordColumns(FIELD_COUNTERS)})
    ),
    field_rows AS (${addTo(FIELD, sql`
      SELECT a.id, v.span, v.start, v.field, ${deltaSums(FIELD_COUNTERS)}
      FROM field_in v JOIN agency_units u ON u.id = v."agencyId" ${ANCESTORS}
      GROUP BY a.id, v.span, v.start, v.field ORDER BY a.id, v.span, v.start, v.field`)}
    ),
    open_in AS (
      SELECT a.id, v."procedureId" AS procedure_id, v.sign,
        ${classifiedOverdue(sql`v."effectiveDueAt"`, sql`v."supplementSince"`)} AS overdue
      FROM json_to_recordset(${json(delta.open)}) AS v("agencyId" integer, "procedureId" integer,
        "effectiveDueAt" timestamptz, "supplementSince" timestamptz, sign integer)
      JOIN agency_units u ON u.id = v."agencyId" ${ANCESTORS}
    ),
    open_rows AS (${addTo(OPEN, sql`
      SELECT id, coalesce(sum(sign) FILTER (WHERE NOT overdue), 0), coalesce(sum(sign) FILTER (WHERE overdue), 0)
      FROM open_in GROUP BY id
      HAVING coalesce(sum(sign) FILTER (WHERE NOT overdue), 0) <> 0 OR coalesce(sum(sign) FILTER (WHERE overdue), 0) <> 0
      ORDER BY id`)}
    )
    ${addTo(OVERDUE_PROCEDURES, sql`
      SELECT id, procedure_id, sum(sign) FROM open_in WHERE overdue GROUP BY id, procedure_id HAVING sum(sign) <> 0
      ORDER BY id, procedure_id`)}`);
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
  own AS (
    SELECT f.agency_id, s.span, CASE s.span WHEN 'DAY' THEN f.day ELSE date_trunc('month', f.day)::date END AS start,
      f.channel, f.field, ${columns(MAIN_COUNTERS)}
    FROM facts f CROSS JOIN (VALUES ('DAY'::rollup_span), ('MONTH'::rollup_span)) AS s(span)
  ),
  main_own AS (
    SELECT agency_id, span, start, channel, ${sums(MAIN_COUNTERS, "own")} FROM own GROUP BY agency_id, span, start, channel
  ),
  field_own AS (
    SELECT agency_id, span, start, field, ${sums(FIELD_COUNTERS, "own")} FROM own GROUP BY agency_id, span, start, field
  )`;

/** Locks the counter tables against concurrent dossier writes (their upserts wait) until the transaction ends. */
async function lockCounterTables(tx: Tx): Promise<void> {
  await tx.execute(sql`LOCK TABLE ${columns(COUNTER_TABLES.map((t) => t.name))} IN SHARE ROW EXCLUSIVE MODE`);
}

export interface RebuildCounts {
  rows: number;
  fieldRows: number;
  openUnits: number;
}

/**
 * Recomputes every rollup table from the dossiers, in the caller's transaction. The tables are locked against
 * concurrent dossier writes first (their upserts wait) and the sweep lock is taken exclusively, so the rebuild sees
 * every committed write, classifies open dossiers against a watermark that cannot move, and writes that commit
 * afterwards apply their deltas on top of it.
 */
export async function rebuildRollups(tx: Tx): Promise<RebuildCounts> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SWEEP_LOCK})`);
  await lockCounterTables(tx);
  for (const table of COUNTER_TABLES) await tx.execute(sql`DELETE FROM ${sql.raw(table.name)}`);
  await tx.execute(sql`INSERT INTO dossier_open_sweep (id, swept_until) VALUES (1, now()) ON CONFLICT (id) DO NOTHING`);
  // Own rows first (per receiving unit), then summed into every ancestor-or-self; written in primary-key order, so
  // that a unit's rows of a period sit on few pages.
  await tx.execute(sql`
    WITH ${FACTS},
    main_rows AS (
      INSERT INTO dossier_subtree_rollups (agency_id, span, start, channel, ${columns(MAIN_COUNTERS)})
      SELECT a.id, m.span, m.start, m.channel, ${sums(MAIN_COUNTERS, "m")}
      FROM main_own m JOIN agency_units u ON u.id = m.agency_id ${ANCESTORS}
      GROUP BY a.id, m.span, m.start, m.channel ORDER BY a.id, m.span, m.start, m.channel
    )
    INSERT INTO dossier_subtree_field_rollups (agency_id, span, start, field, ${columns(FIELD_COUNTERS)})
    SELECT a.id, f.span, f.start, f.field, ${sums(FIELD_COUNTERS, "f")}
    FROM field_own f JOIN agency_units u ON u.id = f.agency_id ${ANCESTORS}
    GROUP BY a.id, f.span, f.start, f.field ORDER BY a.id, f.span, f.start, f.field`);
  await tx.execute(sql`
    WITH open_own AS (
      SELECT d.agency_id, d.procedure_id,
        ${classifiedOverdue(sql`d.effective_due_at`, sql`d.supplement_since`)} AS overdue,
        count(*)::int AS n
      FROM dossiers d WHERE d.finished_at IS NULL GROUP BY 1, 2, 3
    ),
    open_all AS (
      SELECT a.id, o.procedure_id, o.overdue, o.n FROM open_own o JOIN agency_units u ON u.id = o.agency_id ${ANCESTORS}
    ),
    counts AS (
      INSERT INTO dossier_open_counts (agency_id, in_time, overdue)
      SELECT id, coalesce(sum(n) FILTER (WHERE NOT overdue), 0), coalesce(sum(n) FILTER (WHERE overdue), 0)
      FROM open_all GROUP BY id ORDER BY id
    )
    INSERT INTO dossier_overdue_procedures (agency_id, procedure_id, overdue)
    SELECT id, procedure_id, sum(n) FROM open_all WHERE overdue GROUP BY id, procedure_id ORDER BY id, procedure_id`);
  const [counts] = resultRows<RebuildCounts>(
    await tx.execute(sql`SELECT (SELECT count(*) FROM dossier_subtree_rollups)::int AS rows,
      (SELECT count(*) FROM dossier_subtree_field_rollups)::int AS "fieldRows", (SELECT count(*) FROM dossier_open_counts)::int AS "openUnits"`),
  );
  return counts!;
}

/**
 * Moves the subtree rows of `unitId` (whose subtree is moving) out of the ancestors it leaves and into those it
 * joins: `leaving` and `joining` are ancestor ids (the unit itself and common ancestors excluded). Called in the
 * transaction that rewrites the paths; the tables are locked first so that no concurrent dossier write adds to the
 * old ancestors after the move read the subtree's rows.
 */
export async function moveSubtreeRollups(tx: Tx, unitId: number, leaving: readonly number[], joining: readonly number[]): Promise<void> {
  if (leaving.length === 0 && joining.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SWEEP_LOCK})`);
  await lockCounterTables(tx);
  const moves = sql`(SELECT unnest(${`{${leaving.join(",")}}`}::int[]) AS id, -1 AS sign
    UNION ALL SELECT unnest(${`{${joining.join(",")}}`}::int[]), 1) AS m`;
  for (const table of COUNTER_TABLES) {
    const keys = table.keys.slice(1).map((k) => `s.${k}`);
    await tx.execute(addTo(table, sql`
      SELECT ${columns(["m.id", ...keys, ...table.counters.map((c) => `m.sign * s.${c}`)])}
      FROM ${sql.raw(table.name)} s CROSS JOIN ${moves} WHERE s.agency_id = ${unitId}
      ORDER BY ${columns(["m.id", ...keys])}`));
  }
}

/**
 * Moves the sweep watermark forward to `until` (never back), reclassifying as overdue the open dossiers not waiting
 * on a supplement whose effective due instant lies between the old and the new watermark. The caller holds
 * {@link SWEEP_LOCK} exclusively (no writer is classifying meanwhile). Returns how many dossiers fell due.
 */
export async function sweepOpenDossiers(tx: Tx, until: Date): Promise<number> {
  const [row] = resultRows<{ moved: number }>(
    await tx.execute(sql`
      WITH fell_due_own AS (
        SELECT d.agency_id, d.procedure_id, count(*)::int AS n FROM dossiers d
        WHERE d.finished_at IS NULL AND d.supplement_since IS NULL
          AND d.effective_due_at >= ${WATERMARK} AND d.effective_due_at < ${until.toISOString()}::timestamptz
        GROUP BY d.agency_id, d.procedure_id
      ),
      fell_due AS (
        SELECT a.id, f.procedure_id, f.n FROM fell_due_own f JOIN agency_units u ON u.id = f.agency_id ${ANCESTORS}
      ),
      counts AS (
        UPDATE dossier_open_counts r SET in_time = r.in_time - f.n, overdue = r.overdue + f.n
        FROM (SELECT id, sum(n)::int AS n FROM fell_due GROUP BY id) f WHERE r.agency_id = f.id
      ),
      procedures AS (${addTo(OVERDUE_PROCEDURES, sql`
        SELECT id, procedure_id, sum(n)::int FROM fell_due GROUP BY id, procedure_id ORDER BY id, procedure_id`)}
      ),
      moved AS (
        INSERT INTO dossier_open_sweep AS s (id, swept_until) VALUES (1, ${until.toISOString()}::timestamptz)
        ON CONFLICT (id) DO UPDATE SET swept_until = excluded.swept_until WHERE s.swept_until < excluded.swept_until
      )
      SELECT coalesce((SELECT sum(n) FROM fell_due_own), 0)::int AS moved`),
  );
  return row?.moved ?? 0;
}
