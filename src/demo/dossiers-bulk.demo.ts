import { sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import type { dossiers } from "../db/schema/index.js";
import { resultRows } from "../db/rows.js";

/*
 * Bulk loading of the demo dossiers (see `dossiers.demo.ts`): multi-row INSERTs with one JSON parameter each,
 * events derived from the rows in SQL, secondary indexes built once after the load.
 */

/** `recorded_by` of every demo event: how demo dossiers are told apart (the dossier table has no demo flag). */
export const DEMO_RECORDED_BY = "demo";
const CHUNK = 1000;
type DossierInsert = typeof dossiers.$inferInsert;

/** One multi-row INSERT per chunk, the rows passed as a single JSON parameter (thousands of bind parameters are slow). */
export async function insertDossiers(tx: Tx, rows: DossierInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const json = JSON.stringify(
      rows.slice(start, start + CHUNK).map((d) => ({
        code: d.code, procedure_id: d.procedureId, agency_id: d.agencyId, channel: d.channel, status: d.status,
        initial_status: d.initialStatus, received_at: d.receivedAt, due_at: d.dueAt, finished_at: d.finishedAt,
        timeliness: d.timeliness, last_event_at: d.lastEventAt, paid_online: d.paidOnline, digitised: d.digitised,
        electronic_result: d.electronicResult,
      })),
    );
    await tx.execute(sql`
      INSERT INTO dossiers (code, procedure_id, agency_id, holder_id, channel, status, initial_status, received_at, due_at,
        effective_due_at, finished_at, timeliness, last_event_at, paid_online, digitised, electronic_result)
      SELECT code, procedure_id, agency_id, agency_id, channel, status, initial_status, received_at, due_at, due_at, finished_at,
        timeliness, last_event_at, paid_online, digitised, electronic_result
      FROM json_to_recordset(${json}::json) AS x(code varchar, procedure_id int, agency_id int, channel dossier_channel,
        status dossier_status, initial_status dossier_status, received_at timestamptz, due_at timestamptz,
        finished_at timestamptz, timeliness finished_timeliness, last_event_at timestamptz, paid_online boolean,
        digitised boolean, electronic_result boolean)`);
  }
}

/**
 * The minimal history of every dossier (the demo loader runs on an empty database, so every dossier is a demo one),
 * derived from the rows in SQL: received; accepted (online and postal receipts); then in process (open dossiers), or
 * the end of handling at `finished_at` and, for returned dossiers, the return at `last_event_at`.
 */
export async function insertEvents(tx: Tx): Promise<void> {
  const insert = (select: ReturnType<typeof sql>) =>
    tx.execute(sql`INSERT INTO dossier_events (dossier_id, kind, from_status, to_status, at, agency_id, previous_agency_id, recorded_by) ${select}`);
  const accepted = sql`(d.initial_status = 'SUBMITTED' AND d.status <> 'NOT_ACCEPTED')`;
  const before = sql`CASE WHEN ${accepted} THEN 'ACCEPTED'::dossier_status ELSE d.initial_status END`;
  await insert(sql`SELECT d.id, 'RECEIVED', NULL, d.initial_status, d.received_at, d.agency_id, NULL, ${DEMO_RECORDED_BY} FROM dossiers d ORDER BY d.id`);
  await insert(sql`SELECT d.id, 'RECORDED', 'SUBMITTED', 'ACCEPTED', d.received_at + interval '15 minutes', d.agency_id, d.agency_id, ${DEMO_RECORDED_BY}
    FROM dossiers d WHERE ${accepted} ORDER BY d.id`);
  await insert(sql`SELECT d.id, 'RECORDED', ${before}, CASE WHEN d.finished_at IS NULL THEN 'IN_PROCESS' WHEN d.status = 'RETURNED' THEN 'RESOLVED' ELSE d.status END,
      COALESCE(d.finished_at, d.last_event_at), d.agency_id, d.agency_id, ${DEMO_RECORDED_BY}
    FROM dossiers d ORDER BY d.id`);
  await insert(sql`SELECT d.id, 'RECORDED', 'RESOLVED', 'RETURNED', d.last_event_at, d.agency_id, d.agency_id, ${DEMO_RECORDED_BY}
    FROM dossiers d WHERE d.status = 'RETURNED' ORDER BY d.id`);
}

/**
 * Runs a bulk load into empty tables with their secondary indexes dropped and then built once (a sort instead of
 * tens of thousands of index insertions), in the caller's transaction. The definitions are read back from the
 * catalogue, so they stay those of the migrations; indexes backing constraints (primary keys, unique) stay.
 */
export async function withoutSecondaryIndexes(tx: Tx, tables: string[], load: () => Promise<void>): Promise<void> {
  const indexes = resultRows<{ name: string; definition: string }>(
    await tx.execute(sql`
      SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename IN ${tables}
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`),
  );
  for (const index of indexes) await tx.execute(sql`DROP INDEX ${sql.identifier(index.name)}`);
  await load();
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
}
