import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOSSIER, RECORD, SUBMIT, dossierCode, dossierTableCounts, errorsOf, seedProcedure } from "../support/dossiers.js";
import { ADMIN_TOKEN, ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { wsClient, wsOnce } from "../support/ws.js";

/** The defects a hostile test run found (issue #12), each through the real API, each leaving the data unchanged. */
describe("hostile input", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  let sequence = 0;
  const at = "2021-05-31T08:30:00+07:00";
  const dossier = (extra: Record<string, unknown> = {}) => ({
    code: dossierCode(tree.communeA.code, at, ++sequence),
    procedureCode: procedure.code,
    agencyCode: tree.communeA.code,
    channel: "DIRECT",
    receivedAt: at,
    ...extra,
  });
  const raw = async (body: string) => {
    const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` }, body });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };
  const wsErrors = async (query: string, variables: Record<string, unknown> = {}) => {
    const client = wsClient(server.url, ADMIN_TOKEN);
    try {
      return await wsOnce(client, query, variables).then(
        () => [] as { message: string; extensions?: Record<string, unknown> }[],
        (errors: { message: string; extensions?: Record<string, unknown> }[]) => errors,
      );
    } finally {
      await client.dispose();
    }
  };

  beforeAll(async () => {
    // Development mode on purpose: a deployment that forgets NODE_ENV=production must not leak either.
    server = await startServer({ env: { NODE_ENV: "development", MAX_ALIASES: "30", MAX_QUERY_DEPTH: "12" } });
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 3);
    ok(await server.admin(SUBMIT, { input: [dossier()] }));
  });
  afterAll(() => server?.close());

  it("answers depth, alias and cost limit violations with HTTP 400", async () => {
    const deep = `{ agencyUnit(code: "x") ${"{ parent ".repeat(13)}{ code }${" }".repeat(13)} }`;
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    for (const query of [`{ procedures(first: 1000000) { totalCount } }`, deep, aliases]) {
      const res = await server.gql(query);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(/over the limit of/);
      expect(res.data).toBeUndefined();
    }
  });

  it("refuses 10,000 unused variables and 5,000 aliases with one error each, before validating them", async () => {
    const variables = `query(${Array.from({ length: 10_000 }, (_, i) => `$v${i}: Int`).join(", ")}) { __typename }`;
    const aliases = `{ ${Array.from({ length: 5_000 }, (_, i) => `a${i}: dashboard(agencyCode: "x", from: "2021-01-01", to: "2021-12-31") { received }`).join(" ")} }`;
    for (const [query, what] of [[variables, "number of variables is 10000"], [aliases, "number of aliases is 5000"]] as const) {
      const res = await raw(JSON.stringify({ query }));
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.message).toContain(what);
      const overWs = await wsErrors(query);
      expect(overWs).toHaveLength(1);
      expect(overWs[0]!.message).toContain(what);
    }
  });

  it("reports parse errors as GRAPHQL_PARSE_FAILED on both transports", async () => {
    const http = await server.gql(`{ procedures(`);
    expect(http.status).toBe(400);
    expect(http.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    const ws = await wsErrors(`{ procedures(`);
    expect(ws[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers a subscription sent over HTTP with an error pointing at the WebSocket endpoint", async () => {
    const res = await server.admin(`subscription { dossierStatusChanged { cursor } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/WebSocket/);
  });

  it("rejects NUL characters and unpaired surrogates in request arguments, naming the argument, on both transports", async () => {
    const before = await dossierTableCounts(server.database.db);
    const cases: [string, Record<string, unknown>, string][] = [
      [`query($code: String!) { dossier(code: $code) { code } }`, { code: "a\u0000b" }, "code"],
      [`query($s: String) { procedures(filter: { search: $s }) { totalCount } }`, { s: "x\u0000" }, "filter.search"],
      [`query($s: String) { procedures(filter: { search: $s }) { totalCount } }`, { s: "thủ tục \ud800" }, "filter.search"],
      [`{ procedures(filter: { search: "a\\u0000b" }) { totalCount } }`, {}, "filter.search"],
    ];
    for (const [query, variables, field] of cases) {
      const res = await server.admin(query, variables);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(res.errors?.[0]?.message).toMatch(/NUL|surrogate/);
    }
    const ws = await wsErrors(`subscription($a: String) { dossierStatusChanged(agencyCode: $a) { cursor } }`, { a: "000\u0000" });
    expect(ws[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "agencyCode" });
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
  });

  it("rejects NUL characters in batch items with an item error naming the field, and applies the other items", async () => {
    const before = await dossierTableCounts(server.database.db);
    const good = dossier();
    const res = ok(
      await server.admin(SUBMIT, {
        input: [dossier({ applicant: { name: "Nguyễn\u0000 Văn A" } }), dossier({ applicant: { name: "Trần Thị B", address: "\udc00" } }), good],
      }),
    ).submitDossiers;
    expect(errorsOf(res.items)).toEqual([["INVALID_VALUE", "applicant.name"], ["INVALID_VALUE", "applicant.address"], "ok"]);
    const events = ok(
      await server.admin(RECORD, { input: [{ id: `nul-${sequence}`, dossierCode: good.code, status: "IN_PROCESS", at: "2021-05-31T09:00:00+07:00", note: "ok\u0000" }] }),
    ).recordDossierEvents;
    expect(errorsOf(events.items)).toEqual([["INVALID_VALUE", "note"]]);
    const after = await dossierTableCounts(server.database.db);
    expect(after).toEqual({ dossiers: before.dossiers + 1, events: before.events + 1 });
    expect(ok(await server.admin(DOSSIER, { code: good.code })).dossier.events).toHaveLength(1);
  });

  it("names the supported years for a DateTime outside them: a request error for an argument, an item error inside a batch", async () => {
    const res = await server.gql(`{ dueDate(receivedAt: "2200-01-01T00:00:00+07:00", workingDays: 3) }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "receivedAt" });
    expect(res.errors?.[0]?.message).toContain("between 1900-01-01 and 2199-12-31");

    const before = await dossierTableCounts(server.database.db);
    const far = "2200-01-01T00:00:00+07:00";
    const batch = ok(await server.admin(SUBMIT, { input: [dossier({ receivedAt: far, code: dossierCode(tree.communeA.code, far, 1) }), dossier()] })).submitDossiers;
    expect(errorsOf(batch.items)).toEqual([["INVALID_VALUE", "receivedAt"], "ok"]);
    expect(batch.items[0].error.message).toContain("between 1900-01-01 and 2199-12-31");
    expect((await dossierTableCounts(server.database.db)).dossiers).toBe(before.dossiers + 1);
  });

  it("never returns SQL text or parameters, even in development mode; the log gets a redacted description", async () => {
    const db = server.database.db;
    await db.execute(sql`ALTER TABLE legal_documents RENAME TO legal_documents_hidden`);
    try {
      const res = await server.gql(`query($s: String) { legalDocuments(filter: { search: $s }) { totalCount } }`, { s: "bí mật 0987654321" });
      expect(res.errors?.[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL" } });
      const text = JSON.stringify(res);
      expect(text).not.toMatch(/select|legal_documents|0987654321|params/i);
    } finally {
      await db.execute(sql`ALTER TABLE legal_documents_hidden RENAME TO legal_documents`);
    }
  });

  // 400 MB sent in all: minutes on a loaded machine.
  it("answers a body over the size limit with 413 every time, even while the client is still sending", { timeout: 300_000 }, async () => {
    const body = "x".repeat(20 * 1024 * 1024);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses).toEqual(Array(20).fill(413));
  });

  it("rejects a hand-over agencyCode that is empty, blank, padded or holds control characters, and changes nothing", async () => {
    const target = dossier();
    ok(await server.admin(SUBMIT, { input: [target] }));
    const before = await dossierTableCounts(server.database.db);
    const stored = ok(await server.admin(DOSSIER, { code: target.code })).dossier;
    const codes = ["", "   ", `${tree.communeB.code}\u0007`, ` ${tree.communeB.code} `, `\ufeff${tree.communeB.code}`];
    const res = ok(
      await server.admin(RECORD, {
        input: codes.map((agencyCode, i) => ({ id: `pad-${sequence}-${i}`, dossierCode: target.code, status: "IN_PROCESS", at: "2021-05-31T09:00:00+07:00", agencyCode })),
      }),
    ).recordDossierEvents;
    expect(errorsOf(res.items)).toEqual(codes.map(() => ["INVALID_FORMAT", "agencyCode"]));
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
    expect(ok(await server.admin(DOSSIER, { code: target.code })).dossier).toEqual(stored);
  });

  it("rejects an event dated after its holding unit ceased to exist, like a receipt at a unit that no longer exists", async () => {
    const own = await seedUnitTree(server.database.db);
    const target = { ...dossier(), code: dossierCode(own.communeA.code, at, 1), agencyCode: own.communeA.code };
    ok(await server.admin(SUBMIT, { input: [target] }));
    await server.database.db.execute(sql`UPDATE agency_units SET valid_to = '2021-06-15' WHERE id = ${own.communeA.id}`);
    const before = await dossierTableCounts(server.database.db);
    const late = ok(
      await server.admin(RECORD, { input: [{ id: `ceased-${sequence}`, dossierCode: target.code, status: "IN_PROCESS", at: "2021-07-01T09:00:00+07:00" }] }),
    ).recordDossierEvents;
    expect(errorsOf(late.items)).toEqual([["UNKNOWN_REFERENCE", "agencyCode"]]);
    expect(late.items[0].error.message).toContain("ceased to exist on 2021-06-15");
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
    const inTime = ok(
      await server.admin(RECORD, { input: [{ id: `ceased-ok-${sequence}`, dossierCode: target.code, status: "IN_PROCESS", at: "2021-06-10T09:00:00+07:00" }] }),
    ).recordDossierEvents;
    expect(errorsOf(inTime.items)).toEqual(["ok"]);
  });
});
