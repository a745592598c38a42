import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../support/dossiers.js";
import { OVERSIGHT_FIELDS, SUBMIT_PETITIONS, SUBMIT_RECEPTIONS } from "../support/oversight.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { wsClient } from "../support/ws.js";

const SUBSCRIBE = `subscription($agencyCode: String!, $from: Date!, $to: Date!) {
  oversightChanged(agencyCode: $agencyCode, from: $from, to: $to) { computedAt ${OVERSIGHT_FIELDS} byChildUnit { unit { code } receptions { citizens } } }
}`;

describe("oversight subscriptions", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
   }, 180_000);
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await server?.close();
  });

  it("pushes the figures at once, then again after writes inside the scope (a write outside it changes nothing pushed)", async () => {
    const client = wsClient(server.url, null);
    clients.push(client);
    const district = collect<any>(client, SUBSCRIBE, { agencyCode: tree.district.code, from: "2021-01-01", to: "2021-12-31" }, "oversightChanged");
    const first = await district.waitFor(1);
    expect(first[0].receptions.citizens).toBe(0);

    const session = (key: string, unitCode: string, citizens: number) => ({ key, unitCode, kind: "REGULAR", heldOn: "2021-03-04", citizens, cases: 1 });
    ok(await server.admin(SUBMIT_RECEPTIONS, { input: [session("s-1", tree.communeA.code, 7)] }));
    const pushed = await district.waitForItem((o) => o.receptions.citizens === 7);
    expect(pushed.at(-1).byChildUnit.find((c: any) => c.unit.code === tree.communeA.code).receptions.citizens).toBe(7);

    // A write of a department (outside the district) is not pushed to the district's subscribers; the next inside write is.
    const count = district.items.length;
    ok(await server.admin(SUBMIT_RECEPTIONS, { input: [session("s-2", tree.justice.code, 3)] }));
    ok(await server.admin(SUBMIT_PETITIONS, { input: [{ key: "p-1", kind: "COMPLAINT", channel: "DIRECT", unitCode: tree.communeB.code, receivedAt: "2021-03-05T08:00:00+07:00" }] }));
    const after = await district.waitForItem((o) => o.petitions.received === 1);
    expect(after.slice(count).every((o) => o.receptions.citizens === 7)).toBe(true);
    district.stop();
  });

  it("refuses an unknown unit with NOT_FOUND", async () => {
    const client = wsClient(server.url, null);
    clients.push(client);
    const bad = collect<any>(client, SUBSCRIBE, { agencyCode: "000.00.99.Z98", from: "2021-01-01", to: "2021-12-31" }, "oversightChanged");
    const error: any = await bad.waitForError();
    expect(JSON.stringify(error)).toContain("NOT_FOUND");
  });
});
