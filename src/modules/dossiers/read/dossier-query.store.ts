import { and, count, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import { tableSelection } from "../../../db/row-mapper.js";
import { resultRows } from "../../../db/rows.js";
import { statement } from "../../../db/statement.js";
import { agencyUnits, dossiers, procedures, type DossierRow } from "../../../db/schema/index.js";

type Reader = Db | Tx;

function pathOf(unitId: typeof dossiers.agencyId | typeof dossiers.holderId) {
  return sql<string>`(SELECT ${agencyUnits.path}::text FROM ${agencyUnits} WHERE ${agencyUnits.id} = ${unitId})`;
}

/** Dossiers by internal id, in no particular order. */
export async function findDossiersByIds(db: Reader, ids: readonly number[]): Promise<DossierRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(dossiers).where(inArray(dossiers.id, [...ids]));
}

const DOSSIER = tableSelection(dossiers, "dossiers", "d");
const PROCEDURE = tableSelection(procedures, "procedures", "p");

const dossierWithPathsByCode = statement<{ code: string }>(
  () => sql`SELECT ${DOSSIER.columns}, ${pathOf(dossiers.agencyId)} AS "agencyPath", ${pathOf(dossiers.holderId)} AS "holderPath"
    FROM ${dossiers} WHERE ${dossiers.code} = ${sql.placeholder("code")} LIMIT 1`,
);

/** A dossier by code with the ltree paths of its receiving and holding agencies (for scope checks). */
export async function findDossierWithPaths(db: Reader, code: string) {
  const [raw] = await dossierWithPathsByCode(db, { code });
  return raw && { dossier: DOSSIER.map(raw), agencyPath: raw.agencyPath as string, holderPath: raw.holderPath as string };
}

/** The code of the dossier with this internal id (a global id's key), if any. */
export async function findDossierCodeById(db: Reader, id: number): Promise<string | undefined> {
  const [row] = await db.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return row?.code;
}

/** Ids of the units in the subtree at `path` (the unit included), as a subquery. */
function unitsUnder(path: string) {
  return sql`(SELECT ${agencyUnits.id} FROM ${agencyUnits} WHERE ${agencyUnits.path} <@ ${path}::ltree)`;
}

/** Which dossiers a list shows; every condition given must hold. */
export interface DossierListWhere {
  /** Read scope as an ltree path; `""` is the whole country. */
  scope: string;
  /** Received or held inside this subtree (ltree path). */
  unitPath?: string;
  /** How many units the subtree at `unitPath` has (chooses how a page is read). */
  unitCount?: number;
  /** Received or held by exactly this unit. */
  unitId?: number;
  statuses?: string[];
  procedureId?: number;
  receivedFrom?: Date;
  receivedBefore?: Date;
  finishedTimeliness?: ("EARLY" | "ON_TIME" | "LATE")[];
  /** Open dossiers in time / overdue at `now`. */
  open?: { inTime: boolean; overdue: boolean; now: Date };
}

/** Open and past its effective due instant; a dossier waiting on a supplement is judged at the start of the wait. */
function overdueAt(now: Date): SQL {
  return sql`(${dossiers.finishedAt} IS NULL AND ${dossiers.effectiveDueAt} < COALESCE(${dossiers.supplementSince}, ${now.toISOString()}::timestamptz))`;
}

