import type { Database } from "../../src/db/client.js";

/**
 * Builds the dashboard rollups once over everything generated: the generator writes rows directly, so the
 * in-transaction rollup maintenance of the services did not run. Skipped (with a note) when the dashboards module
 * is not part of this checkout.
 */
export async function rebuildRollupsIfAvailable(database: Database, log: (line: string) => void): Promise<void> {
  let rebuild: ((db: Database["db"]) => Promise<{ rows: number; fieldRows: number; ms: number }>) | undefined;
  try {
    ({ rebuildAllRollups: rebuild } = await import("../../src/modules/rollups/rollup.service.js"));
  } catch {
    log("rollups: no dashboards module in this checkout; nothing to rebuild");
    return;
  }
  log("rollups: rebuilding from the dossiers…");
  const { rows, fieldRows, ms } = await rebuild(database.db);
  log(`rollups: ${rows.toLocaleString("en")} rows and ${fieldRows.toLocaleString("en")} field rows in ${(ms / 1000).toFixed(1)} s`);
}
