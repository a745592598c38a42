import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";

type Reader = Db | Tx;

/** `db.execute` returns an array on postgres.js and `{ rows }` on PGlite. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The unit itself (and its merged predecessors themselves). */
export const OWN_BUCKET = -1;
/** Units of merged predecessors' subtrees that belong to no child. */
export const OTHER_BUCKET = 0;

/** A unit whose dossiers a dashboard counts, and the part of the dashboard it counts in. */
export interface ScopeUnit {
  unitId: number;
  /** {@link OWN_BUCKET}, {@link OTHER_BUCKET}, or the id of the child of the root whose subtree holds the unit. */
  bucket: number;
}

/**
 * The units a dashboard of `rootId` counts, each in one bucket (so buckets partition the total):
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
 */
export async function findScope(db: Reader, rootId: number, period: { from: string; to: string }, asOf: string): Promise<ScopeUnit[]> {
  // Paths travel as text through the recursion: a recursive UNION needs hashable columns, and ltree is not (PG 15).
  const result = await db.execute(sql`
    WITH RECURSIVE roots(id, path, bucket, own, merged) AS (
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
    ),
    owns AS (SELECT DISTINCT id FROM roots WHERE own)
    SELECT DISTINCT ON (u.id) u.id AS "unitId",
      CASE WHEN u.id IN (SELECT id FROM owns) THEN ${OWN_BUCKET}::int ELSE r.bucket END AS bucket
    FROM roots r JOIN agency_units u ON u.path <@ r.path::ltree
    ORDER BY u.id, nlevel(r.path::ltree) DESC, r.merged DESC, r.bucket DESC`);
  return resultRows<ScopeUnit>(result);
}

/** A scope as two parallel int arrays (`{1,2}` literals), for `unnest(ids, buckets)` joins. */
export function scopeArrays(scope: readonly ScopeUnit[]): { ids: string; buckets: string } {
  return {
    ids: `{${scope.map((s) => s.unitId).join(",")}}`,
    buckets: `{${scope.map((s) => s.bucket).join(",")}}`,
  };
}
