/**
 * The "physical limit" servers of the benchmarks: bare Apollo Server 5 (its standalone HTTP server, nothing else)
 * answering the same GraphQL documents as the hub with the least work possible.
 * - `by-code`: `dossier(code)` with one postgres.js lookup.
 * - `nested-naive`: `dossiers(filter: {agencyCode}, first) { edges { node { code procedure { name } } } }` with the
 *   naive two-query resolvers (one query for the page, one batched query for the procedures), as in the issue
 *   author's comparison with PostGraphile 5.
 * Usage: `tsx scripts/bench/baseline-server.ts <mode>`; prints `listening at <url>`.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import DataLoader from "dataloader";
import postgres from "postgres";
import { PAGE_SQL } from "./nested.js";

const mode = process.argv[2];
const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {}, connection: { jit: "off", TimeZone: "UTC" } });

interface DossierRow {
  code: string;
  status: string;
  channel: string;
  received_at: Date;
  due_at: Date;
  finished_at: Date | null;
  timeliness: string | null;
  effective_due_at: Date;
  supplement_since: Date | null;
}

const byCode = {
  typeDefs: `#graphql
    type Dossier { code: String! status: String! channel: String! receivedAt: String! dueAt: String! finishedAt: String timeliness: String! }
    type Query { dossier(code: String!): Dossier }`,
  resolvers: {
    Query: {
      dossier: async (_: unknown, args: { code: string }) => {
        const [row] = await sql<DossierRow[]>`
          SELECT code, status, channel, received_at, due_at, finished_at, timeliness, effective_due_at, supplement_since
          FROM dossiers WHERE code = ${args.code}`;
        if (!row) return null;
        const clock = row.supplement_since ?? new Date();
        return {
          code: row.code,
          status: row.status,
          channel: row.channel,
          receivedAt: row.received_at.toISOString(),
          dueAt: row.due_at.toISOString(),
          finishedAt: row.finished_at?.toISOString() ?? null,
          timeliness: row.timeliness ?? (clock > row.effective_due_at ? "OVERDUE" : "IN_TIME"),
        };
      },
    },
  },
};

/** Dossiers received or held inside the unit's subtree, newest first: the hub's `dossiers(filter: {agencyCode})`. */
const nestedNaive = {
  typeDefs: `#graphql
    input DossierFilter { agencyCode: String }
    type Procedure { name: String! }
    type Dossier { code: String! procedure: Procedure }
    type DossierEdge { node: Dossier! }
    type DossierConnection { edges: [DossierEdge!]! }
    type Query { dossiers(filter: DossierFilter, first: Int): DossierConnection! }`,
  resolvers: {
    Query: {
      dossiers: async (_: unknown, args: { filter: { agencyCode: string }; first: number }) => {
        // The page query of the benchmark's "one SQL" limit, without the join (the naive resolvers' first query).
        const rows = await sql.unsafe<{ code: string; procedure_id: number }[]>(PAGE_SQL("d.code, d.procedure_id", ""), [args.filter.agencyCode], { prepare: true });
        return { edges: rows.map((row) => ({ node: row })) };
      },
    },
    Dossier: {
      procedure: (row: { procedure_id: number }, _: unknown, ctx: { procedures: DataLoader<number, { name: string } | null> }) =>
        ctx.procedures.load(row.procedure_id),
    },
  },
};

const schema = mode === "by-code" ? byCode : mode === "nested-naive" ? nestedNaive : null;
if (!schema) {
  console.error("usage: baseline-server.ts by-code|nested-naive");
  process.exit(2);
}
const server = new ApolloServer(schema as ConstructorParameters<typeof ApolloServer>[0] & object);
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async () => ({
    procedures: new DataLoader<number, { name: string } | null>(async (ids) => {
      const rows = await sql<{ id: number; name: string }[]>`SELECT id, name FROM procedures WHERE id = ANY(${ids as number[]})`;
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  }),
});
console.log(`listening at ${url}`);
const stop = () => void server.stop().then(() => sql.end({ timeout: 2 })).then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
