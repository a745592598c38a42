import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import { resultRows } from "../../../db/rows.js";
import type { AgencyUnitRow } from "../../../db/schema/index.js";
import { unitIdNamedOn } from "../../agency-units/agency-unit.sql.js";

type Reader = Db | Tx;

/** The unit itself (and its merged predecessors themselves). */
export const OWN_BUCKET = -1;
/** Units of merged predecessors' subtrees that belong to no child. */
export const OTHER_BUCKET = 0;

/**
 * `roots(id, path, bucket, own, merged)`: the subtrees a dashboard of `rootId` counts (see {@link findDashboardScope}).
 * Paths travel as text through the recursion: a recursive UNION needs hashable columns, and ltree is not (PG 15).
 */
const ROOTS = (rootId: SQL, period: { from: string; to: string }, asOf: string) => sql`
  roots(id, path, bucket, own, merged) AS (
    SELECT * FROM (
      SELECT u.id, u.path::text, ${OTHER_BUCKET}::int, true, false FROM agency_units u WHERE u.id = ${rootId}
      UNION ALL
      SELECT c.id, c.path::text, c.id, false, false FROM agency_units c
      WHERE c.parent_id = ${rootId}
        AND (c.valid_from IS NULL OR c.valid_from <= ${period.to}::date)
        AND (c.valid_to IS NULL OR c.valid_to >= ${period.from}::date)
    ) seeds
    UNION
    SELECT p.id, p.path::text, r.bucket, (r.own AND m.id = r.id), true
    FROM roots r
    JOIN agency_units m ON m.path <@ r.path::ltree
    JOIN agency_unit_links l ON l.to_id = m.id
    JOIN agency_units p ON p.id = l.from_id
    WHERE l.kind IN ('MERGED_INTO', 'RENAMED') AND (l.effective_on IS NULL OR l.effective_on <= ${asOf}::date)
  )`;

/** A unit whose subtree a dashboard counts, as `findDashboardScope` returns it. */
export interface ScopeRoot {
  unitId: number;
  path: string;
  /** The bucket its subtree counts in, but for deeper roots inside it (see `scopeTerms`). */
  bucket: number;
  /** The unit itself (not its subtree) counts as the root's own (the root, predecessors merged into it). */
  own: boolean;
}

/** The roots of a dashboard's scope, and the children of its `own` roots (whose subtrees are not the root's own). */
export interface ScopeRoots {
  roots: ScopeRoot[];
  ownChildren: { unitId: number; parentId: number }[];
}

/** A dashboard's unit with its scope, as one statement finds them (see {@link findDashboardScope}). */
export interface DashboardScope {
  root: AgencyUnitRow;
  scope: ScopeRoots;
  /** The units of the root's children buckets (children valid in the period). */
  children: AgencyUnitRow[];
}

/**
 * The scope of a dashboard of the unit `code` as the subtrees that make it up. The units counted, each in one bucket (so
 * buckets partition the total):
 * - the root's subtree (by `path`, whatever the units' validity: a unit dissolved since still counts for its parent);
 * - transitively, the subtrees of units linked MERGED_INTO or RENAMED to any unit counted, by links effective on
 *   or before `asOf` (the current tree by default: Bắc Giang's history counts for Bắc Ninh; asked as of a date
 *   before the merger, it does not). SPLIT_INTO links are not followed: a split unit's history belongs to no
 *   single successor.
 *
 * Buckets: the root and the predecessors merged into the root itself are OWN; a unit inside the scope of a child
 * of the root (a child valid on some day of the period, with its own predecessors) counts for that child, the
 * deepest matching scope winning, and at equal depth a scope reached through a merger (so a child merged into
 * another child counts for its successor); anything else (a predecessor's units without a successor among the
 * children) is OTHER.
 *
 * Returned as roots — the root, its children valid in the period, the merged predecessors — one per path (a unit
 * reached twice keeps the reason that wins: reached through a merger, then the higher bucket); every unit of the
 * scope counts in the bucket of the deepest root above it (`dashboard-terms.ts`).
 *
 * Found in ONE statement with the unit `code` names on `asOf` (or the most recent unit that carried it, as
 * `findUnitByCode` finds it) and the units of the children buckets; undefined when no unit ever carried the code.
 */
