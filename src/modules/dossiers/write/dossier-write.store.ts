/**
 * Set-based SQL of the batched `recordDossierEvents` path: a whole batch is read with a few statements and
 * written with one statement per table. Lists travel as one JSON parameter, so that every statement has the same
 * text whatever the batch size (one prepared statement each, no `IN ($1 … $500)` variants).
 */
import { asc, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../../db/client.js";
import { agencyUnits, dossierEvents, dossiers, procedures, type AgencyUnitRow, type DossierRow } from "../../../db/schema/index.js";
import { APPEND_LOCK, DOSSIER_EVENTS_CHANNEL } from "../dossier-event-log.store.js";

const json = (values: unknown) => sql`${JSON.stringify(values)}::json`;
const receiving = alias(agencyUnits, "receiving");
const holding = alias(agencyUnits, "holding");
const eventHolder = alias(agencyUnits, "event_holder");

/**
 * The dossiers with these codes, with the paths of their receiving and holding agencies and what the rollups need
 * of their procedure, locked in id order (so that concurrent batches never wait on each other in a cycle).
 */
export async function lockDossiersByCodes(tx: Tx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return tx
    .select({
      dossier: dossiers,
      agencyPath: sql<string>`${receiving.path}::text`,
      holderPath: sql<string>`${holding.path}::text`,
      holderCode: holding.code,
      holderValidTo: holding.validTo,
      procedure: { field: procedures.field, feeVnd: procedures.feeVnd },
    })
    .from(dossiers)
    .innerJoin(receiving, sql`${receiving.id} = ${dossiers.agencyId}`)
    .innerJoin(holding, sql`${holding.id} = ${dossiers.holderId}`)
    .innerJoin(procedures, sql`${procedures.id} = ${dossiers.procedureId}`)
    .where(sql`${dossiers.code} IN (SELECT json_array_elements_text(${json(codes)}))`)
    .orderBy(asc(dossiers.id))
    .for("update", { of: dossiers });
}

/** Stored events with these sender ids, with their dossier's code and the code of the holder after the event. */
export async function findEventsByEventIds(tx: Tx, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return tx
    .select({ event: dossierEvents, dossierCode: dossiers.code, agencyCode: eventHolder.code })
    .from(dossierEvents)
    .innerJoin(dossiers, sql`${dossiers.id} = ${dossierEvents.dossierId}`)
    .innerJoin(eventHolder, sql`${eventHolder.id} = ${dossierEvents.agencyId}`)
    .where(sql`${dossierEvents.eventId} IN (SELECT json_array_elements_text(${json(eventIds)}))`);
}

/** Every unit that carried one of these codes, whatever its validity (the caller picks the one valid on a date). */
export async function findUnitsByAnyCodes(tx: Tx, codes: readonly string[]): Promise<AgencyUnitRow[]> {
  if (codes.length === 0) return [];
  return tx.select().from(agencyUnits).where(sql`${agencyUnits.code} IN (SELECT json_array_elements_text(${json(codes)}))`);
}

/** The lifecycle columns a status event changes, for one dossier. */
export type DossierLifecycleUpdate = Pick<
  DossierRow,
  "id" | "status" | "holderId" | "effectiveDueAt" | "supplementCount" | "supplementDays" | "supplementSince" | "finishedAt" | "timeliness" | "lastEventAt"
>;

/** Writes the new lifecycle state of many dossiers in one statement. */
export async function updateDossierLifecycles(tx: Tx, rows: readonly DossierLifecycleUpdate[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    UPDATE ${dossiers} AS d SET
      status = v.status, holder_id = v."holderId", effective_due_at = v."effectiveDueAt",
      supplement_count = v."supplementCount", supplement_days = v."supplementDays", supplement_since = v."supplementSince",
      finished_at = v."finishedAt", timeliness = v.timeliness, last_event_at = v."lastEventAt", updated_at = ${now.toISOString()}::timestamptz
    FROM json_to_recordset(${json(rows)}) AS v(
      "id" bigint, "status" dossier_status, "holderId" integer, "effectiveDueAt" timestamptz, "supplementCount" integer,
      "supplementDays" integer, "supplementSince" timestamptz, "finishedAt" timestamptz, "timeliness" finished_timeliness,
      "lastEventAt" timestamptz)
    WHERE d.id = v.id`);
}

export type EventAppend = Pick<
  typeof dossierEvents.$inferInsert,
  "eventId" | "dossierId" | "kind" | "fromStatus" | "toStatus" | "at" | "agencyId" | "previousAgencyId" | "note" | "recordedBy"
>;

/**
 * Appends events to the log in the given order, with one advisory lock for the whole batch (see `appendEvent`:
 * it must be the last write of the transaction) and one NOTIFY.
 */
export async function appendEvents(tx: Tx, events: readonly EventAppend[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${APPEND_LOCK}), pg_notify(${DOSSIER_EVENTS_CHANNEL}, '')`);
  await tx.execute(sql`
    INSERT INTO ${dossierEvents} (event_id, dossier_id, kind, from_status, to_status, at, agency_id, previous_agency_id, note, recorded_by)
    SELECT e->>'eventId', (e->>'dossierId')::bigint, (e->>'kind')::dossier_event_kind, (e->>'fromStatus')::dossier_status,
      (e->>'toStatus')::dossier_status, (e->>'at')::timestamptz, (e->>'agencyId')::integer, (e->>'previousAgencyId')::integer,
      e->>'note', e->>'recordedBy'
    FROM json_array_elements(${json(events)}) WITH ORDINALITY AS v(e, n)
    ORDER BY v.n`);
}
