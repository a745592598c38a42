import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { DOSSIER, RECORD, SUBMIT, dossierCode, dossierTableCounts, seedProcedure, errorsOf } from "../support/dossiers.js";

/** recordDossierEvents writes a whole batch in one transaction: the same outcomes as item by item, in fewer statements. */
describe("dossier event batches", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  let sequence = 0;
  const at = "2021-06-07T08:30:00+07:00";
  const submit = async (n: number) => {
    const input = Array.from({ length: n }, () => ({
      code: dossierCode(tree.communeA.code, at, ++sequence),
      procedureCode: procedure.code,
      agencyCode: tree.communeA.code,
      channel: "ONLINE",
      receivedAt: at,
    }));
    expect(ok(await server.admin(SUBMIT, { input })).submitDossiers.applied).toBe(n);
    return input.map((d) => d.code);
  };

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 5);
  });
  afterAll(() => server?.close());

  it("records a batch in a fixed number of statements whatever its size", async () => {
    const statementsFor = async (codes: string[]) => {
      const input = codes.map((code) => ({ id: `${code}/accept`, dossierCode: code, status: "ACCEPTED", at: "2021-06-07T09:00:00+07:00" }));
      const res = await server.admin(RECORD, { input });
      expect(ok(res).recordDossierEvents.applied).toBe(codes.length);
      return res.statements;
    };
    const few = await statementsFor(await submit(2));
    const many = await statementsFor(await submit(40));
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(12);
  });

  it("applies events of one dossier in input order and skips a bad item without touching the others", async () => {
    const [code, other] = await submit(2);
    const ev = (id: string, status: string, time: string, extra: Record<string, unknown> = {}) => ({
      id: `${code}/${id}`, dossierCode: code, status, at: `2021-06-07T${time}:00+07:00`, ...extra,
    });
    const before = await dossierTableCounts(server.database.db);
    const res = ok(
      await server.admin(RECORD, {
        input: [
          ev("1", "ACCEPTED", "09:00"),
          ev("2", "IN_PROCESS", "09:30", { agencyCode: tree.justice.code, note: "Chuyển Sở Tư pháp" }),
          ev("bad", "ACCEPTED", "09:40"),
          ev("early", "RESOLVED", "09:10"),
          ev("3", "RESOLVED", "10:00"),
          ev("1", "ACCEPTED", "09:00"),
          ev("2", "IN_PROCESS", "09:30", { agencyCode: tree.home.code, note: "Chuyển Sở Tư pháp" }),
          ev("4", "RETURNED", "11:00", { agencyCode: tree.communeA.code }),
          { id: `${other}/1`, dossierCode: other, status: "RETURNED", at: "2021-06-07T09:00:00+07:00" },
        ],
      }),
    ).recordDossierEvents;
    expect(errorsOf(res.items)).toEqual([
      "ok",
      "ok",
      ["INVALID_TRANSITION", "status"],
      ["OUT_OF_ORDER", "at"],
      "ok",
      "ok",
      ["CONFLICT", "agencyCode"],
      "ok",
      ["INVALID_TRANSITION", "status"],
    ]);
    expect(res).toMatchObject({ applied: 4, unchanged: 1, failed: 4 });
    expect(await dossierTableCounts(server.database.db)).toEqual({ dossiers: before.dossiers, events: before.events + 4 });

    const dossier = ok(await server.admin(DOSSIER, { code })).dossier;
    expect(dossier).toMatchObject({ status: "RETURNED", holder: { code: tree.communeA.code }, finishedAt: "2021-06-07T10:00:00.000+07:00" });
    expect(dossier.events.map((e: { to: string; handOver: boolean; agency: { code: string } }) => [e.to, e.handOver, e.agency.code])).toEqual([
      ["SUBMITTED", false, tree.communeA.code],
      ["ACCEPTED", false, tree.communeA.code],
      ["IN_PROCESS", true, tree.justice.code],
      ["RESOLVED", false, tree.justice.code],
      ["RETURNED", true, tree.communeA.code],
    ]);
    expect(ok(await server.admin(DOSSIER, { code: other })).dossier.status).toBe("SUBMITTED");
  });

  it("sending a recorded batch again changes nothing", async () => {
    const codes = await submit(3);
    const input = codes.flatMap((code) => [
      { id: `${code}/a`, dossierCode: code, status: "ACCEPTED", at: "2021-06-07T09:00:00+07:00" },
      { id: `${code}/b`, dossierCode: code, status: "IN_PROCESS", at: "2021-06-07T09:05:00+07:00" },
    ]);
    expect(ok(await server.admin(RECORD, { input })).recordDossierEvents).toMatchObject({ applied: 6, unchanged: 0, failed: 0 });
    const before = await dossierTableCounts(server.database.db);
    expect(ok(await server.admin(RECORD, { input })).recordDossierEvents).toMatchObject({ applied: 0, unchanged: 6, failed: 0 });
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
  });
});
