/**
 * Batch writers in a separate process: each writer sends its batches one after the other (a one-stop system
 * pushing its queue), all writers at once. Reads the job as JSON on stdin and prints one JSON line. Bounded: stops
 * sending when `maxMs` has passed.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface BatchJob {
  url: string;
  token: string;
  /** The mutation, with `$input` its only variable; answers `{ <field> { applied unchanged failed items { ok error { code message } } } }`. */
  mutation: string;
  field: string;
  writers: unknown[][][];
  maxMs: number;
}

export interface BatchOutcome {
  applied: number;
  unchanged: number;
  failed: number;
  batches: number;
  seconds: number;
  /** Milliseconds per batch, in completion order. */
  latencies: number[];
  firstError: string | null;
}

async function main(): Promise<void> {
  let raw = "";
  for await (const chunk of process.stdin) raw += chunk;
  const job = JSON.parse(raw) as BatchJob;
  const url = new URL(job.url);
  if (url.hostname !== "127.0.0.1") throw new Error("load is only sent to 127.0.0.1");
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.writers.length });
  const post = (body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent,
          headers: { "content-type": "application/json", authorization: `Bearer ${job.token}`, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  const outcome: BatchOutcome = { applied: 0, unchanged: 0, failed: 0, batches: 0, seconds: 0, latencies: [], firstError: null };
  const started = performance.now();
  const deadline = started + job.maxMs;
  await Promise.all(
    job.writers.map(async (batches) => {
      for (const input of batches) {
        if (performance.now() > deadline) return;
        const t0 = performance.now();
        const res = await post(JSON.stringify({ query: job.mutation, variables: { input } }));
        outcome.latencies.push(performance.now() - t0);
        const body = JSON.parse(res.text) as { data?: Record<string, { applied: number; unchanged: number; failed: number; items: { ok: boolean; error: { code: string; message: string } | null }[] }>; errors?: unknown[] };
        const result = body.data?.[job.field];
        if (!result) {
          outcome.firstError ??= `HTTP ${res.status}: ${res.text.slice(0, 500)}`;
          outcome.failed += input.length;
          continue;
        }
        outcome.applied += result.applied;
        outcome.unchanged += result.unchanged;
        outcome.failed += result.failed;
        outcome.batches++;
        const bad = result.items.find((i) => !i.ok);
        if (bad) outcome.firstError ??= `${bad.error?.code}: ${bad.error?.message}`;
      }
    }),
  );
  outcome.seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
