/**
 * Profiles the hub under one benchmark's load: `tsx scripts/bench/profile.ts by-code|nested|units|units-depth-3|dashboard [seconds]` starts the
 * hub with `--cpu-prof`, sends the load from a separate process, stops the hub and prints the hottest functions
 * (self time) and packages (inclusive time). The profile stays in /tmp/lienthong-prof for Chrome DevTools.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import postgres from "postgres";
import { measure } from "./lib/measure.js";
import { BENCH_ADMIN_TOKEN, startHub } from "./lib/processes.js";

const DIR = "/tmp/lienthong-prof";
const QUERIES: Record<string, { query: string; sample?: string; variable?: string }> = {
  "by-code": {
    query: `query($v: String!) { dossier(code: $v) { code status channel receivedAt dueAt finishedAt timeliness } }`,
    sample: `SELECT code AS v FROM dossiers WHERE id % 97 = 0 ORDER BY id LIMIT 2000`,
    variable: "v",
  },
  nested: {
    query: `query($v: String!) { dossiers(filter: {agencyCode: $v}, first: 20) { edges { node { code procedure { name } } } } }`,
    sample: `SELECT code AS v FROM agency_units WHERE kind IN ('COMMUNE', 'WARD', 'TOWNSHIP') ORDER BY code LIMIT 100`,
    variable: "v",
  },
  units: { query: `{ agencyUnits(first: 50) { edges { node { code name parent { name } children { name } } } } }` },
  "units-depth-3": {
    query: `{ agencyUnits(first: 50) { edges { node { code name parent { name } children { code name children { code name children { name } } } } } } }`,
  },
  dashboard: {
    query: `query($v: String!) { dashboard(agencyCode: $v, from: "2025-06-01", to: "2025-06-30") {
      received resolved early onTime late onTimeRate pendingInTime overdue receivedOnline } }`,
    sample: `SELECT code AS v FROM agency_units WHERE kind = 'PROVINCE' ORDER BY id LIMIT 1`,
    variable: "v",
  },
};

const [name = "by-code", seconds = "10"] = process.argv.slice(2);
const spec = QUERIES[name];
if (!spec) throw new Error(`usage: profile.ts ${Object.keys(QUERIES).join("|")} [seconds]`);
const databaseUrl = process.env.DATABASE_URL!;
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const values = spec.sample ? (await sql.unsafe(spec.sample)).map((r) => r.v as string) : [null];
await sql.end();
rmSync(DIR, { recursive: true, force: true });
process.env.BENCH_HUB_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${DIR}`;
const hub = await startHub(databaseUrl);
try {
  const bodies = values.map((v) => JSON.stringify({ query: spec.query, variables: spec.variable ? { [spec.variable]: v } : {} }));
  await measure(`lienthong ${name}`, { kind: "http", url: hub.url, token: BENCH_ADMIN_TOKEN, bodies, connections: 10 }, { rounds: 1, roundMs: Number(seconds) * 1000, warmupMs: 1000 }, hub.pid);
} finally {
  await hub.stop();
}
console.log(execFileSync(process.execPath, [new URL("./lib/top-profile.cjs", import.meta.url).pathname, DIR, "40"]).toString());
