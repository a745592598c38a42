import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { safeError, silentLogger, type Logger } from "../../observability/log.js";
import type { Metrics } from "../../observability/metrics.js";
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
  /** When this instance last moved the watermark (start-up counts: the lag is measured from there). */
  private lastSwept = Date.now();

  constructor(
    private readonly db: Db,
    private readonly observe: { log: Logger; metrics: Metrics | null; intervalMs?: number } = { log: silentLogger, metrics: null },
  ) {}

  start(): void {
    const { log, metrics } = this.observe;
    this.timer = setInterval(() => {
      if (this.running) return;
      const started = Date.now();
      this.running = this.sweep()
        .then((fellDue) => {
          metrics?.sweeps.inc({ outcome: "ok" });
          log.debug({ fellDue, durationMs: Date.now() - started }, "open-dossier sweep");
        })
        .catch((error) => {
          metrics?.sweeps.inc({ outcome: "failed" });
          log.warn({ error: safeError(error) }, "open-dossier sweep failed (dashboards stay exact, only slower)");
        })
        .finally(() => (this.running = undefined));
    }, this.observe.intervalMs ?? SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Moves the watermark to `until` in one transaction; returns how many open dossiers fell due. Waits at most a few
   * seconds for the writers classifying at the moment (they hold the lock shared): a busy moment skips this sweep.
   */
  async sweep(until = new Date()): Promise<number> {
    const fellDue = await this.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL lock_timeout = '5s'`);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SWEEP_LOCK})`);
      return sweepOpenDossiers(tx, until);
    });
    this.lastSwept = until.getTime();
    return fellDue;
  }

  /** Seconds since this instance last moved the watermark (or started): the watermark's lag as far as it knows. */
  lagSeconds(now = Date.now()): number {
    return (now - this.lastSwept) / 1000;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
