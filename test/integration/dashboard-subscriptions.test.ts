import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_FIELDS } from "../support/dashboards.js";
import { RECORD, SUBMIT, collect, dossierCode, seedProcedure } from "../support/dossiers.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { wsClient } from "../support/ws.js";

const SUBSCRIBE = `subscription($agencyCode: String!, $from: Date!, $to: Date!, $asOf: Date) {
  dashboardChanged(agencyCode: $agencyCode, from: $from, to: $to, asOf: $asOf) { ${DASHBOARD_FIELDS} }
}`;
const FIELD = "dashboardChanged";

interface Pushed {
  computedAt: string;
  received: number;
  resolved: number;
  early: number;
  pendingInTime: number;
  overdue: number;
  own: { received: number };
  byChildUnit: { unit: { code: string }; received: number; resolved: number }[];
}

describe("dashboard subscriptions", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  let sequence = 0;
  let minute = 0;
  const clients: Client[] = [];
  const anonymous = () => {
    const c = wsClient(server.url, null);
    clients.push(c);
    return c;
  };
  /** A dossier received on Monday 2 August 2021 by `agencyCode`. */
  const submit = async (agencyCode: string) => {
    const receivedAt = "2021-08-02T08:00:00+07:00";
    const code = dossierCode(agencyCode, receivedAt, ++sequence);
    const res = ok(await server.admin(SUBMIT, { input: [{ code, procedureCode: procedure.code, agencyCode, channel: "DIRECT", receivedAt }] }));
    expect(res.submitDossiers.applied).toBe(1);
    return code;
  };
  /** Events one minute apart from 09:00 that day, in order. */
  const record = async (code: string, ...statuses: string[]) => {
    const input = statuses.map((status) => {
      minute++;
      return { id: `${code}/${minute}`, dossierCode: code, status, at: new Date(Date.parse("2021-08-02T09:00:00+07:00") + minute * 60_000).toISOString() };
    });
    expect(ok(await server.admin(RECORD, { input })).recordDossierEvents.failed).toBe(0);
  };
  const args = () => ({ agencyCode: tree.district.code, from: "2021-08-01", to: "2021-08-31" });

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 5);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await server?.close();
  });

  it("an anonymous subscriber gets the dashboard at once and sees the counts move after recordDossierEvents", async () => {
    const code = await submit(tree.communeA.code);
    const sub = collect<Pushed>(anonymous(), SUBSCRIBE, args(), FIELD);
    const [first] = await sub.waitFor(1);
    // Received in 2021 and due five working days later: overdue now.
    expect(first).toMatchObject({ received: 1, resolved: 0, pendingInTime: 0, overdue: 1 });

    await record(code, "IN_PROCESS", "RESOLVED");
    const pushes = await sub.waitForItem((d) => d.resolved === 1);
    expect(pushes.at(-1)).toMatchObject({ received: 1, resolved: 1, early: 1, pendingInTime: 0, overdue: 0 });
    expect(pushes.at(-1)!.byChildUnit.find((c) => c.unit.code === tree.communeA.code)).toMatchObject({ received: 1, resolved: 1 });
    sub.stop();
  });

  it("subscribers of the same dashboard share one computation, pushed at most once a second", async () => {
    const a = collect<Pushed>(anonymous(), SUBSCRIBE, args(), FIELD);
    const b = collect<Pushed>(anonymous(), SUBSCRIBE, args(), FIELD);
    const [firstA] = await a.waitFor(1);
    await b.waitFor(1);
    const base = firstA!.received;

    // A burst of changes: each submission is its own write and its own event.
    for (let i = 0; i < 4; i++) await submit(i % 2 ? tree.communeB.code : tree.district.code);
    const seenA = await a.waitForItem((d) => d.received === base + 4);
    const seenB = await b.waitForItem((d) => d.received === base + 4);
    const last = (items: Pushed[]) => items.find((d) => d.received === base + 4)!;
    // One computation for both: the very same figures, computed at the same instant.
    expect(last(seenB).computedAt).toBe(last(seenA).computedAt);
    expect(last(seenA).own.received).toBeGreaterThan(firstA!.own.received);
    // Four writes, but pushes at least a second apart.
    const instants = seenA.map((d) => Date.parse(d.computedAt));
    for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!).toBeGreaterThanOrEqual(990);
    expect(seenA.length).toBeLessThanOrEqual(5);
    a.stop();
    b.stop();
  });

  it("a subscriber of a commune counts only the dossiers its commune received", async () => {
    const sub = collect<Pushed>(anonymous(), SUBSCRIBE, { ...args(), agencyCode: tree.communeB.code }, FIELD);
    const [first] = await sub.waitFor(1);
    await submit(tree.justice.code);
    const code = await submit(tree.communeB.code);
    await record(code, "IN_PROCESS");
    const pushes = await sub.waitForItem((d) => d.received === first!.received + 1);
    expect(pushes.every((d) => d.received <= first!.received + 1)).toBe(true);
    sub.stop();
  });

  it("rejects bad arguments like the query does", async () => {
    const backwards = collect(anonymous(), SUBSCRIBE, { ...args(), from: "2021-09-01" }, FIELD);
    expect(JSON.stringify(await backwards.waitForError())).toContain("BAD_USER_INPUT");
    const unknown = collect(anonymous(), SUBSCRIBE, { ...args(), agencyCode: "000.00.00.Z98" }, FIELD);
    expect(JSON.stringify(await unknown.waitForError())).toContain("NOT_FOUND");
  });
});
