/**
 * Dashboards against their raw rollup SQL. The limit is the very SQL the dashboards module sends for the same
 * request (captured once through a drizzle logger), replayed through postgres.js with the module's concurrency:
 * what the request costs without GraphQL, type-graphql and the mapping. Measured with one connection (latency)
 * and with 10 (throughput).
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/client.js";
import type { BenchContext } from "./run.js";
import type { SqlRequest, SqlStatement } from "./lib/load-worker.js";
import { measure, type Measured } from "./lib/measure.js";
import { BENCH_ADMIN_TOKEN } from "./lib/processes.js";
import { fmt, record } from "./lib/stats.js";

interface Case {
  name: string;
  query: string;
  variables: { agencyCode: string; from: string; to: string };
  /** The same figure counted from the dossiers in plain SQL, the comparison the issue asks for. */
  plain?: SqlStatement;
}

/** Dossiers received in the subtree of `$1` from `$2` to `$3` (Vietnam dates, inclusive), counted from the dossiers. */
const PLAIN_RECEIVED = `SELECT count(*) FROM dossiers WHERE agency_id IN (SELECT id FROM agency_units WHERE path <@ (
  SELECT path FROM agency_units WHERE code = $1 ORDER BY valid_from DESC NULLS LAST LIMIT 1))
  AND received_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
  AND received_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`;

/** The first and last day of the month `back` months before `month` (YYYY-MM). */
function monthBefore(month: string, back: number): { from: string; to: string } {
  const start = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - back, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/**
 * The statements `dashboard()` sends, one after the other as it sends them: the unit with its scope, then every
 * figure.
 */
async function captureStages(databaseUrl: string, variables: Case["variables"]): Promise<SqlRequest> {
  const captured: SqlStatement[] = [];
  const client = postgres(databaseUrl, { max: 4, onnotice: () => {}, connection: { jit: "off", TimeZone: "UTC" } });
  const db = drizzle({
    client,
    schema,
    logger: { logQuery: (text, params) => void captured.push({ text, params: params.map((p) => (p instanceof Date ? p.toISOString() : (p as string | number | boolean | null))) }) },
  }) as unknown as Db;
  const { dashboard } = await import("../../src/modules/dashboards/query/dashboard.service.js");
  await dashboard(db, variables);
  await client.end();
  if (captured.length !== 2) console.log(`  (the module sent ${captured.length} statements, not the 2 expected)`);
  return captured.map((s) => [s]);
}

export async function benchDashboard(ctx: BenchContext): Promise<void> {
  console.log("\n## dashboards (rollups)");
  const [province] = await ctx.sql<{ code: string }[]>`SELECT code FROM agency_units WHERE kind = 'PROVINCE' ORDER BY id LIMIT 1`;
  const [district] = await ctx.sql<{ code: string }[]>`
    SELECT u.code FROM agency_units u WHERE u.kind = 'DISTRICT' ORDER BY (SELECT count(*) FROM dossiers d WHERE d.agency_id = u.id) DESC LIMIT 1`;
  // The last month of the generated data (the dossiers the ingest benchmark receives, dated this week, left out).
  const [{ month }] = (await ctx.sql`
    SELECT to_char(max(received_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month FROM dossiers
    WHERE received_at < now() - interval '30 days'`) as unknown as [{ month: string }];
  const monthEnd = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const yearFrom = `${Number(month.slice(0, 4)) - 1}-${String(Number(month.slice(5, 7)) % 12 + 1).padStart(2, "0")}-01`;
  const units = (await ctx.sql`SELECT count(*)::int AS n FROM agency_units`)[0]!.n as number;
  const received = `query($agencyCode: String!, $from: Date!, $to: Date!) { dashboard(agencyCode: $agencyCode, from: $from, to: $to) { received } }`;
  const receivedIn = (back: number, label: string): Case => {
    const { from, to } = monthBefore(month, back);
    return {
      name: `province, ${label} month ${from.slice(0, 7)}: received`,
      query: received,
      variables: { agencyCode: province!.code, from, to },
      plain: { text: PLAIN_RECEIVED, params: [province!.code, from, to] },
    };
  };
  const cases: Case[] = [
    receivedIn(0, "current"),
    receivedIn(23, "two-year-old"),
    {
      name: `province, month ${month}`,
      query: `query($agencyCode: String!, $from: Date!, $to: Date!) { dashboard(agencyCode: $agencyCode, from: $from, to: $to) {
        received resolved early onTime late onTimeRate pendingInTime overdue receivedOnline } }`,
      variables: { agencyCode: province!.code, from: `${month}-01`, to: monthEnd },
    },
    {
      name: `district, ${yearFrom}..${monthEnd} by month`,
      query: `query($agencyCode: String!, $from: Date!, $to: Date!) { dashboard(agencyCode: $agencyCode, from: $from, to: $to) {
        byMonth { month received resolved onTimeRate receivedOnline } } }`,
      variables: { agencyCode: district!.code, from: yearFrom, to: monthEnd },
    },
    {
      name: `province ranking over its ${units - 1} units, ${yearFrom}..${monthEnd}`,
      query: `query($agencyCode: String!, $from: Date!, $to: Date!) { dashboard(agencyCode: $agencyCode, from: $from, to: $to) {
        ranking { rank unit { code name } onTimeRate resolved late } } }`,
      variables: { agencyCode: province!.code, from: yearFrom, to: monthEnd },
    },
  ];

  for (const c of cases) {
    console.log(` ${c.name}`);
    const stages = await captureStages(ctx.databaseUrl, c.variables);
    const body = JSON.stringify({ query: c.query, variables: c.variables });
    const run = (connections: number): Promise<[Measured, Measured]> =>
      Promise.resolve()
        .then(() => measure(`  raw SQL of the module, ${connections} conn.`, { kind: "sql", databaseUrl: ctx.databaseUrl, requests: [stages], connections }, ctx.timing))
        .then(async (raw) => [raw, await measure(`  lienthong dashboard, ${connections} conn.`, { kind: "http", url: ctx.hub.url, token: BENCH_ADMIN_TOKEN, bodies: [body], connections }, ctx.timing, ctx.hub.pid)]);
    const [raw1, ours1] = await run(1);
    const [raw10, ours10] = await run(10);
    const plain = c.plain && (await measure("  plain SQL over the dossiers, 1 conn.", { kind: "sql", databaseUrl: ctx.databaseUrl, requests: [[[c.plain]]], connections: 1 }, ctx.timing));
    const ratio = ours1.p50 / (plain ? plain.p50 : raw1.p50);
    record({
      bench: "dashboard",
      measure: `${c.name}: p50 latency, 1 connection (req/s at 10)`,
      ours: `${fmt(ours1.p50, 2)} ms (${fmt(ours10.rps)} req/s)`,
      limit: `${plain ? `${fmt(plain.p50, 2)} ms plain SQL over the dossiers; ` : ""}${fmt(raw1.p50, 2)} ms the module's SQL (${fmt(raw10.rps)} req/s)`,
      ratio: `${fmt(ratio, 2)}×`,
      target: "≤ 1.5× and < 10 ms",
      met: ratio <= 1.5 && ours1.p50 < 10 ? "yes" : "no",
    });
  }
}