function listCondition(where: DossierListWhere): SQL | undefined {
  const within = (path: string) => or(inArray(dossiers.agencyId, unitsUnder(path)), inArray(dossiers.holderId, unitsUnder(path)));
  const timeliness: (SQL | undefined)[] = [];
  if (where.finishedTimeliness?.length) timeliness.push(and(isNotNull(dossiers.finishedAt), inArray(dossiers.timeliness, where.finishedTimeliness)));
  if (where.open?.overdue) timeliness.push(overdueAt(where.open.now));
  if (where.open?.inTime) timeliness.push(and(isNull(dossiers.finishedAt), sql`NOT ${overdueAt(where.open.now)}`));
  return and(
    where.scope === "" ? undefined : within(where.scope),
    where.unitPath === undefined ? undefined : within(where.unitPath),
    where.unitId === undefined ? undefined : or(eq(dossiers.agencyId, where.unitId), eq(dossiers.holderId, where.unitId)),
    where.statuses?.length ? inArray(dossiers.status, where.statuses as DossierRow["status"][]) : undefined,
    where.procedureId === undefined ? undefined : eq(dossiers.procedureId, where.procedureId),
    where.receivedFrom === undefined ? undefined : gte(dossiers.receivedAt, where.receivedFrom),
    where.receivedBefore === undefined ? undefined : lt(dossiers.receivedAt, where.receivedBefore),
    timeliness.length === 0 ? undefined : or(...timeliness),
  );
}

/**
 * Subtrees of at most this many units are paged unit by unit: each unit's newest dossiers through its
 * `(unit, received_at)` index, merged. Larger subtrees hold most dossiers, so the newest ones overall (the
 * `received_at` index) match at once. At 200k dossiers a commune's page took 48 ms the second way, 0.3 ms the first.
 */
export const PER_UNIT_PAGING_MAX_UNITS = 64;

/** The newest first order; NULLS LAST as in `dossiers_received_idx`, so that the index serves it (the columns are NOT NULL). */
const NEWEST_FIRST = [sql`${dossiers.receivedAt} DESC NULLS LAST`, sql`${dossiers.code} DESC NULLS LAST`];

/**
 * One page of dossiers, newest receipt first (`received_at DESC, code DESC`), `limit` rows after the keyset `after`,
 * each with its procedure (one statement: the page and what its `procedure` fields need).
 */
export async function dossierPage(db: Reader, where: DossierListWhere, after: { receivedAt: Date; code: string } | undefined, limit: number) {
  const keyset = after
    ? sql`(${dossiers.receivedAt}, ${dossiers.code}) < (${after.receivedAt.toISOString()}::timestamptz, ${after.code})`
    : undefined;
  let condition: SQL | undefined;
  if (where.unitPath !== undefined && where.unitCount !== undefined && where.unitCount <= PER_UNIT_PAGING_MAX_UNITS) {
    const rest = and(listCondition({ ...where, unitPath: undefined }), keyset) ?? sql`true`;
    const newest = (column: typeof dossiers.agencyId | typeof dossiers.holderId) => sql`(
      SELECT ${dossiers.id}, ${dossiers.receivedAt}, ${dossiers.code} FROM ${dossiers} WHERE ${column} = u.id AND ${rest}
      ORDER BY ${dossiers.receivedAt} DESC, ${dossiers.code} DESC LIMIT ${limit})`;
    condition = inArray(
      dossiers.id,
      sql`(SELECT c.id FROM (SELECT ${agencyUnits.id} FROM ${agencyUnits} WHERE ${agencyUnits.path} <@ ${where.unitPath}::ltree) u
        CROSS JOIN LATERAL (${newest(dossiers.agencyId)} UNION ${newest(dossiers.holderId)}) c
        ORDER BY c.received_at DESC, c.code DESC LIMIT ${limit})`,
    );
  } else {
    condition = and(listCondition(where), keyset);
  }
  const rows = resultRows<Record<string, unknown>>(
    await db.execute(sql`SELECT ${DOSSIER.columns}, ${PROCEDURE.columns}
      FROM ${dossiers} LEFT JOIN ${procedures} ON ${procedures.id} = ${dossiers.procedureId}
      WHERE ${condition ?? sql`true`} ORDER BY ${sql.join(NEWEST_FIRST, sql`, `)} LIMIT ${limit}`),
  );
  return rows.map((raw) => ({ dossier: DOSSIER.map(raw), procedure: raw.p_id === null ? null : PROCEDURE.map(raw) }));
}

export async function countDossiers(db: Reader, where: DossierListWhere): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dossiers).where(listCondition(where));
  return row?.n ?? 0;
}
