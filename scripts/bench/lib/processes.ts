/**
 * Child processes of the benchmarks: the hub itself (as `npm start` runs it, NODE_ENV=production), the minimal
 * comparison servers, and the load generators, each its own process on 127.0.0.1.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const BENCH_ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size now, in MB (from /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Resident set size of a process in MB, 0 when it is gone. */
export function rssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.replace(/\D+/g, "")) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Runs a TypeScript entry point (through tsx) and resolves once it prints a line matching `ready`. */
function startTs(
  entry: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  what: string,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const loader = entry.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`${what} did not start within 60 s:\n${out}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        // Keep draining the pipes so that the child never blocks on a full one.
        child.stdout!.on("data", () => {});
        resolve({ child, match });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    });
    child.once("exit", (code) => fail(new Error(`${what} exited with ${code}:\n${out}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.removeAllListeners("exit");
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

/**
 * The hub as one ES module built by esbuild (what tsx does on the fly, once): the production way to run it. Under
 * tsx the loader keeps a second V8 isolate with the transpiled sources, ~95 MB of RSS (bench measurement), which
 * would hide what the hub itself uses. Placed two levels below the repository so that `src/db/migrate.ts` finds
 * `drizzle/` where it expects it. `BENCH_RUNTIME=tsx` runs `src/main.ts` through tsx instead; `BENCH_HUB_ENTRY`
 * names a hub module built elsewhere (another revision, for before/after comparisons).
 */
let bundle: Promise<string> | undefined;
function hubEntry(): Promise<string> {
  if (process.env.BENCH_RUNTIME === "tsx") return Promise.resolve("src/main.ts");
  // A hub built elsewhere (e.g. from another revision, for before/after comparisons).
  if (process.env.BENCH_HUB_ENTRY) return Promise.resolve(process.env.BENCH_HUB_ENTRY);
  bundle ??= (async () => {
    const { build } = await import("esbuild");
    const outfile = `${ROOT}node_modules/.lienthong-bench/main.mjs`;
    await build({ entryPoints: [`${ROOT}src/main.ts`], bundle: true, platform: "node", format: "esm", packages: "external", outfile, logLevel: "error" });
    return outfile;
  })();
  return bundle;
}

/**
 * The V8 old-space cap of the hub, as a production deployment with a memory budget sets it (`BENCH_HUB_HEAP_MB`,
 * default 320; 0 for none). 10,000 subscribers hold ~200 MB of live heap: 256 MB ran out of heap once the instance
 * had also served the ingest benchmark. Without a cap V8 grows the heap lazily up to a limit derived from the machine's memory
 * (~4 GB here), and RSS follows the garbage rather than the live data: 10,000 subscribers with events reach ~480 MB
 * of RSS uncapped, ~255 MB with a 192 MB cap, for the same live heap.
 */
export const DEFAULT_HEAP_MB = 320;
function heapCap(): string[] {
  const mb = Number(process.env.BENCH_HUB_HEAP_MB ?? DEFAULT_HEAP_MB);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}

/**
 * Starts the hub on 127.0.0.1 (a free port) with production settings and limits raised for load.
 * `BENCH_HUB_NODE_ARGS` adds node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it under load.
 */
export async function startHub(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const { child, match } = await startTs(
    await hubEntry(),
    [],
    {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      DEMO_DATA: "false",
      ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      RATE_LIMIT_PER_SECOND: "100000",
      RATE_LIMIT_BURST: "1000000",
      MAX_SUBSCRIPTIONS_PER_TOKEN: "1000000",
      ...env,
    },
    /ready at (http:\/\/\S+)/,
    "the hub",
    [...heapCap(), ...(process.env.BENCH_HUB_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
  );
  return { url: match[1]!, pid: child.pid!, rssMb: () => rssOf(child.pid!), stop: stopper(child) };
}

/** Starts a minimal comparison server (`scripts/bench/baseline-server.ts <mode>`). */
export async function startBaseline(databaseUrl: string, mode: string): Promise<ServerProcess> {
  const { child, match } = await startTs("scripts/bench/baseline-server.ts", [mode], { DATABASE_URL: databaseUrl, NODE_ENV: "production" }, /listening at (http:\/\/\S+)/, `baseline ${mode}`);
  return { url: match[1]!, pid: child.pid!, rssMb: () => rssOf(child.pid!), stop: stopper(child) };
}

const POSTGRAPHILE_DIR = `${ROOT}scripts/bench/postgraphile`;

/**
 * PostGraphile 5 (`scripts/bench/postgraphile`, a package of its own so that it never enters the hub's
 * dependencies). Installs it there on first use (`npm ci`), then runs it with Node 20's missing
 * `Promise.withResolvers` polyfilled through `--require`.
 */
export async function startPostGraphile(databaseUrl: string): Promise<ServerProcess> {
  if (!existsSync(`${POSTGRAPHILE_DIR}/node_modules/postgraphile/package.json`)) {
    console.log("  installing PostGraphile 5 in scripts/bench/postgraphile (npm ci, once)…");
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", POSTGRAPHILE_DIR], { stdio: "inherit" });
  }
  const { child, match } = await startTs(
    `${POSTGRAPHILE_DIR}/server.mjs`,
    [],
    { DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    /listening at (http:\/\/\S+)/,
    "PostGraphile",
    ["--require", `${POSTGRAPHILE_DIR}/polyfill.cjs`],
  );
  return { url: match[1]!, pid: child.pid!, rssMb: () => rssOf(child.pid!), stop: stopper(child) };
}

/** Runs a load generator (`scripts/bench/lib/<entry>`) with a JSON job and returns its JSON answer. */
export async function runWorker<T>(entry: string, job: unknown, timeoutMs: number): Promise<T> {
  const child = spawn(process.execPath, ["--import", "tsx", `scripts/bench/lib/${entry}`], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  child.stdin!.end(JSON.stringify(job));
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  const last = out.trim().split("\n").at(-1) ?? "";
  if (code !== 0) throw new Error(`load generator ${entry} exited with ${code}: ${out.slice(-2000)}`);
  return JSON.parse(last) as T;
}
