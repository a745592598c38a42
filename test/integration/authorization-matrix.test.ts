import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyUnits, dossierEvents, dossiers, legalDocuments, procedures } from "../../src/db/schema/index.js";
import { DOSSIER, RECORD, SUBMIT, collect, dossierCode, issueToken, seedProcedure } from "../support/dossiers.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { wsClient, wsOnce } from "../support/ws.js";

/**
 * The authorization matrix: every viewer × every operation × both transports, checked against the rules of
 * DESIGN.md (Access) and against the database — a denied read returns no data, a denied write stores nothing.
 */
type Tree = Awaited<ReturnType<typeof seedUnitTree>>;
type Role = "READER" | "WRITER" | "PERSONAL_DATA" | "ADMIN";
interface ViewerSpec {
  name: string;
  roles: Role[];
  /** Which unit scopes the token: a key of the target tree, `other` (another province), or null (national). */
  scope: keyof Tree | "other" | null;
  anonymous?: boolean;
}
type Transport = "http" | "ws";
interface Result {
  data: any;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const viewers: ViewerSpec[] = [
  { name: "anonymous", roles: [], scope: null, anonymous: true },
  { name: "reader of the district", roles: ["READER"], scope: "district" },
  { name: "personal-data reader of the district", roles: ["READER", "PERSONAL_DATA"], scope: "district" },
  { name: "writer of commune A", roles: ["WRITER"], scope: "communeA" },
  { name: "writer of commune B", roles: ["WRITER"], scope: "communeB" },
  { name: "writer of the district", roles: ["WRITER"], scope: "district" },
  { name: "reader and writer of another province", roles: ["READER", "WRITER", "PERSONAL_DATA"], scope: "other" },
  { name: "national reader", roles: ["READER"], scope: null },
  { name: "administrator scoped elsewhere", roles: ["ADMIN"], scope: "other" },
];

describe("the authorization matrix", () => {
  let server: TestServer;
  let tree: Tree;
  let other: Tree;
  let procedure: { code: string };
  const tokens = new Map<string, string | null>();
  const at = "2022-03-01T08:00:00+07:00";
  let target: string; // a dossier of commune A
  let firstCursor: string;
  let sequence = 10;
  let eventClock = Date.parse("2022-03-01T09:00:00+07:00");

  const pathOf = (key: ViewerSpec["scope"]) => (key === null ? null : key === "other" ? other.province.path : tree[key].path);
  const covers = (v: ViewerSpec, unit: keyof Tree) => {
    if (v.anonymous) return false;
    const scope = pathOf(v.scope);
    const path = tree[unit].path;
    return scope === null || path === scope || path.startsWith(`${scope}.`);
  };
  const has = (v: ViewerSpec, ...roles: Role[]) => roles.some((r) => v.roles.includes(r));
  const canRead = (v: ViewerSpec, unit: keyof Tree) => has(v, "ADMIN") || (has(v, "READER", "WRITER", "PERSONAL_DATA") && covers(v, unit));
  const canSeePersonal = (v: ViewerSpec, unit: keyof Tree) => has(v, "ADMIN") || (has(v, "PERSONAL_DATA") && covers(v, unit));
  const canWrite = (v: ViewerSpec, unit: keyof Tree) => has(v, "ADMIN") || (has(v, "WRITER") && covers(v, unit));

  async function run(transport: Transport, token: string | null, query: string, variables: Record<string, unknown>): Promise<Result> {
    if (transport === "http") return server.gql(query, variables, token);
    const client = wsClient(server.url, token);
    try {
      return (await wsOnce(client, query, variables)) as Result;
    } catch (errors) {
      return { data: null, errors: errors as Result["errors"] };
    } finally {
      await client.dispose();
    }
  }

  interface Operation {
    name: string;
    allowed: (v: ViewerSpec) => boolean;
    /** Runs the operation; true when it took effect (data returned or rows written). */
    attempt: (transport: Transport, token: string | null) => Promise<boolean>;
    kind: "read" | "write";
  }

  const operations: Operation[] = [
    {
      name: "read a dossier by code",
      kind: "read",
      allowed: (v) => canRead(v, "communeA"),
      attempt: async (t, token) => Boolean((await run(t, token, `query($c: String!) { dossier(code: $c) { code } }`, { c: target })).data?.dossier),
    },
    {
      name: "list dossiers filtered by another subtree",
      kind: "read",
      allowed: (v) => canRead(v, "communeA"),
      attempt: async (t, token) => {
        const r = await run(t, token, `query($a: String!) { dossiers(filter: { agencyCode: $a }) { edges { node { code } } } }`, { a: tree.communeA.code });
        return (r.data?.dossiers?.edges ?? []).some((e: { node: { code: string } }) => e.node.code === target);
      },
    },
    {
      name: "list every dossier without a filter",
      kind: "read",
      allowed: (v) => canRead(v, "communeA"),
      attempt: async (t, token) => {
        const r = await run(t, token, `{ dossiers(first: 100) { edges { node { code } } } }`, {});
        return (r.data?.dossiers?.edges ?? []).some((e: { node: { code: string } }) => e.node.code === target);
      },
    },
    {
      name: "see the applicant's identity number unmasked",
      kind: "read",
      allowed: (v) => canSeePersonal(v, "communeA"),
      attempt: async (t, token) => {
        const r = await run(t, token, `query($c: String!) { dossier(code: $c) { applicant { identityNumber phone } } }`, { c: target });
        return r.data?.dossier?.applicant?.identityNumber === "001234567812" || r.data?.dossier?.applicant?.phone === "0912345678";
      },
    },
    {
      name: "submit a dossier for commune A",
      kind: "write",
      allowed: (v) => canWrite(v, "communeA"),
      attempt: async (t, token) => {
        const code = dossierCode(tree.communeA.code, at, ++sequence);
        await run(t, token, SUBMIT, { input: [{ code, procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "ONLINE", receivedAt: at }] });
        return (await server.database.db.select().from(dossiers).where(eq(dossiers.code, code))).length > 0;
      },
    },
    {
      name: "record an event on a dossier of commune A",
      kind: "write",
      allowed: (v) => canWrite(v, "communeA"),
      attempt: async (t, token) => {
        const id = `matrix-${++sequence}`;
        eventClock += 60_000;
        await run(t, token, RECORD, { input: [{ id, dossierCode: target, status: "IN_PROCESS", at: new Date(eventClock).toISOString() }] });
        return (await server.database.db.select().from(dossierEvents).where(eq(dossierEvents.eventId, id))).length > 0;
      },
    },
    {
      name: "create a commune under the district",
      kind: "write",
      allowed: (v) => canWrite(v, "district"),
      attempt: async (t, token) => {
        const code = `000.${String(50 + (++sequence % 49)).padStart(2, "0")}.${tree.district.code.slice(7)}`;
        await server.database.db.delete(agencyUnits).where(eq(agencyUnits.code, code));
        await run(t, token, `mutation($u: [AgencyUnitInput!]!) { upsertAgencyUnits(input: $u) { applied } }`, {
          u: [{ code, name: `Xã Ma trận ${sequence}`, kind: "COMMUNE", parentCode: tree.district.code }],
        });
        return (await server.database.db.select().from(agencyUnits).where(eq(agencyUnits.code, code))).length > 0;
      },
    },
    {
      name: "publish a document issued by commune A",
      kind: "write",
      allowed: (v) => canWrite(v, "communeA"),
      attempt: async (t, token) => {
        const symbol = `${++sequence}/KH-UBND`;
        await run(t, token, `mutation($d: [LegalDocumentInput!]!) { upsertLegalDocuments(input: $d) { applied } }`, {
          d: [{ symbol, issuerCode: tree.communeA.code, issuerName: "UBND xã", issuedOn: "2022-03-01", summary: "Kế hoạch kiểm tra" }],
        });
        const rows = await server.database.db.select().from(legalDocuments).where(and(eq(legalDocuments.symbol, symbol), eq(legalDocuments.issuerKey, tree.communeA.code)));
        return rows.length > 0;
      },
    },
    {
      name: "publish a procedure variant owned by commune A",
      kind: "write",
      allowed: (v) => canWrite(v, "communeA"),
      attempt: async (t, token) => {
        const code = `1.${String(900000 + ++sequence)}.${tree.communeA.code}`;
        await run(t, token, `mutation($p: [ProcedureInput!]!) { upsertProcedures(input: $p) { applied } }`, {
          p: [{ code, name: "Thủ tục thử quyền", field: "Tư pháp", level: "COMMUNE", statutoryDays: 3 }],
        });
        return (await server.database.db.select().from(procedures).where(eq(procedures.code, code))).length > 0;
      },
    },
  ];

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    other = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 5);
    target = dossierCode(tree.communeA.code, at, 1);
    const applicant = { name: "Trần Thị E", identityNumber: "001234567812", phone: "0912345678" };
    ok(await server.admin(SUBMIT, { input: [{ code: target, procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "DIRECT", receivedAt: at, applicant }] }));
    ok(await server.admin(RECORD, { input: [{ id: "matrix-start", dossierCode: target, status: "IN_PROCESS", at: "2022-03-01T08:30:00+07:00" }] }));
    firstCursor = ok(await server.admin(DOSSIER, { code: target })).dossier.events[0].cursor;
    for (const v of viewers) {
      const scope = v.scope === null ? null : v.scope === "other" ? other.province.code : tree[v.scope].code;
      tokens.set(v.name, v.anonymous ? null : await issueToken(server, v.roles, scope, v.name));
    }
  });
  afterAll(() => server?.close());

  it("every viewer gets exactly what its roles and scope allow, on HTTP and WebSocket: no leak, no unauthorised write", async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const transport of ["http", "ws"] as const) {
      for (const v of viewers) {
        for (const op of operations) {
          const expected = op.allowed(v);
          const happened = await op.attempt(transport, tokens.get(v.name)!);
          checks++;
          if (happened !== expected) {
            mismatches.push(`${transport} · ${v.name} · ${op.name}: ${happened ? (op.kind === "read" ? "LEAK" : "UNAUTHORISED WRITE") : "wrongly denied"}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checks).toBe(2 * viewers.length * operations.length);
  });

  it("subscriptions replay a dossier's events only to viewers allowed to read it", async () => {
    const mismatches: string[] = [];
    for (const v of viewers) {
      const client = wsClient(server.url, tokens.get(v.name));
      try {
        const events = collect(client, `subscription($c: String, $after: String) { dossierStatusChanged(dossierCode: $c, after: $after) { cursor dossier { code } } }`, { c: target, after: firstCursor }, "dossierStatusChanged");
        // waitFor rejects at the subscription's first error: a refusal.
        const outcome = await events.waitFor(1).then(() => true, () => false);
        events.stop();
        if (outcome !== canRead(v, "communeA")) mismatches.push(`${v.name}: ${outcome ? "LEAK" : "wrongly denied"}`);
      } finally {
        await client.dispose();
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("the audit trail holds one entry per applied write of the matrix, attributed to its token", async () => {
    const rows = await server.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE token_id <> 'bootstrap' AND operation <> 'readPersonalData'`);
    const n = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows)[0]!.n;
    const allowedWrites = viewers.reduce((sum, v) => sum + operations.filter((op) => op.kind === "write" && op.allowed(v)).length, 0);
    // issueApiToken entries are attributed to the bootstrap administrator; every allowed matrix write once per transport.
    expect(n).toBe(2 * allowedWrites);
  });
});
