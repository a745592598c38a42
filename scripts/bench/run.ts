/**
 * `npm run bench [-- --only by-code,nested] [--rounds 3] [--round-ms 5000] [--warmup-ms 2000]`: every hot path
 * of the hub measured against its physical limit in the same run, on the PostgreSQL database of DATABASE_URL
 * filled by `npm run generate`. Starts the hub itself (a child process on 127.0.0.1, NODE_ENV=production); load
 * comes from separate processes on 127.0.0.1 only. Prints medians, ratios and a markdown table at the end.
 * Benchmarks are not tests: nothing here runs under vitest.
 */
import "reflect-metadata";
import os from "node:os";
import postgres, { type Sql } from "postgres";
import { benchByCode } from "./by-code.js";
import { benchDashboard } from "./dashboard.js";
import { benchIngest } from "./ingest.js";
import { benchNested } from "./nested.js";
import { benchPostGraphile } from "./postgraphile.js";
import { benchSubscriptions } from "./subscriptions.js";
import type { Timing } from "./lib/measure.js";
import { DEFAULT_HEAP_MB, startHub, type ServerProcess } from "./lib/processes.js";
import { markdownTable, results } from "./lib/stats.js";

export interface BenchContext {
  databaseUrl: string;
  /** postgres.js for setup and sampling (not for measured load). */
  sql: Sql;
  hub: ServerProcess;
  timing: Timing;
  dossiers: number;
}

const BENCHES: Record<string, (ctx: BenchContext) => Promise<void>> = {
  "by-code": benchByCode,
  nested: benchNested,
  postgraphile: benchPostGraphile,
  dashboard: benchDashboard,
  ingest: benchIngest,
  subscriptions: benchSubscriptions,
};

function parseArgs(argv: string[]) {
  const options = { only: Object.keys(BENCHES), timing: { rounds: 3, roundMs: 5_000, warmupMs: 2_000 } as Timing };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i]!, argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--only") options.only = value.split(",");
    else if (flag === "--rounds") options.timing.rounds = Number(value);
    else if (flag === "--round-ms") options.timing.roundMs = Number(value);
    else if (flag === "--warmup-ms") options.timing.warmupMs = Number(value);
    else throw new Error(`unknown flag ${flag}`);
    i++;
  }
  for (const name of options.only) if (!BENCHES[name]) throw new Error(`unknown bench ${name} (known: ${Object.keys(BENCHES).join(", ")})`);
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error("DATABASE_URL must name the PostgreSQL database filled by `npm run generate`");
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  const [{ n }] = (await sql`SELECT count(*)::int AS n FROM dossiers`) as unknown as [{ n: number }];
  if (n === 0) throw new Error("no dossiers: run `npm run generate` on this database first");
  const [{ version }] = (await sql`SELECT split_part(version(), ' on ', 1) AS version`) as unknown as [{ version: string }];
  console.log(`# lienthong benchmarks — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}; ${version}`);
  console.log(`data: ${n.toLocaleString("en")} dossiers; timing: ${options.timing.rounds} rounds × ${options.timing.roundMs} ms after ${options.timing.warmupMs} ms warm-up (medians)`);

  const hub = await startHub(databaseUrl);
  const heap = Number(process.env.BENCH_HUB_HEAP_MB ?? DEFAULT_HEAP_MB);
  console.log(
    `hub: ${process.env.BENCH_RUNTIME === "tsx" ? "src/main.ts through tsx" : "esbuild bundle of src/main.ts"}, NODE_ENV=production, ` +
      `${heap > 0 ? `--max-old-space-size=${heap}` : "no heap cap"}, ${hub.url}; idle RSS ${Math.round(hub.rssMb())} MB`,
  );
  const ctx: BenchContext = { databaseUrl, sql, hub, timing: options.timing, dossiers: n };
  try {
    for (const name of options.only) await BENCHES[name]!(ctx);
  } finally {
    await hub.stop();
    await sql.end({ timeout: 5 });
  }
  console.log(`\n## results (${n.toLocaleString("en")} dossiers)\n`);
  console.log(markdownTable(results));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
