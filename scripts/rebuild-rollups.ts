/**
 * Rebuilds the dashboard counters (subtree rollups by channel and by field, open-dossier counts) from the dossiers:
 *
 *   npm run rollups:rebuild
 *
 * The rollups are kept current by every dossier write; a rebuild is for after a bulk import that bypassed the API, a
 * change of procedures' fields or fees that history should follow, or a bug fix in the counting rules. It runs in one
 * transaction and is safe while agency systems write (their rollup updates wait for it). Uses the same configuration
 * as the server (DATABASE_URL, DATA_DIR); the embedded database admits one process at a time: stop the server first.
 */
import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { rebuildAllRollups } from "../src/modules/rollups/rollup.service.js";

const config = loadConfig();
const database = await openDatabase(config.databaseUrl, config.dataDir);
try {
  await migrate(database);
  const { rows, fieldRows, openUnits, ms } = await rebuildAllRollups(database.db);
  console.log(`rollups rebuilt in ${ms} ms: ${rows} subtree rows by channel, ${fieldRows} by field, open dossiers counted for ${openUnits} units`);
} finally {
  await database.close();
}
