/**
 * Dashboard throughput with read replicas: `DATABASE_URL=<a database filled by npm run generate> tsx
 * scripts/bench/replicas.ts [--rounds 4] [--round-ms 4000]`. Builds a throw-away primary (initdb, another port),
 * copies that database into it (pg_dump | pg_restore), adds two streaming replicas (pg_basebackup -R), starts three
 * hubs on the primary — without replicas, with one, with two — and measures the same dashboard queries against
 * the three in alternating rounds. Everything is removed at the end.
 */
import { execSync } from "node:child_process";
import postgres from "postgres";
import { startReplicatedCluster } from "../../test/support/replication.js";
import { measureAlternating } from "./lib/measure.js";
import { BENCH_ADMIN_TOKEN, startHub, type ServerProcess } from "./lib/processes.js";
import { fmt } from "./lib/stats.js";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const timing = { rounds: flag("--rounds", 4), roundMs: flag("--round-ms", 4000), warmupMs: 2000 };
const source = process.env.DATABASE_URL;
if (!source || !/^postgres(ql)?:\/\//.test(source)) throw new Error("DATABASE_URL must name a database filled by `npm run generate`");

const cluster = await startReplicatedCluster(2, async (primaryUrl) => {
  console.log("copying the benchmark database into the new primary (pg_dump | pg_restore)…");
  execSync(`pg_dump -Fc --no-owner "${source}" | pg_restore --no-owner -d "${primaryUrl}"`, { stdio: "inherit", shell: "/bin/bash" });
});
const hubs: ServerProcess[] = [];
try {
  const sql = postgres(cluster.primaryUrl, { max: 1, onnotice: () => {} });
  const [province] = await sql<{ code: string }[]>`SELECT code FROM agency_units WHERE kind = 'PROVINCE' ORDER BY id LIMIT 1`;
  const [{ n }] = (await sql`SELECT count(*)::int AS n FROM dossiers`) as unknown as [{ n: number }];
  await sql.end();
  const body = (from: string, to: string) =>
    JSON.stringify({
      query: `query($a: String!, $from: Date!, $to: Date!) { dashboard(agencyCode: $a, from: $from, to: $to) {
        received resolved early onTime late onTimeRate pendingInTime overdue receivedOnline byMonth { month received } } }`,
      variables: { a: province!.code, from, to },
    });
  const bodies = [body("2025-06-01", "2025-06-30"), body("2024-07-01", "2025-06-30"), body("2023-07-01", "2023-07-31")];
  const setups = [[], cluster.replicaUrls.slice(0, 1), cluster.replicaUrls];
  for (const urls of setups) hubs.push(await startHub(cluster.primaryUrl, { DATABASE_READ_URL: urls.join(",") }));
  console.log(`# dashboards with read replicas — ${n.toLocaleString("en")} dossiers, province month / year / two-year-old month, 10 connections`);
  const measured = await measureAlternating(
    hubs.map((hub, i) => ({ label: i === 0 ? "primary only" : `primary + ${i} replica${i > 1 ? "s" : ""}`, url: hub.url, token: BENCH_ADMIN_TOKEN, bodies, pid: hub.pid })),
    10,
    timing,
  );
  console.log(`ratios to the primary alone: ${measured.map((m) => `${fmt(m.rps / measured[0]!.rps, 2)}×`).join(", ")}`);
} finally {
  for (const hub of hubs) await hub.stop();
  await cluster.stop();
}