export async function findDashboardScope(db: Reader, code: string, period: { from: string; to: string }, asOf: string): Promise<DashboardScope | undefined> {
  const rows = resultRows<ScopeRow>(await db.execute(scopeSql(unitIdNamedOn(code, sql`${asOf}::date`), period, asOf)));
  const target = rows.find((r) => r.kind === "T");
  if (!target) return undefined;
  const { scope, units } = scopeOfRows(rows);
  const root = units.get(target.unitId)!;
  return { root, scope, children: [...units.values()].filter((u) => u.id !== root.id) };
}

interface ScopeRow {
  /** R: a root; C: a child of an own root; T: the target unit itself (with `unit`). */
  kind: "R" | "C" | "T";
  unitId: number;
  path: string | null;
  bucket: number | null;
  own: boolean;
  parentId: number | null;
  /** The unit's columns, for the target and the roots of children buckets (when asked for). */
  unit: UnitJson | string | null;
}

interface UnitJson {
  id: number; code: string; gsoCode: string | null; name: string; kind: AgencyUnitRow["kind"]; parentId: number | null;
  path: string; validFrom: string | null; validTo: string | null; address: string | null; demo: boolean; createdAt: string; updatedAt: string;
}

const UNIT_JSON = (u: string) => sql.raw(`json_build_object('id', ${u}.id, 'code', ${u}.code, 'gsoCode', ${u}.gso_code, 'name', ${u}.name,
  'kind', ${u}.kind, 'parentId', ${u}.parent_id, 'path', ${u}.path::text, 'validFrom', ${u}.valid_from::text,
  'validTo', ${u}.valid_to::text, 'address', ${u}.address, 'demo', ${u}.demo, 'createdAt', ${u}.created_at,
  'updatedAt', ${u}.updated_at)`);

function scopeSql(rootId: SQL, period: { from: string; to: string }, asOf: string): SQL {
  return sql`
    WITH RECURSIVE ${ROOTS(rootId, period, asOf)},
    winners AS (SELECT DISTINCT ON (path) id, path, bucket FROM roots ORDER BY path, merged DESC, bucket DESC),
    owns AS (SELECT DISTINCT id FROM roots WHERE own)
    SELECT 'R' AS kind, w.id AS "unitId", w.path, w.bucket, (w.id IN (SELECT id FROM owns)) AS own, NULL::int AS "parentId",
      CASE WHEN w.bucket = w.id THEN (SELECT ${UNIT_JSON("c")} FROM agency_units c WHERE c.id = w.id) END AS unit
    FROM winners w
    UNION ALL
    SELECT 'C', c.id, NULL, NULL, false, c.parent_id, NULL FROM agency_units c WHERE c.parent_id IN (SELECT id FROM owns)
    UNION ALL
    SELECT 'T', u.id, NULL, NULL, false, NULL, ${UNIT_JSON("u")} FROM agency_units u WHERE u.id = ${rootId}`;
}

function toUnitRow(json: UnitJson | string): AgencyUnitRow {
  const u: UnitJson = typeof json === "string" ? JSON.parse(json) : json;
  return { ...u, createdAt: new Date(u.createdAt), updatedAt: new Date(u.updatedAt) };
}

function scopeOfRows(rows: ScopeRow[]): { scope: ScopeRoots; units: Map<number, AgencyUnitRow> } {
  const scope: ScopeRoots = { roots: [], ownChildren: [] };
  const units = new Map<number, AgencyUnitRow>();
  for (const row of rows) {
    if (row.kind === "R") scope.roots.push({ unitId: row.unitId, path: row.path!, bucket: row.bucket!, own: row.own });
    else if (row.kind === "C") scope.ownChildren.push({ unitId: row.unitId, parentId: row.parentId! });
    if (row.unit) units.set(row.unitId, toUnitRow(row.unit));
  }
  return { scope, units };
}
