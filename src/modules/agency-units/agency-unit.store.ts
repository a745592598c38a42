import { and, asc, count, eq, inArray, isNull, lte, gte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { resultRows } from "../../db/rows.js";
import { agencyUnitLinks, agencyUnits, type AgencyUnitRow } from "../../db/schema/index.js";
import { statement } from "../../db/statement.js";
import { namedOnFirst, unitIdNamedOn } from "./agency-unit.sql.js";

type Reader = Db | Tx;

/** SQL condition: the unit is valid on `date` (YYYY-MM-DD). */
export function validOn(date: string) {
  return and(
    or(isNull(agencyUnits.validFrom), lte(agencyUnits.validFrom, date)),
    or(isNull(agencyUnits.validTo), gte(agencyUnits.validTo, date)),
  );
}

/**
 * The units with these codes valid on `asOf`, keyed by code. A code is reused by successor units, so it names at
 * most one unit on a given day.
 */
export async function findUnitsByCodes(db: Reader, codes: readonly string[], asOf: string): Promise<Map<string, AgencyUnitRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select()
    .from(agencyUnits)
    .where(and(inArray(agencyUnits.code, [...new Set(codes)]), validOn(asOf)));
  return new Map(rows.map((row) => [row.code, row]));
}

/**
 * The unit a code names on `asOf`, or — when none is valid that day — the most recent unit that carried the code
 * (a lookup of a dissolved unit still finds it).
 */
export async function findUnitByCode(db: Reader, code: string, asOf: string): Promise<AgencyUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyUnits)
    .where(sql`${agencyUnits.code} = ${code}`)
    .orderBy(...namedOnFirst(asOf))
    .limit(1);
  return row;
}

/** Every unit that carried one of these codes, whatever its validity (the caller picks the one valid on a date). */
export async function findUnitsByAnyCodes(db: Reader, codes: readonly string[]): Promise<AgencyUnitRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(agencyUnits).where(sql`${agencyUnits.code} IN (SELECT json_array_elements_text(${JSON.stringify(codes)}::json))`);
}

/**
 * The unit a code names on `asOf` (or the most recent one that carried it, as `findUnitByCode` finds it) with the
 * number of units in its subtree, in one statement.
 */
export async function findUnitWithSubtreeSize(db: Reader, code: string, asOf: string): Promise<{ id: number; path: string; unitCount: number } | undefined> {
  const [row] = await unitWithSubtreeSize(db, { code, asOf });
  return row;
}

const unitWithSubtreeSize = statement<{ code: string; asOf: string }, { id: number; path: string; unitCount: number }>(
  () => sql`SELECT u.id, u.path::text AS path, (SELECT count(*) FROM ${agencyUnits} s WHERE s.path <@ u.path)::int AS "unitCount"
    FROM ${agencyUnits} u WHERE u.id = ${unitIdNamedOn(sql`${sql.placeholder("code")}`, sql`${sql.placeholder("asOf")}::date`)}`,
);

/** What an API unit shows: every column but the bookkeeping timestamps. */
export type UnitView = Omit<AgencyUnitRow, "createdAt" | "updatedAt">;

/**
 * The columns of a {@link UnitView} under their property names, dates and paths as text on both engines: rows come
 * back ready to use. Loaders read hundreds of units for one tree query; drizzle's generic row mapping and the two
 * timestamps nobody shows were most of the hub's CPU time for a 50-unit list with children (bench profile).
 */
const VIEW_COLUMNS = sql.raw(
  `"id", "code", "gso_code" AS "gsoCode", "name", "kind", "parent_id" AS "parentId", "path"::text AS "path",
   "valid_from"::text AS "validFrom", "valid_to"::text AS "validTo", "address", "demo"`,
);

/** Units by internal id, in no particular order. */
export async function findUnitsByIds(db: Reader, ids: readonly number[]): Promise<UnitView[]> {
  if (ids.length === 0) return [];
  return resultRows<UnitView>(await db.execute(sql`SELECT ${VIEW_COLUMNS} FROM ${agencyUnits} WHERE ${inArray(agencyUnits.id, [...ids])}`));
}

/** The children of all these parents valid on `asOf` (optionally of one kind), ordered by code. */
export async function findChildren(db: Reader, parentIds: readonly number[], asOf: string, kind: string | null): Promise<UnitView[]> {
  const where = and(inArray(agencyUnits.parentId, [...parentIds]), validOn(asOf), kind === null ? undefined : sql`${agencyUnits.kind} = ${kind}`);
  return resultRows<UnitView>(await db.execute(sql`SELECT ${VIEW_COLUMNS} FROM ${agencyUnits} WHERE ${where} ORDER BY "code", "id"`));
}

/** Which units a list shows: every condition given must hold. */
export interface UnitListWhere {
  parentId?: number;
  /** Strictly below the unit at this ltree path (uses the GIST index on `path`). */
  below?: string;
  kind?: string;
  /** Only units valid on this day; `null`: units of any time (a search without `asOf`). */
  asOf: string | null;
  /** Normalised search text; see {@link unitPage}. */
  search?: string;
  /** With `asOf: null`, units valid on this day rank before the others (see {@link rankOf}). */
  currentOn?: string;
}

