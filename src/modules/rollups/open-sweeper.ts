import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { SWEEP_LOCK, sweepOpenDossiers } from "./rollup.store.js";

/** How often an instance moves the open-dossier watermark to now. */
export const SWEEP_INTERVAL_MS = 30_000;

/**
 * Keeps the open-dossier counters' watermark close to now, so that dashboards correct only the few dossiers that
 * fell due since the last sweep. Every instance runs one; sweeps are serialised by the exclusive sweep lock (a
 * second instance sweeping right after finds nothing to move). Dashboards stay exact whatever the lag: they read
 * the dossiers between the watermark and now themselves.
 */
export class OpenSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = SWEEP_INTERVAL_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error) => console.error("open-dossier sweep failed (dashboards stay exact, only slower):", (error as Error).message))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /**
   * Moves the watermark to `until` in one transaction; returns how many open dossiers fell due. Waits at most a few
   * seconds for the writers classifying at the moment (they hold the lock shared): a busy moment skips this sweep.
   */
  async sweep(until = new Date()): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL lock_timeout = '5s'`);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SWEEP_LOCK})`);
      return sweepOpenDossiers(tx, until);
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
