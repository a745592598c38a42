import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, ADMIN_TOKEN, type TestServer } from "../support/server.js";
import { wsClient, wsOnce } from "../support/ws.js";

const DEEP = `{ apiTokens { edges { node { agency { code } } } } }`; // depth 5
const ALIASED = `{ a: __typename b: __typename c: __typename d: __typename }`; // 4 aliases
const COSTLY = `{ apiTokens(first: 100) { edges { node { id label prefix } } } }`;

describe("operation limits", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      env: {
        MAX_QUERY_DEPTH: "4",
        MAX_ALIASES: "3",
        MAX_QUERY_COST: "300",
        RATE_LIMIT_PER_SECOND: "1",
        RATE_LIMIT_BURST: "40",
        MAX_SUBSCRIPTIONS_PER_CONNECTION: "2",
        MAX_SUBSCRIPTIONS_PER_TOKEN: "3",
        NODE_ENV: "production",
        INTROSPECTION: "false",
      },
    });
  });
  afterAll(() => server?.close());

  it("a query deeper than the limit is rejected on HTTP and WebSocket, with nothing resolved", async () => {
    const http = await server.admin(DEEP);
    expect(http.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(http.errors?.[0]?.message).toContain("depth is 5, over the limit of 4");
    expect(http.data).toBeUndefined();
    const client = wsClient(server.url, ADMIN_TOKEN);
    try {
      await expect(wsOnce(client, DEEP)).rejects.toSatisfy((errors: { extensions?: { code?: string } }[]) =>
        errors[0]?.extensions?.code === "BAD_USER_INPUT",
      );
    } finally {
      await client.dispose();
    }
  });

  it("too many aliases are rejected on both transports", async () => {
    const http = await server.gql(ALIASED);
    expect(http.errors?.[0]?.message).toContain("number of aliases is 4, over the limit of 3");
    const client = wsClient(server.url);
    try {
      await expect(wsOnce(client, ALIASED)).rejects.toSatisfy((errors: { message: string }[]) => errors[0]!.message.includes("aliases"));
    } finally {
      await client.dispose();
    }
  });

  it("a query whose lists could return too much is rejected by its estimated cost", async () => {
    const res = await server.admin(COSTLY);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/estimated cost is \d+, over the limit of 300/);
    const small = await server.admin(`{ apiTokens(first: 5) { edges { node { id label prefix } } } }`);
    expect(small.errors).toBeUndefined();
  });

  it("introspection can be switched off for production, on both transports", async () => {
    const http = await server.gql(`{ __schema { queryType { name } } }`);
    expect(http.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const client = wsClient(server.url);
    try {
      await expect(wsOnce(client, `{ __schema { queryType { name } } }`)).rejects.toBeDefined();
    } finally {
      await client.dispose();
    }
  });

  it("errors outside development carry no stack trace", async () => {
    const res = await server.gql(`{ nonExistingField }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|\.ts:|node_modules/);
  });

  it("open subscriptions are capped per connection and per token; closing one frees its place", async () => {
    const SUB = `subscription { dossierStatusChanged { cursor } }`;
    const first = wsClient(server.url, ADMIN_TOKEN);
    const second = wsClient(server.url, ADMIN_TOKEN);
    const refusals: unknown[] = [];
    const open = (client: ReturnType<typeof wsClient>) =>
      client.subscribe({ query: SUB }, { next: () => {}, error: (e) => refusals.push(e), complete: () => {} });
    try {
      const a = open(first);
      open(first);
      await expect(wsOnce(first, SUB)).rejects.toSatisfy((errors: { message: string; extensions?: { code?: string } }[]) =>
        errors[0]?.extensions?.code === "RATE_LIMITED" && errors[0].message.includes("on one connection"),
      );
      open(second); // the token's third
      await expect(wsOnce(second, SUB)).rejects.toSatisfy((errors: { message: string }[]) => errors[0]!.message.includes("for one token"));
      a();
      // The place freed by completing one subscription can be taken again (completion is processed asynchronously).
      await expect
        .poll(() => wsOnce(first, "{ __typename }").then((r) => r.data, () => null), { timeout: 5000 })
        .toEqual({ __typename: "Query" });
      expect(refusals).toEqual([]);
    } finally {
      await first.dispose();
      await second.dispose();
    }
  });

  it("a flood past the rate limit is answered RATE_LIMITED with a retry hint, per client", async () => {
    const results = [];
    for (let i = 0; i < 60; i++) results.push(await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    }));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(15);
    const body = (await limited[0]!.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0]!.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited[0]!.headers.get("retry-after")).toMatch(/^\d+$/);
    // Another client (anonymous, by address) has its own bucket.
    const other = await server.gql("{ __typename }");
    expect(ok(other)).toEqual({ __typename: "Query" });
  });
});
