import { and, asc, eq, gt, inArray, lte, max, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../db/client.js";
import { agencyUnits, dossierEvents, dossiers, type DossierEventRow } from "../../db/schema/index.js";

type Reader = Db | Tx;
export type DossierEventInsert = typeof dossierEvents.$inferInsert;

/** The channel writers NOTIFY on; the payload is empty: listeners read the log, never the notification. */
export const DOSSIER_EVENTS_CHANNEL = "lt_dossier_events";
/**
 * Arbitrary constant of the advisory lock that serialises appends. A bigserial value is taken at insert time,
 * not at commit time: without the lock, position 11 could commit (and be delivered) before 10, and a subscriber
 * resuming "after 11" would never see 10. Holding the lock from just before the insert until commit makes
 * positions become visible in increasing order, so "every position ≤ the highest visible one is settled".
 */
export const APPEND_LOCK = 7_261_043;

/**
 * Appends an event to the log and wakes listeners at commit. Must be the last write of the transaction: the
 * lock is held until commit, so everything after it delays every other writer.
 */
export async function appendEvent(tx: Tx, values: DossierEventInsert): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${APPEND_LOCK}), pg_notify(${DOSSIER_EVENTS_CHANNEL}, '')`);
  const [row] = await tx.insert(dossierEvents).values(values).returning({ position: dossierEvents.position });
  return row!.position;
}

const eventAgency = alias(agencyUnits, "event_agency");
const json = (values: unknown) => sql`${JSON.stringify(values)}::json`;

/** Stored events with these sender ids, with their dossier's code and the code of the holder after the event. */
export async function findEventsByEventIds(tx: Tx, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return tx
    .select({ event: dossierEvents, dossierCode: dossiers.code, agencyCode: eventAgency.code })
    .from(dossierEvents)
    .innerJoin(dossiers, sql`${dossiers.id} = ${dossierEvents.dossierId}`)
    .innerJoin(eventAgency, sql`${eventAgency.id} = ${dossierEvents.agencyId}`)
    .where(sql`${dossierEvents.eventId} IN (SELECT json_array_elements_text(${json(eventIds)}))`);
}

/** The events of these dossiers, in log order. */
export async function findEventsByDossierIds(db: Reader, dossierIds: readonly number[]): Promise<DossierEventRow[]> {
  if (dossierIds.length === 0) return [];
  return db
    .select()
    .from(dossierEvents)
    .where(inArray(dossierEvents.dossierId, [...dossierIds]))
    .orderBy(asc(dossierEvents.position));
}

/** The highest position visible now (0 when the log is empty). */
export async function headPosition(db: Reader): Promise<number> {
  const [row] = await db.select({ head: max(dossierEvents.position) }).from(dossierEvents);
  return Number(row?.head ?? 0);
}

/** Which events a subscription receives; every condition given must hold. */
export interface EventStreamFilter {
  /** Read scope (ltree path), `""` for the whole country: the event's holder before/after or the receiving agency must be inside. */
  scope: string;
  /** Events whose holder before or after is inside this subtree (ltree path). */
  unitPath?: string;
  /** Events whose holder before or after is exactly this unit. */
  unitId?: number;
  dossierId?: number;
  procedureId?: number;
}

const previousAgency = alias(agencyUnits, "previous_agency");
const receivingAgency = alias(agencyUnits, "receiving_agency");

function within(path: string): SQL {
  return or(
    sql`${eventAgency.path} <@ ${path}::ltree`,
    sql`${previousAgency.path} <@ ${path}::ltree`,
  )!;
}

/**
 * Up to `limit` events with `after < position <= upTo` matching `filter`, in position order, each with the
 * dossier row and the codes and paths of the holders before and after and of the receiving agency (so that the
 * same filter can be applied in memory, see {@link matchesStreamFilter}).
 */
export async function readEvents(db: Reader, filter: EventStreamFilter, after: number, upTo: number, limit: number) {
  return db
    .select({
      event: dossierEvents,
      dossier: dossiers,
      agencyCode: eventAgency.code,
      previousAgencyCode: previousAgency.code,
      agencyPath: eventAgency.path,
      previousAgencyPath: previousAgency.path,
      receivingAgencyPath: receivingAgency.path,
    })
    .from(dossierEvents)
    .innerJoin(dossiers, eq(dossiers.id, dossierEvents.dossierId))
    .innerJoin(eventAgency, eq(eventAgency.id, dossierEvents.agencyId))
    .leftJoin(previousAgency, eq(previousAgency.id, dossierEvents.previousAgencyId))
    .innerJoin(receivingAgency, eq(receivingAgency.id, dossiers.agencyId))
    .where(
      and(
        gt(dossierEvents.position, after),
        lte(dossierEvents.position, upTo),
        filter.scope === "" ? undefined : or(within(filter.scope), sql`${receivingAgency.path} <@ ${filter.scope}::ltree`),
        filter.unitPath === undefined ? undefined : within(filter.unitPath),
        filter.unitId === undefined
          ? undefined
          : or(eq(dossierEvents.agencyId, filter.unitId), eq(dossierEvents.previousAgencyId, filter.unitId)),
        filter.dossierId === undefined ? undefined : eq(dossierEvents.dossierId, filter.dossierId),
        filter.procedureId === undefined ? undefined : eq(dossiers.procedureId, filter.procedureId),
      ),
    )
    .orderBy(asc(dossierEvents.position))
    .limit(limit);
}

export type StreamedEvent = Awaited<ReturnType<typeof readEvents>>[number];

/** {@link readEvents}' filter applied to an event already read: the same conditions, in memory. */
export function matchesStreamFilter(filter: EventStreamFilter, row: StreamedEvent): boolean {
  const within = (path: string | null, scope: string) => path !== null && (path === scope || path.startsWith(`${scope}.`));
  const { event } = row;
  if (filter.scope !== "" && !within(row.agencyPath, filter.scope) && !within(row.previousAgencyPath, filter.scope) && !within(row.receivingAgencyPath, filter.scope)) {
    return false;
  }
  if (filter.unitPath !== undefined && !within(row.agencyPath, filter.unitPath) && !within(row.previousAgencyPath, filter.unitPath)) return false;
  if (filter.unitId !== undefined && event.agencyId !== filter.unitId && event.previousAgencyId !== filter.unitId) return false;
  if (filter.dossierId !== undefined && event.dossierId !== filter.dossierId) return false;
  if (filter.procedureId !== undefined && row.dossier.procedureId !== filter.procedureId) return false;
  return true;
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
