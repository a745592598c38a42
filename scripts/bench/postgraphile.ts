/**
 * The hub against PostGraphile 5 (amber preset, simplify-inflection; `scripts/bench/postgraphile`) over the same
 * database, one load generator alternating rounds between the two servers, for the reads integrators compare: a
 * dossier by code (10 fields), a unit with its first 20 dossiers and each one's procedure, 50 units with their
 * parent's and children's names, and the same 50 units to depth 3. Each side gets the document that asks its own
 * schema for the same data.
 */
import type { BenchContext } from "./run.js";
import { measureAlternating } from "./lib/measure.js";
import { BENCH_ADMIN_TOKEN, startPostGraphile } from "./lib/processes.js";
import { fmt, record } from "./lib/stats.js";

const DOSSIER_FIELDS = "code status channel receivedAt dueAt effectiveDueAt finishedAt timeliness supplementCount paidOnline";

interface Read {
  name: string;
  ours: string;
  theirs: string;
  /** Variables of each request, cycled through. */
  variables: (ctx: BenchContext) => Promise<Record<string, unknown>[]>;
}

const communes = async (ctx: BenchContext) =>
  (
    await ctx.sql<{ code: string }[]>`
      SELECT u.code FROM agency_units u WHERE u.kind IN ('COMMUNE', 'WARD', 'TOWNSHIP')
      AND EXISTS (SELECT 1 FROM dossiers d WHERE d.agency_id = u.id) ORDER BY u.code LIMIT 100`
  ).map(({ code }) => ({ code }));

export const READS: Read[] = [
  {
    name: "dossier by code, 10 fields",
    ours: `query($code: String!) { dossier(code: $code) { ${DOSSIER_FIELDS} } }`,
    theirs: `query($code: String!) { dossierByCode(code: $code) { ${DOSSIER_FIELDS} } }`,
    variables: async (ctx) => (await ctx.sql<{ code: string }[]>`SELECT code FROM dossiers WHERE id % 97 = 0 ORDER BY id LIMIT 2000`).map(({ code }) => ({ code })),
  },
  {
    name: "a unit + its first 20 dossiers + each procedure",
    ours: `query($code: String!) { agencyUnit(code: $code) { code name }
      dossiers(filter: { agencyCode: $code }, first: 20) { edges { node { code receivedAt procedure { code name } } } } }`,
    theirs: `query($code: String!) { agencyUnits(condition: { code: $code }, first: 1) { nodes { code name
      dossiersByAgencyId(first: 20, orderBy: [RECEIVED_AT_DESC, CODE_DESC]) { nodes { code receivedAt procedure { code name } } } } } }`,
    variables: communes,
  },
  {
    name: "50 units with parent and children names",
    ours: `{ agencyUnits(first: 50) { edges { node { code name parent { name } children { name } } } } }`,
    theirs: `{ agencyUnits(first: 50, orderBy: [CODE_ASC]) { nodes { code name parent { name } childAgencyUnits(orderBy: [CODE_ASC]) { nodes { name } } } } }`,
    variables: async () => [{}],
  },
  {
    name: "the 50-unit list at depth 3",
    ours: `{ agencyUnits(first: 50) { edges { node { code name parent { name } children { code name children { code name children { name } } } } } } }`,
    theirs: `{ agencyUnits(first: 50, orderBy: [CODE_ASC]) { nodes { code name parent { name }
      childAgencyUnits(orderBy: [CODE_ASC]) { nodes { code name childAgencyUnits(orderBy: [CODE_ASC]) { nodes { code name childAgencyUnits(orderBy: [CODE_ASC]) { nodes { name } } } } } } } } }`,
    variables: async () => [{}],
  },
];

export async function benchPostGraphile(ctx: BenchContext): Promise<void> {
  console.log("\n## against PostGraphile 5 (amber, simplify-inflection), alternating rounds (10 connections)");
  const postgraphile = await startPostGraphile(ctx.databaseUrl);
  try {
    for (const read of READS) {
      console.log(`\n### ${read.name}`);
      const variables = await read.variables(ctx);
      const bodies = (query: string) => variables.map((v) => JSON.stringify({ query, variables: v }));
      const [ours, theirs] = await measureAlternating(
        [
          { label: "lienthong", url: ctx.hub.url, token: BENCH_ADMIN_TOKEN, bodies: bodies(read.ours), pid: ctx.hub.pid },
          { label: "PostGraphile 5", url: postgraphile.url, bodies: bodies(read.theirs), pid: postgraphile.pid },
        ],
        10,
        ctx.timing,
      );
      const ratio = ours!.rps / theirs!.rps;
      record({
        bench: read.name,
        measure: "req/s, 10 connections, alternating rounds",
        ours: `${fmt(ours!.rps)} (${fmt(ours!.cpuMs, 2)} ms CPU/req)`,
        limit: `PostGraphile 5: ${fmt(theirs!.rps)} (${fmt(theirs!.cpuMs, 2)} ms CPU/req)`,
        ratio: `${fmt(ratio, 2)}× (CPU ${fmt(theirs!.cpuMs / ours!.cpuMs, 2)}×)`,
        target: "≥ 1.0× (goal 1.5×)",
        met: ratio >= 1 ? "yes" : "no",
      });
    }
  } finally {
    await postgraphile.stop();
  }
}
