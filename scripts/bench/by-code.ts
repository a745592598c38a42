/**
 * Dossier by code through GraphQL, against the same SELECT through postgres.js and against the limit: bare Apollo 5
 * answering the same document with one postgres.js lookup. 10 concurrent connections.
 */
import type { BenchContext } from "./run.js";
import { measure } from "./lib/measure.js";
import { BENCH_ADMIN_TOKEN, startBaseline } from "./lib/processes.js";
import { fmt, record } from "./lib/stats.js";

const QUERY = `query($code: String!) { dossier(code: $code) { code status channel receivedAt dueAt finishedAt timeliness } }`;
const SELECT = `SELECT code, status, channel, received_at, due_at, finished_at, timeliness, effective_due_at, supplement_since FROM dossiers WHERE code = $1`;

export async function benchByCode(ctx: BenchContext): Promise<void> {
  console.log("\n## dossier by code (10 connections)");
  const codes = (await ctx.sql<{ code: string }[]>`SELECT code FROM dossiers WHERE id % 97 = 0 ORDER BY id LIMIT 2000`).map((r) => r.code);
  const bodies = codes.map((code) => JSON.stringify({ query: QUERY, variables: { code } }));
  const connections = 10;

  const raw = await measure("SELECT through postgres.js", { kind: "sql", databaseUrl: ctx.databaseUrl, requests: codes.map((code) => [[{ text: SELECT, params: [code] }]]), connections }, ctx.timing);
  const baseline = await startBaseline(ctx.databaseUrl, "by-code");
  let bare;
  try {
    bare = await measure("bare Apollo 5 + one postgres.js lookup", { kind: "http", url: baseline.url, bodies, connections }, ctx.timing, baseline.pid);
  } finally {
    await baseline.stop();
  }
  const ours = await measure("lienthong dossier(code)", { kind: "http", url: ctx.hub.url, token: BENCH_ADMIN_TOKEN, bodies, connections }, ctx.timing, ctx.hub.pid);
  const ratio = ours.rps / bare.rps;
  record({
    bench: "dossier by code",
    measure: "req/s, 10 connections",
    ours: `${fmt(ours.rps)} (p50 ${fmt(ours.p50, 2)} ms)`,
    limit: `${fmt(bare.rps)} bare Apollo + lookup (p50 ${fmt(bare.p50, 2)} ms); SQL alone ${fmt(raw.rps)}`,
    ratio: `${fmt(ratio, 2)}×`,
    target: "≥ 0.8×",
    met: ratio >= 0.8 ? "yes" : "no",
  });
}
