import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBMIT, dossierCode, errorsOf, issueToken, seedProcedure } from "../support/dossiers.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { wsClient, wsOnce } from "../support/ws.js";

const METRICS_TOKEN = "metrics-token-0123456789";

/** Sums the samples of a metric whose labels include every given one. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let found = false;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(" ") + 1));
    found = true;
  }
  return found ? total : Number.NaN;
}

describe("logs and metrics of a scenario", () => {
  let server: TestServer;
  const logs: Record<string, unknown>[] = [];
  const personal = { name: "Phạm Thị Hồng Nhung", identityNumber: "079188004321", phone: "0987123456", email: "nhung.pham@example.vn", address: "Số 7 ngõ 12 Ngô Xuân Quảng" };
  let token: string;
  let codes: string[];

  beforeAll(async () => {
    server = await startServer({ logs, env: { METRICS_TOKEN } });
    const tree = await seedUnitTree(server.database.db);
    const procedure = await seedProcedure(server.database.db, 3);
    token = await issueToken(server, ["WRITER", "PERSONAL_DATA"], tree.district.code, "one-stop of the district");
    // The first multi-row insert into dossiers fails once (a sequence is not rolled back): the batch falls back to
    // item by item, which succeeds. Before the fix, the failed INSERT with its parameters reached the log.
    const db = server.database.db;
    await db.execute(sql`CREATE SEQUENCE lt_test_boom`);
    await db.execute(sql.raw(`CREATE FUNCTION lt_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('lt_test_boom') = 1 THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NULL; END $$`));
    await db.execute(sql`CREATE TRIGGER lt_test_boom AFTER INSERT ON dossiers FOR EACH STATEMENT EXECUTE FUNCTION lt_test_boom()`);
    const at = "2021-05-31T08:30:00+07:00";
    codes = [1, 2].map((n) => dossierCode(tree.communeA.code, at, n));
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": "req-submit-42" },
      body: JSON.stringify({
        query: `mutation Submit($input: [DossierInput!]!) { submitDossiers(input: $input) { applied failed items { key ok error { code field } } } }`,
        variables: {
          input: codes.map((code) => ({ code, procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "ONLINE", receivedAt: at, applicant: personal })),
        },
      }),
    });
    expect(res.headers.get("x-request-id")).toBe("req-submit-42");
    expect(((await res.json()) as { data: { submitDossiers: { applied: number } } }).data.submitDossiers.applied).toBe(2);
    await db.execute(sql`DROP TRIGGER lt_test_boom ON dossiers`);

    // A read of the personal data, a refused request, a WebSocket operation.
    ok(await server.gql(`query Read($code: String!) { dossier(code: $code) { applicant { name identityNumber phone } } }`, { code: codes[0] }, token));
    expect(errorsOf(ok(await server.gql(SUBMIT, { input: [{ code: "bad", procedureCode: "1.000001", agencyCode: "x", channel: "DIRECT", receivedAt: at }] }, token)).submitDossiers.items)).not.toEqual(["ok"]);
    expect((await server.gql(`{ procedures(filter: { search: "\\u0000" }) { totalCount } }`)).status).toBe(400);
    const client = wsClient(server.url, token);
    await wsOnce(client, `query Ws { procedures(first: 1) { totalCount } }`);
    await client.dispose();
    // The server logs the close once its side of the socket is closed too.
    for (let waited = 0; !logs.some((l) => l.msg === "ws disconnected") && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(() => server?.close());

  it("writes one JSON line per operation with its request id, name, type, token label, duration and outcome", () => {
    const submit = logs.find((l) => l.msg === "operation" && l.requestId === "req-submit-42");
    expect(submit).toMatchObject({ transport: "http", operationName: "Submit", operationType: "mutation", tokenLabel: "one-stop of the district", outcome: "ok", status: 200 });
    expect(typeof submit!.durationMs).toBe("number");
    const refused = logs.find((l) => l.msg === "operation" && l.status === 400);
    expect(refused).toMatchObject({ outcome: "error", errorCodes: ["BAD_USER_INPUT"] });
    expect(typeof refused!.requestId).toBe("string");
    expect(logs.find((l) => l.msg === "operation" && l.transport === "ws")).toMatchObject({ operationName: "Ws", operationType: "query", outcome: "ok" });
    expect(logs.find((l) => l.msg === "ws connected")).toMatchObject({ tokenLabel: "one-stop of the district" });
    expect(logs.find((l) => l.msg === "ws disconnected")).toMatchObject({ closeCode: 1000 });
  });

  it("logs the batch fallback without SQL, parameters or any personal data anywhere", () => {
    const fallback = logs.find((l) => String(l.msg).startsWith("batch fallback"));
    expect(fallback).toMatchObject({ mutation: "submitDossiers", items: 2, error: { type: "DatabaseError", message: "simulated failure" } });
    const text = JSON.stringify(logs);
    for (const secret of [personal.identityNumber, personal.phone, personal.email, "Phạm Thị", "Nhung", "Ngô Xuân Quảng", token]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/insert into|params:/i);
  });

  it("exposes the moved counters at /metrics, only to the metrics token", async () => {
    expect((await fetch(server.url.replace("/graphql", "/metrics"))).status).toBe(401);
    const res = await fetch(server.url.replace("/graphql", "/metrics"), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(sample(text, "lienthong_operations_total", { operation: "Submit", type: "mutation", outcome: "ok" })).toBe(1);
    expect(sample(text, "lienthong_operations_total", { operation: "Ws", transport: "ws" })).toBe(1);
    expect(sample(text, "lienthong_operation_duration_seconds_count", { type: "mutation" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, "lienthong_errors_total", { code: "BAD_USER_INPUT" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "lienthong_batch_items_total", { mutation: "submitDossiers", outcome: "applied" })).toBe(2);
    expect(sample(text, "lienthong_batch_items_total", { mutation: "submitDossiers", outcome: "failed" })).toBe(1);
    expect(sample(text, "lienthong_batch_fallbacks_total", { mutation: "submitDossiers" })).toBe(1);
    expect(sample(text, "lienthong_ws_connections")).toBe(0);
    expect(sample(text, "lienthong_event_delivery_lag")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "lienthong_sweeper_watermark_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "lienthong_process_cpu_user_seconds_total")).toBeGreaterThan(0);
  });
});
