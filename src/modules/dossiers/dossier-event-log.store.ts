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
  /**
   * Events of dossiers received by, or held up to this event by, a unit inside this subtree (ltree path): a unit
   * that held a dossier for one stage keeps seeing it after handing it on.
   */
  unitPath?: string;
  /** The same for exactly this unit. */
  unitId?: number;
  dossierId?: number;
  procedureId?: number;
}

const previousAgency = alias(agencyUnits, "previous_agency");
const receivingAgency = alias(agencyUnits, "receiving_agency");

/**
 * The units that held the event's dossier up to and including this event (each event's holder before and after),
 * as `id:path` words separated by spaces; read by the dossier's (dossier_id, position) index.
 */
const HOLDERS = sql<string>`(SELECT string_agg(DISTINCT h.id || ':' || h.path::text, ' ')
  FROM dossier_events e2 JOIN agency_units h ON h.id = e2.agency_id OR h.id = e2.previous_agency_id
  WHERE e2.dossier_id = ${dossierEvents.dossierId} AND e2.position <= ${dossierEvents.position})`;

/** SQL: the dossier was received by, or held up to this event by, a unit matching `unit` (a condition on `h`). */
function heldBy(unit: SQL, receiving: SQL): SQL {
  return sql`(${receiving} OR EXISTS (SELECT 1 FROM dossier_events e2 JOIN agency_units h ON h.id = e2.agency_id OR h.id = e2.previous_agency_id
    WHERE e2.dossier_id = ${dossierEvents.dossierId} AND e2.position <= ${dossierEvents.position} AND ${unit}))`;
}

/** The holders of {@link HOLDERS} parsed: ids and paths. */
export function holdersOf(row: { holders: string | null }): { id: number; path: string }[] {
  if (!row.holders) return [];
  return row.holders.split(" ").map((word) => {
    const at = word.indexOf(":");
    return { id: Number(word.slice(0, at)), path: word.slice(at + 1) };
  });
}

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
      holders: HOLDERS,
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
        filter.unitPath === undefined
          ? undefined
          : heldBy(sql`h.path <@ ${filter.unitPath}::ltree`, sql`${receivingAgency.path} <@ ${filter.unitPath}::ltree`),
        filter.unitId === undefined ? undefined : heldBy(sql`h.id = ${filter.unitId}`, sql`${dossiers.agencyId} = ${filter.unitId}`),
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
  if (filter.unitPath !== undefined) {
    const unitPath = filter.unitPath;
    if (!within(row.receivingAgencyPath, unitPath) && !holdersOf(row).some((h) => within(h.path, unitPath))) return false;
  }
  if (filter.unitId !== undefined && row.dossier.agencyId !== filter.unitId && !holdersOf(row).some((h) => h.id === filter.unitId)) return false;
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
