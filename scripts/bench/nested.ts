/**
 * One unit (a commune) with its first 20 dossiers and their procedures, against the one SQL statement that answers
 * it, and
 * against the naive two-query Apollo resolvers (the stand-in for PostGraphile 5: the issue author measured
 * PostGraphile 5 at 3.2k req/s where such resolvers did 2.7k, so PostGraphile ≈ 3.2/2.7 × naive).
 */
import type { BenchContext } from "./run.js";
import { measure } from "./lib/measure.js";
import { BENCH_ADMIN_TOKEN, startBaseline } from "./lib/processes.js";
import { fmt, record } from "./lib/stats.js";

const QUERY = `query($agency: String!) { dossiers(filter: {agencyCode: $agency}, first: 20) { edges { node { code procedure { name } } } } }`;
/**
 * The one statement that answers the query, written as well as we know: each unit's newest dossiers through its
 * (unit, received_at) index, received or held, merged, with their procedures joined.
 */
export const PAGE_SQL = (select: string, join: string) => `
  SELECT ${select} FROM (
    SELECT c.id FROM (SELECT id FROM agency_units WHERE path <@ (SELECT path FROM agency_units WHERE code = $1 LIMIT 1)) u
    CROSS JOIN LATERAL (
      (SELECT id, received_at, code FROM dossiers WHERE agency_id = u.id ORDER BY received_at DESC, code DESC LIMIT 20)
      UNION
      (SELECT id, received_at, code FROM dossiers WHERE holder_id = u.id ORDER BY received_at DESC, code DESC LIMIT 20)
    ) c ORDER BY c.received_at DESC, c.code DESC LIMIT 20
  ) page JOIN dossiers d ON d.id = page.id ${join}
  ORDER BY d.received_at DESC, d.code DESC`;
const SQL = PAGE_SQL("d.code, p.name", "JOIN procedures p ON p.id = d.procedure_id");
const POSTGRAPHILE_OVER_NAIVE = 3.2 / 2.7;

export async function benchNested(ctx: BenchContext): Promise<void> {
  console.log("\n## one unit with its first 20 dossiers and their procedures (10 connections)");
  const units = (
    await ctx.sql<{ code: string }[]>`
      SELECT u.code FROM agency_units u WHERE u.kind IN ('COMMUNE', 'WARD', 'TOWNSHIP')
      AND EXISTS (SELECT 1 FROM dossiers d WHERE d.agency_id = u.id) ORDER BY u.code LIMIT 100`
  ).map((r) => r.code);
  const bodies = units.map((agency) => JSON.stringify({ query: QUERY, variables: { agency } }));
  const connections = 10;

  const raw = await measure("one SQL statement through postgres.js", { kind: "sql", databaseUrl: ctx.databaseUrl, requests: units.map((unit) => [[{ text: SQL, params: [unit] }]]), connections }, ctx.timing);
  const baseline = await startBaseline(ctx.databaseUrl, "nested-naive");
  let naive;
  try {
    naive = await measure("naive two-query Apollo 5 resolvers", { kind: "http", url: baseline.url, bodies, connections }, ctx.timing, baseline.pid);
  } finally {
    await baseline.stop();
  }
  const ours = await measure("lienthong dossiers(filter, first: 20)", { kind: "http", url: ctx.hub.url, token: BENCH_ADMIN_TOKEN, bodies, connections }, ctx.timing, ctx.hub.pid);
  const postgraphile = naive.rps * POSTGRAPHILE_OVER_NAIVE;
  const ratio = ours.rps / postgraphile;
  record({
    bench: "unit + 20 dossiers + procedures",
    measure: "req/s, 10 connections",
    ours: `${fmt(ours.rps)} (p50 ${fmt(ours.p50, 2)} ms)`,
    limit: `PostGraphile 5 est. ${fmt(postgraphile)} (= naive ${fmt(naive.rps)} × 3.2/2.7); one SQL ${fmt(raw.rps)}`,
    ratio: `${fmt(ratio, 2)}× PostGraphile est.; ${fmt(ours.rps / naive.rps, 2)}× naive`,
    target: "≥ 1.5× PostGraphile",
    met: ratio >= 1.5 ? "yes" : "no",
  });
}