function listCondition(where: UnitListWhere): SQL | undefined {
  return and(
    where.parentId === undefined ? undefined : eq(agencyUnits.parentId, where.parentId),
    where.below === undefined
      ? undefined
      : and(sql`${agencyUnits.path} <@ ${where.below}::ltree`, sql`${agencyUnits.path} <> ${where.below}::ltree`),
    where.kind === undefined ? undefined : sql`${agencyUnits.kind} = ${where.kind}`,
    where.asOf === null ? undefined : validOn(where.asOf),
    where.search === undefined ? undefined : searchCondition(where.search),
  );
}

/**
 * Every word of the search occurs in the name, without regard to case or diacritics (each word an ILIKE on
 * `lt_norm(name)`, served by its trigram GIN index), or the search is exactly the agency or GSO code.
 */
function searchCondition(search: string): SQL {
  const words = search.split(" ").map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return or(
    and(...words.map((pattern) => sql`lt_norm(${agencyUnits.name}) ILIKE lt_norm(${pattern})`)),
    eq(agencyUnits.code, search),
    eq(agencyUnits.gsoCode, search),
  )!;
}

/**
 * Similarity rank, rounded so that it survives a cursor round trip exactly. With `currentOn`, units valid that day
 * get 1 more (similarity is at most 1): current units first, then those that no longer (or not yet) exist.
 */
function rankOf(search: string, currentOn: string | undefined): SQL<string> {
  const similarity = sql`similarity(lt_norm(${agencyUnits.name}), lt_norm(${search}))`;
  const boost = currentOn === undefined ? sql`0` : sql`CASE WHEN ${validOn(currentOn)} THEN 1 ELSE 0 END`;
  return sql<string>`round((${similarity} + ${boost})::numeric, 6)`;
}

export interface UnitPageRow {
  unit: AgencyUnitRow;
  /** Similarity rank as a decimal string when searching; `null` otherwise. */
  rank: string | null;
}

/**
 * One page (`limit` rows) of units, keyset-paginated: by similarity rank (best first) then code and id when
 * searching, else by code and id. `after` holds the cursor values of the previous page's last row.
 */
export async function unitPage(db: Reader, where: UnitListWhere, limit: number, after: unknown[] | undefined): Promise<UnitPageRow[]> {
  const search = where.search;
  const rank = search === undefined ? sql<null>`NULL` : rankOf(search, where.currentOn);
  let keyset: SQL | undefined;
  if (after !== undefined) {
    if (search === undefined) {
      const [code, id] = after as [string, number];
      keyset = sql`(${agencyUnits.code}, ${agencyUnits.id}) > (${code}, ${id})`;
    } else {
      const [r, code, id] = after as [string, string, number];
      keyset = sql`(${rank} < ${r}::numeric OR (${rank} = ${r}::numeric AND (${agencyUnits.code}, ${agencyUnits.id}) > (${code}, ${id})))`;
    }
  }
  const query = db
    .select({ unit: agencyUnits, rank })
    .from(agencyUnits)
    .where(and(listCondition(where), keyset));
  const ordered =
    search === undefined
      ? query.orderBy(asc(agencyUnits.code), asc(agencyUnits.id))
      : query.orderBy(sql`${rank} DESC`, asc(agencyUnits.code), asc(agencyUnits.id));
  return (await ordered.limit(limit)) as UnitPageRow[];
}

/** The number of units a list shows over all pages. */
export async function countUnits(db: Reader, where: UnitListWhere): Promise<number> {
  const [row] = await db.select({ n: count() }).from(agencyUnits).where(listCondition(where));
  return Number(row?.n ?? 0);
}

export interface LinkWithUnit {
  /** The unit whose links these are. */
  ownerId: number;
  kind: string;
  effectiveOn: string | null;
  /** The unit at the other end. */
  other: AgencyUnitRow;
}

/**
 * The successor links (`direction: "successors"`) or predecessor links of all these units, each joined with the
 * unit at the other end.
 */
export async function findLinks(db: Reader, ids: readonly number[], direction: "successors" | "predecessors"): Promise<LinkWithUnit[]> {
  const [own, other] =
    direction === "successors" ? [agencyUnitLinks.fromId, agencyUnitLinks.toId] : [agencyUnitLinks.toId, agencyUnitLinks.fromId];
  return db
    .select({ ownerId: own, kind: agencyUnitLinks.kind, effectiveOn: agencyUnitLinks.effectiveOn, other: agencyUnits })
    .from(agencyUnitLinks)
    .innerJoin(agencyUnits, eq(agencyUnits.id, other))
    .where(inArray(own, [...ids]))
    .orderBy(sql`${agencyUnitLinks.effectiveOn} NULLS LAST`, asc(agencyUnits.code), asc(agencyUnits.id));
}

/** Units with this code whose validity overlaps `[validFrom, validTo]` (null ends are open), other than `exceptId`. */
export async function findOverlapping(
  db: Reader,
  code: string,
  validFrom: string | null,
  validTo: string | null,
  exceptId: number | null,
): Promise<AgencyUnitRow[]> {
  return db
    .select()
    .from(agencyUnits)
    .where(
      and(
        eq(agencyUnits.code, code),
        sql`daterange(${agencyUnits.validFrom}, ${agencyUnits.validTo}, '[]') && daterange(${validFrom}::date, ${validTo}::date, '[]')`,
        exceptId === null ? undefined : ne(agencyUnits.id, exceptId),
      ),
    );
}
