/**
 * `npm run bench:fresh -- [--dossiers 2000000] [--keep] [bench flags…]`: one command for the whole benchmark. On the
 * PostgreSQL server of DATABASE_URL (any database of it, e.g. `postgres://postgres@127.0.0.1:5432/postgres`) it
 * creates a scratch database, fills it with `npm run generate`, runs every benchmark (`npm run bench`, which prints
 * each figure with its ratio to its limit), and drops the database unless `--keep` is given.
 */
import { spawn } from "node:child_process";
import postgres from "postgres";
import { ROOT } from "./lib/processes.js";

function parse(argv: string[]) {
  let dossiers = "2000000";
  let keep = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--dossiers") dossiers = argv[++i] ?? dossiers;
    else if (argv[i] === "--keep") keep = true;
    else rest.push(argv[i]!);
  }
  return { dossiers, keep, rest };
}

/** Runs a TypeScript script through tsx with this environment, inheriting stdout and stderr; rejects on failure. */
function run(script: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const { dossiers, keep, rest } = parse(process.argv.slice(2));
  const base = process.env.DATABASE_URL;
  if (!base || !/^postgres(ql)?:\/\//.test(base)) throw new Error("DATABASE_URL must name a database of the PostgreSQL server to benchmark on");
  const name = `lt_bench_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  console.log(`scratch database ${name}`);
  try {
    await run("scripts/generate.ts", ["--dossiers", dossiers], { DATABASE_URL: url.toString() });
    await run("scripts/bench/run.ts", rest, { DATABASE_URL: url.toString() });
  } finally {
    if (keep) console.log(`kept ${url}`);
    else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end({ timeout: 5 });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
