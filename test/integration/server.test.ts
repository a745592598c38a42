import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createClient } from "graphql-ws";
import { startServer, type TestServer } from "../support/server.js";

describe("the server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it("reports liveness and readiness, the latter checking the database", async () => {
    const base = server.url.replace("/graphql", "");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("answers GraphQL over HTTP", async () => {
    const res = await server.gql("{ __typename }");
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: "Query" });
  });

  it("answers GraphQL over WebSocket on the same URL", async () => {
    const client = createClient({ url: server.url.replace("http", "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const result = await new Promise((resolve, reject) => {
        client.subscribe({ query: "{ __typename }" }, { next: resolve, error: reject, complete: () => {} });
      });
      expect(result).toEqual({ data: { __typename: "Query" } });
    } finally {
      await client.dispose();
    }
  });

  it("rejects a body over the size limit with 413 before parsing it", async () => {
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(3 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("rejects a malformed bearer token as UNAUTHENTICATED", async () => {
    const res = await server.gql("{ __typename }", {}, "not-a-real-token-at-all");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps CSRF prevention on: a simple GET without a preflight header is refused", async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent("{ __typename }")}`);
    expect(res.status).toBe(400);
  });
});
