import type { AlternatingResult, HttpTarget, LoadJob, LoadResult } from "./load-worker.js";
import { cpuSecondsOf, runWorker } from "./processes.js";
import { fmt, median } from "./stats.js";

/** How long each measurement runs (`--round-ms`, `--rounds`, `--warmup-ms` of `npm run bench`). */
export interface Timing {
  rounds: number;
  roundMs: number;
  warmupMs: number;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time the measured server spent per request (user + system), when its pid was given. */
  cpuMs: number;
}

type JobWithoutTiming = LoadJob extends infer J ? (J extends LoadJob ? Omit<J, keyof Timing> : never) : never;

/** Runs a load job in its own process; medians over the rounds. Throws when requests failed. */
export async function measure(label: string, job: JobWithoutTiming, timing: Timing, serverPid?: number): Promise<Measured> {
  // The machine is shared: besides throughput, the server's own CPU time per request is a measure that
  // contention from other processes does not distort.
  const cpuBefore = serverPid === undefined ? 0 : cpuSecondsOf(serverPid);
  const result = await runWorker<LoadResult>("load-worker.ts", { ...job, ...timing }, timing.warmupMs + timing.rounds * timing.roundMs + 60_000);
  const cpuMs = serverPid === undefined ? Number.NaN : ((cpuSecondsOf(serverPid) - cpuBefore) * 1000) / Math.max(result.total, 1);
  const errors = result.rounds.reduce((n, r) => n + r.errors, 0);
  if (errors > 0) throw new Error(`${label}: ${errors} requests failed, first: ${result.firstError}`);
  const m = {
    rps: median(result.rounds.map((r) => r.rps)),
    p50: median(result.rounds.map((r) => r.p50)),
    p99: median(result.rounds.map((r) => r.p99)),
    errors,
    cpuMs,
  };
  const cpu = Number.isNaN(cpuMs) ? "" : `   server CPU ${fmt(cpuMs, 2)} ms/req`;
  console.log(`  ${label.padEnd(44)} ${fmt(m.rps).padStart(7)} req/s   p50 ${fmt(m.p50, 2)} ms   p99 ${fmt(m.p99, 2)} ms${cpu}   (rounds: ${result.rounds.map((r) => fmt(r.rps)).join(", ")})`);
  return m;
}

/** A server under comparison: its label, its process (for CPU time) and what to send it. */
export interface Contender extends HttpTarget {
  label: string;
  pid: number;
}

/**
 * Several servers measured by one load generator in alternating rounds (A, B, A, B…), so that the machine's
 * drifting load weighs on each alike; medians per server, and each server's CPU time per request.
 */
export async function measureAlternating(contenders: Contender[], connections: number, timing: Timing): Promise<Measured[]> {
  const cpuBefore = contenders.map((c) => cpuSecondsOf(c.pid));
  const job: LoadJob = { kind: "alternating", targets: contenders.map(({ url, token, bodies }) => ({ url, token, bodies })), connections, ...timing };
  const result = await runWorker<AlternatingResult>("load-worker.ts", job, timing.warmupMs * contenders.length + timing.rounds * timing.roundMs * contenders.length + 300_000);
  return contenders.map((contender, i) => {
    const { rounds, total } = result.targets[i]!;
    const errors = rounds.reduce((n, r) => n + r.errors, 0);
    if (errors > 0) throw new Error(`${contender.label}: ${errors} requests failed, first: ${result.firstError}`);
    const cpuMs = ((cpuSecondsOf(contender.pid) - cpuBefore[i]!) * 1000) / Math.max(total, 1);
    const m = { rps: median(rounds.map((r) => r.rps)), p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)), errors, cpuMs };
    console.log(`  ${contender.label.padEnd(44)} ${fmt(m.rps).padStart(7)} req/s   p50 ${fmt(m.p50, 2)} ms   p99 ${fmt(m.p99, 2)} ms   server CPU ${fmt(cpuMs, 2)} ms/req   (rounds: ${rounds.map((r) => fmt(r.rps)).join(", ")})`);
    return m;
  });
}
