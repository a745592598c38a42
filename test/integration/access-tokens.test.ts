import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "../../src/db/schema/index.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { waitForClose, wsClient, wsOnce } from "../support/ws.js";

const ISSUE = `mutation($input: IssueApiTokenInput!) {
  issueApiToken(input: $input) { token apiToken { id label roles agencyCode active prefix } }
}`;
const TOKENS = `{ apiTokens(first: 100) { totalCount edges { node { id label active } } } }`;

describe("API tokens", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  const issue = async (roles: string[], agencyCode: string | null, label = "test token", expiresAt?: string) =>
    ok(await server.admin(ISSUE, { input: { roles, agencyCode, label, expiresAt } })).issueApiToken as {
      token: string;
      apiToken: { id: string; prefix: string; agencyCode: string | null };
    };
  const tokenCount = async () => (ok(await server.admin(TOKENS)).apiTokens.totalCount as number);

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
  });
  afterAll(() => server?.close());

  it("an administrator issues a scoped token that is shown once and stored only as a hash", async () => {
    const issued = await issue(["READER"], tree.district.code, "Phần mềm một cửa huyện");
    expect(issued.token).toMatch(/^lt_[A-Za-z0-9_-]{43}$/);
    expect(issued.apiToken.agencyCode).toBe(tree.district.code);
    expect(issued.token.startsWith(issued.apiToken.prefix)).toBe(true);

    const rows = await server.database.db.select().from(apiTokens).where(sql`${apiTokens.id} = ${issued.apiToken.id}`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    const listed = ok(await server.admin(TOKENS)).apiTokens.edges.map((e: { node: object }) => e.node);
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    expect(listed).toContainEqual({ id: issued.apiToken.id, label: "Phần mềm một cửa huyện", active: true });
  });

  it("anonymous callers and non-administrators cannot issue tokens, and nothing is created", async () => {
    const reader = await issue(["READER", "WRITER"], tree.province.code);
    const before = await tokenCount();
    const input = { roles: ["ADMIN"], agencyCode: null, label: "escalation" };
    const anonymous = await server.gql(ISSUE, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const scoped = await server.gql(ISSUE, { input }, reader.token);
    expect(scoped.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await tokenCount()).toBe(before);
  });

  it("bad issuing input names the field and creates nothing", async () => {
    const before = await tokenCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ roles: [], agencyCode: null, label: "x" }, "input.roles"],
      [{ roles: ["READER"], agencyCode: null, label: "  " }, "input.label"],
      [{ roles: ["READER"], agencyCode: "000.00.00.Z99", label: "x" }, "input.agencyCode"],
      [{ roles: ["READER"], agencyCode: null, label: "x", expiresAt: "2001-01-01T00:00:00+07:00" }, "input.expiresAt"],
    ];
    for (const [input, field] of cases) {
      const res = await server.admin(ISSUE, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const noOffset = await server.admin(ISSUE, { input: { roles: ["READER"], label: "x", expiresAt: "2099-01-01T00:00:00" } });
    expect(noOffset.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await tokenCount()).toBe(before);
  });

  it("missing, malformed and unknown tokens: anonymous, then UNAUTHENTICATED", async () => {
    expect(ok(await server.gql("{ __typename }"))).toEqual({ __typename: "Query" });
    for (const token of ["abc", "lt_" + "A".repeat(43), "Bearer"]) {
      const res = await server.gql("{ __typename }", {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.status).toBe(401);
    }
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic dXNlcjpwYXNz" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(401);
  });

  it("an expired token is UNAUTHENTICATED", async () => {
    const issued = await issue(["READER"], tree.province.code, "short-lived", "2099-01-01T00:00:00+07:00");
    await server.database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(sql`${apiTokens.id} = ${issued.apiToken.id}`);
    const res = await server.gql("{ __typename }", {}, issued.token);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a revoked token stops working at once, also closing its open WebSocket connections with 4401", async () => {
    const issued = await issue(["READER"], tree.province.code, "to revoke");
    expect(ok(await server.gql("{ __typename }", {}, issued.token))).toEqual({ __typename: "Query" });
    const client = wsClient(server.url, issued.token);
    try {
      expect((await wsOnce(client, "{ __typename }")).data).toEqual({ __typename: "Query" });
      const closed = waitForClose(client);
      const revoked = ok(await server.admin(`mutation($id: ID!) { revokeApiToken(id: $id) { id active revokedAt } }`, { id: issued.apiToken.id }));
      expect(revoked.revokeApiToken).toMatchObject({ id: issued.apiToken.id, active: false });
      expect(await closed).toBe(4401);
      const res = await server.gql("{ __typename }", {}, issued.token);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    } finally {
      await client.dispose();
    }
  });

  it("a WebSocket connection with a bad token is closed with 4401", async () => {
    const client = wsClient(server.url, "lt_" + "B".repeat(43));
    try {
      expect(await waitForClose(client)).toBe(4401);
    } finally {
      await client.dispose();
    }
  });

  it("revoking an unknown token is NOT_FOUND and a malformed id BAD_USER_INPUT", async () => {
    const unknown = await server.admin(`mutation { revokeApiToken(id: "00000000-0000-0000-0000-000000000000") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const malformed = await server.admin(`mutation { revokeApiToken(id: "1; DROP TABLE api_tokens") { id } }`);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it("issuing and revoking are in the audit trail, which only administrators read", async () => {
    const issued = await issue(["WRITER"], tree.justice.code, "audited");
    await server.admin(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: issued.apiToken.id });
    const entries = ok(await server.admin(`query($key: String) { auditLog(filter: { key: $key }) { totalCount edges { node { tokenId operation key } } } }`, { key: issued.apiToken.id })).auditLog;
    expect(entries.edges.map((e: { node: object }) => e.node)).toEqual([
      { tokenId: "bootstrap", operation: "revokeApiToken", key: issued.apiToken.id },
      { tokenId: "bootstrap", operation: "issueApiToken", key: issued.apiToken.id },
    ]);
    const rows = await server.database.db.select().from(auditLog).where(sql`${auditLog.key} = ${issued.apiToken.id}`);
    expect(rows).toHaveLength(2);
    const reader = await issue(["READER", "WRITER", "PERSONAL_DATA"], tree.province.code);
    const denied = await server.gql(`{ auditLog { totalCount } }`, {}, reader.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(denied.data).toBeNull();
  });
});
