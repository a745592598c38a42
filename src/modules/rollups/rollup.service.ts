import type { Db, Tx } from "../../db/client.js";
import type { DossierRow } from "../../db/schema/index.js";
import { isEmptyDelta, rollupDelta, rollupFactsOf, type RollupProcedure } from "./rollup-facts.js";
import { applyRollupDelta, moveSubtreeRollups, rebuildRollups, type RebuildCounts } from "./rollup.store.js";

export type { RollupProcedure } from "./rollup-facts.js";

/**
 * Keeps the dashboard rollups current: called by every dossier write, in its transaction, with the row before
 * (null for a new dossier) and after the write. Costs one statement when the write changes a counted fact
 * (a receipt, the end of the handling, a changed channel or flag) and none otherwise. Call it before
 * `appendEvent`, which must stay the last write of the transaction.
 */
export async function updateRollups(tx: Tx, before: DossierRow | null, after: DossierRow, procedure: RollupProcedure): Promise<void> {
  const delta = rollupDelta(before && rollupFactsOf(before, procedure), rollupFactsOf(after, procedure));
  if (!isEmptyDelta(delta)) await applyRollupDelta(tx, delta);
}

/**
 * Recomputes the rollups from the dossiers in one transaction (`npm run rollups:rebuild`; the demo loader after a
 * bulk load). Safe while agency systems write: see `rebuildRollups`.
 */
export async function rebuildAllRollups(db: Db): Promise<RebuildCounts & { ms: number }> {
  const started = Date.now();
  const counts = await db.transaction((tx) => rebuildRollups(tx));
  return { ...counts, ms: Date.now() - started };
}

/**
 * Keeps the subtree counters right when a unit moves to another parent (its path changes from `oldPath` to
 * `newPath`, in the caller's transaction): what its subtree counted leaves the ancestors it no longer has and joins
 * the new ones.
 */
export async function moveUnitRollups(tx: Tx, unitId: number, oldPath: string, newPath: string): Promise<void> {
  const oldAncestors = oldPath.split(".").slice(0, -1).map(Number);
  const newAncestors = newPath.split(".").slice(0, -1).map(Number);
  await moveSubtreeRollups(
    tx,
    unitId,
    oldAncestors.filter((id) => !newAncestors.includes(id)),
    newAncestors.filter((id) => !oldAncestors.includes(id)),
  );
}
