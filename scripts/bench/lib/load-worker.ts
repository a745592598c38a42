/**
 * The load generator: a separate process (so that it does not share the server's event loop) running a closed
 * loop of `connections` concurrent clients against 127.0.0.1, for a warm-up and then `rounds` timed rounds.
 * Reads its job as JSON on stdin; prints one JSON line of per-round figures. Every loop is bounded in time.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { percentile } from "./stats.js";

interface Common {
  connections: number;
  rounds: number;
  roundMs: number;
  warmupMs: number;
}
/** One HTTP server and what to send it. */
export interface HttpTarget {
  url: string;
  token?: string;
  bodies: string[];
}
export type LoadJob =
  | (Common & { kind: "http" } & HttpTarget)
  | (Common & { kind: "sql"; databaseUrl: string; requests: SqlRequest[] })
  /** Several servers in alternating rounds (A, B, A, B…): drifts in the machine's load hit every server alike. */
  | (Common & { kind: "alternating"; targets: HttpTarget[] });

/** One statement with its parameters. */
export interface SqlStatement {
  text: string;
  params: (string | number | boolean | null)[];
}
/** What one simulated request sends: stages one after the other, the statements of a stage at once. */
export type SqlRequest = SqlStatement[][];

export interface RoundResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}
/** The answer to an `alternating` job: per target, its rounds and requests. */
export interface AlternatingResult {
  targets: { rounds: RoundResult[]; total: number }[];
  firstError: string | null;
}
export interface LoadResult {
  rounds: RoundResult[];
  /** Requests sent in all, warm-up included (to divide a server's CPU time by). */
  total: number;
  firstError: string | null;
}

const MAX_ROUND_MS = 60_000;

async function readJob(): Promise<LoadJob> {
  let raw = "";
  for await (const chunk of process.stdin) raw += chunk;
  return JSON.parse(raw) as LoadJob;
}

function httpClient(job: HttpTarget & { connections: number }) {
  const url = new URL(job.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("load is only sent to this machine (127.0.0.1)");
  // A fresh pool per client: in alternating rounds a server closes the connections left idle during the other
  // server's round (Node's 5 s keep-alive timeout), so each round opens its own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (job.token) headers.authorization = `Bearer ${job.token}`;
  return (body: string) =>
    new Promise<string | null>((resolve) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve(res.statusCode === 200 && !text.startsWith('{"errors"') && !text.includes('"errors":[') ? null : `HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
        },
      );
      req.on("error", (error) => resolve(String(error)));
      req.end(body);
    });
}

async function main(): Promise<void> {
  const job = await readJob();
  if (job.kind === "alternating") return alternate(job);
  let send: (i: number) => Promise<string | null>;
  let close = async () => {};
  if (job.kind === "http") {
    const post = httpClient(job);
    send = (i) => post(job.bodies[i % job.bodies.length]!);
  } else {
    // As many connections as statements may run at once (a request may send a stage's statements together).
    const width = Math.max(1, ...job.requests.flatMap((r) => r.map((stage) => stage.length)));
    const sql = postgres(job.databaseUrl, { max: job.connections * width, onnotice: () => {}, connection: { jit: "off" } });
    await sql`SELECT 1`;
    send = async (i) => {
      try {
        for (const stage of job.requests[i % job.requests.length]!) {
          await Promise.all(stage.map((s) => sql.unsafe(s.text, s.params as never[], { prepare: true })));
        }
        return null;
      } catch (error) {
        return String(error);
      }
    };
    close = () => sql.end({ timeout: 5 });
  }

  const counter = { sent: 0 };
  const phase = (ms: number, record: boolean) => runPhase(send, counter, job.connections, ms, record);
  await phase(job.warmupMs, false);
  const rounds: RoundResult[] = [];
  for (let r = 0; r < job.rounds; r++) rounds.push(await phase(job.roundMs, true));
  await close();
  process.stdout.write(`${JSON.stringify({ rounds, total: counter.sent, firstError } satisfies LoadResult)}\n`);
  process.exit(0);
}

async function alternate(job: Extract<LoadJob, { kind: "alternating" }>): Promise<void> {
  const targets = job.targets.map((target) => {
    let post = httpClient({ ...target, connections: job.connections });
    return {
      send: (i: number) => post(target.bodies[i % target.bodies.length]!),
      renew: () => (post = httpClient({ ...target, connections: job.connections })),
      counter: { sent: 0 },
      rounds: [] as RoundResult[],
    };
  });
  for (const t of targets) await runPhase(t.send, t.counter, job.connections, job.warmupMs, false);
  for (let r = 0; r < job.rounds; r++) {
    for (const t of targets) {
      t.renew();
      t.rounds.push(await runPhase(t.send, t.counter, job.connections, job.roundMs, true));
    }
  }
  const result: AlternatingResult = { targets: targets.map((t) => ({ rounds: t.rounds, total: t.counter.sent })), firstError };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

let firstError: string | null = null;

/** `connections` closed loops calling `send` for `ms`; latencies recorded when `record`. */
async function runPhase(send: (i: number) => Promise<string | null>, counter: { sent: number }, connections: number, ms: number, record: boolean): Promise<RoundResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + Math.min(ms, MAX_ROUND_MS);
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const error = await send(counter.sent++);
      if (error) {
        errors++;
        firstError ??= error;
      } else if (record) latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
