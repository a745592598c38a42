import type { Db, Tx } from "../../db/client.js";
import type { DossierRow } from "../../db/schema/index.js";
import { mergeRollupDeltas, rollupDelta, rollupFactsOf, type RollupProcedure } from "./rollup-facts.js";
import { applyRollupDelta, moveSubtreeRollups, rebuildRollups, type RebuildCounts } from "./rollup.store.js";

export type { RollupProcedure } from "./rollup-facts.js";

/**
 * The rollups module: the dashboard counters are a projection of dossier writes (and of unit moves), kept in the
 * writer's transaction. Writers call this service only; dashboards only read the counter tables.
 */

/** One dossier written by a transaction: its row before (null when new) and after, and what the rollups need of its procedure. */
export interface DossierChange {
  before: DossierRow | null;
  after: DossierRow;
  procedure: RollupProcedure;
}

/**
 * The entry point of every dossier writer: projects the dossiers a transaction wrote onto the counters, as one
 * summed difference (one statement when a counted fact changed — a receipt, the end of the handling, a changed
 * channel or flag — and none otherwise). Call it before appending the events, which must stay the last write of
 * the transaction: the counter rows are shared by every writer of a unit and day, so their locks are held for the
 * shortest time.
 */
export async function projectDossierChanges(tx: Tx, changes: readonly DossierChange[]): Promise<void> {
  const delta = mergeRollupDeltas(changes.map((c) => rollupDelta(c.before && rollupFactsOf(c.before, c.procedure), rollupFactsOf(c.after, c.procedure))));
  await applyRollupDelta(tx, delta);
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
