/** Times each step of the demo data load on in-memory PGlite: `npm run demo:time`. */
import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { bootstrapAdmin } from "../src/modules/access/viewer.js";

import { loadDemoUnits } from "../src/demo/units.demo.js";
import { loadDemoIndexes } from "../src/demo/indexes.demo.js";
import { loadDemoDocuments } from "../src/demo/documents.demo.js";
import { loadDemoProcedures } from "../src/demo/procedures.demo.js";
import { loadDemoDossiers } from "../src/demo/dossiers.demo.js";

const config = loadConfig({ DATABASE_URL: "memory://", DEMO_DATA: "false", NODE_ENV: "test" });
const database = await openDatabase(config.databaseUrl, config.dataDir);
let t = performance.now();
const lap = (name: string) => { const now = performance.now(); console.log(name, Math.round(now - t), "ms"); t = now; };
await migrate(database); lap("migrate");
const writer = { db: database.db, viewer: bootstrapAdmin(), config };

await loadDemoUnits(writer); lap("units");
await loadDemoIndexes(writer); lap("indexes");
await loadDemoDocuments(writer); lap("documents");
await loadDemoProcedures(writer); lap("procedures");
await loadDemoDossiers(database.db, config.cutoffHour); lap("dossiers");
await database.close();
