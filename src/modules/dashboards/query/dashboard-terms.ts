/**
 * A dashboard's buckets as signed sums of SUBTREE counters. Pure.
 *
 * Subtree counters (`dossier_subtree_rollups`, `dossier_open_counts`…) hold, for a unit, everything received in its
 * whole subtree. The scope's roots (`findDashboardScope`) form a laminar family — two subtrees are nested or disjoint —
 * and every unit counts in the bucket of the deepest root above it. So a bucket is the sum, over its roots, of the
 * root's subtree minus the subtrees of the roots nested directly inside it; and an `own` root's own figures are its
 * subtree minus its children's subtrees. Each of these is a term `(unit, bucket, ±1)`: a province-year dashboard
 * sums ~50 units' rows instead of ~650.
 */
import { OWN_BUCKET, type ScopeRoots } from "./dashboard-scope.store.js";

/** Add `sign` × the subtree counters of `unitId` to `bucket`. */
export interface Term {
  unitId: number;
  bucket: number;
  sign: number;
}

export interface ScopeTerms {
  /** Terms whose sums per bucket are the buckets' figures (their sum over all buckets is the total). */
  byBucket: Term[];
  /** The outermost roots (+1 each): the least reading for figures of the whole scope (months, fields, procedures). */
  whole: Term[];
  /** The roots' paths: a unit is in the scope when one of them is an ancestor-or-self of its path. */
  paths: string[];
  /** The units counted as the root's own. */
  ownIds: number[];
  /** Bucket of the deepest root above each root path (for figures read per unit, see `bucketOfPath`). */
  bucketByPath: Map<string, number>;
}

/** The deepest root strictly above `path`, among the roots by path. */
function parentRoot<T>(byPath: Map<string, T>, path: string): T | undefined {
  for (let end = path.lastIndexOf("."); end !== -1; end = path.lastIndexOf(".", end - 1)) {
    const root = byPath.get(path.slice(0, end));
    if (root) return root;
  }
  return undefined;
}

/** The terms of a scope. Terms of the same unit and bucket are added up; terms that cancel out are left out. */
export function scopeTerms(scope: ScopeRoots): ScopeTerms {
  const byPath = new Map(scope.roots.map((r) => [r.path, r]));
  const sums = new Map<string, Term>();
  const add = (unitId: number, bucket: number, sign: number) => {
    const key = `${unitId}|${bucket}`;
    const term = sums.get(key);
    if (term) term.sign += sign;
    else sums.set(key, { unitId, bucket, sign });
  };
  const whole: Term[] = [];
  for (const root of scope.roots) {
    add(root.unitId, root.bucket, 1);
    const parent = parentRoot(byPath, root.path);
    if (parent) add(root.unitId, parent.bucket, -1);
    else whole.push({ unitId: root.unitId, bucket: root.bucket, sign: 1 });
  }
  const ownIds: number[] = [];
  for (const root of scope.roots.filter((r) => r.own)) {
    ownIds.push(root.unitId);
    add(root.unitId, OWN_BUCKET, 1);
    add(root.unitId, root.bucket, -1);
    for (const child of scope.ownChildren.filter((c) => c.parentId === root.unitId)) {
      add(child.unitId, OWN_BUCKET, -1);
      add(child.unitId, root.bucket, 1);
    }
  }
  return {
    byBucket: [...sums.values()].filter((t) => t.sign !== 0).sort((a, b) => a.unitId - b.unitId || a.bucket - b.bucket),
    whole,
    paths: scope.roots.map((r) => r.path),
    ownIds,
    bucketByPath: new Map(scope.roots.map((r) => [r.path, r.bucket])),
  };
}

/**
 * The bucket a unit (by its path and id) counts in: OWN for the own units, else the bucket of the deepest root
 * above it; undefined when it is outside the scope.
 */
export function bucketOfPath(terms: ScopeTerms, unitId: number, path: string): number | undefined {
  if (terms.ownIds.includes(unitId)) return OWN_BUCKET;
  for (let end = path.length; end !== -1; end = path.lastIndexOf(".", end - 1)) {
    const bucket = terms.bucketByPath.get(path.slice(0, end));
    if (bucket !== undefined) return bucket;
  }
  return undefined;
}

/** Terms as three parallel int-array literals, for `unnest(ids, buckets, signs)`. */
export function termArrays(terms: readonly Term[]): { ids: string; buckets: string; signs: string } {
  return {
    ids: `{${terms.map((t) => t.unitId).join(",")}}`,
    buckets: `{${terms.map((t) => t.bucket).join(",")}}`,
    signs: `{${terms.map((t) => t.sign).join(",")}}`,
  };
}
