import { sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { bootstrapAdmin } from "../modules/access/viewer.js";
import { loadDemoUnits } from "./units.demo.js";
import { loadDemoDocuments } from "./documents.demo.js";
import { loadDemoProcedures } from "./procedures.demo.js";
import { loadDemoIndexes } from "./indexes.demo.js";
import { loadDemoDossiers } from "./dossiers.demo.js";
import { loadDemoOversight, loadDemoPlans } from "./oversight.demo.js";
import { resultRows } from "../db/rows.js";
import type { StartupSteps } from "../observability/progress.js";

/**
 * Loads the demo data set (real published facts of `facts.json` plus generated, format-valid catalogue rows, all
 * marked `demo`) into an empty database, through the same services agency systems write through — except the demo
 * dossiers, bulk-loaded (their events are `recorded_by = 'demo'`).
 */
export async function loadDemoData(db: Db, config: Config, steps: StartupSteps = { run: (_step, work) => work() }): Promise<boolean> {
  if (await hasUnits(db)) return false;
  const writer = { db, viewer: bootstrapAdmin(), config };
  await steps.run("demo: agency units", () => loadDemoUnits(writer));
  await steps.run("demo: index results", () => loadDemoIndexes(writer));
  await steps.run("demo: legal documents", () => loadDemoDocuments(writer));
  await steps.run("demo: procedures", () => loadDemoProcedures(writer));
  await steps.run("demo: oversight (inspections, citizen reception, petitions)", () => loadDemoOversight(db));
  await steps.run("demo: plan targets", () => loadDemoPlans(writer));
  // Bulk-loaded (not through the dossier services: ~47,000 dossiers must load in seconds), rollups rebuilt once.
  await steps.run("demo: ~47,000 dossiers, their events and dashboard counters", () => loadDemoDossiers(db, config.cutoffHour));
  return true;
}

async function hasUnits(db: Db): Promise<boolean> {
  const rows = await db.execute<{ present: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM agency_units) AS present`);
  return resultRows<{ present: boolean }>(rows)[0]?.present === true;
}

