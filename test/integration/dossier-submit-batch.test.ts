import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { DOSSIER, SUBMIT, dossierCode, dossierTableCounts, seedProcedure, errorsOf, type BatchItem } from "../support/dossiers.js";
import { loadConfig } from "../../src/config.js";
import { bootstrapAdmin } from "../../src/modules/access/viewer.js";
import { submitEachItem } from "../../src/modules/dossiers/write/dossier-submit.service.js";

/** submitDossiers writes a whole batch in one transaction: the same outcomes as item by item, in fewer statements. */
describe("dossier submission batches", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  let sequence = 0;
  const at = "2021-06-07T08:30:00+07:00";
  const dossier = (extra: Record<string, unknown> = {}) => ({
    code: dossierCode(tree.communeA.code, at, ++sequence),
    procedureCode: procedure.code,
    agencyCode: tree.communeA.code,
    channel: "ONLINE",
    receivedAt: at,
    ...extra,
  });

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 5);
  });
  afterAll(() => server?.close());

  it("submits a batch in a fixed number of statements whatever its size", async () => {
    const statementsFor = async (n: number) => {
      const res = await server.admin(SUBMIT, { input: Array.from({ length: n }, () => dossier()) });
      expect(ok(res).submitDossiers.applied).toBe(n);
      return res.statements;
    };
    const few = await statementsFor(2);
    const many = await statementsFor(60);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(12);
  });

  it("treats a dossier sent twice in one batch as two sends and skips bad items without touching the others", async () => {
    const first = dossier({ applicant: { name: "Trần Thị B", phone: "0912345678" } });
    const stored = dossier();
    expect(ok(await server.admin(SUBMIT, { input: [stored] })).submitDossiers.applied).toBe(1);
    const before = await dossierTableCounts(server.database.db);
    const res = ok(
      await server.admin(SUBMIT, {
        input: [
          first,
          { ...first, paidOnline: true },
          { ...first, paidOnline: true },
          { ...first, receivedAt: "2021-06-07T09:30:00+07:00" },
          dossier({ procedureCode: "9.999999" }),
          { ...stored, digitised: true, dueAt: "2021-06-30T17:00:00+07:00" },
          { ...stored, agencyCode: tree.communeB.code },
          dossier({ code: "not-a-code" }),
          stored,
        ],
      }),
    ).submitDossiers;
    expect(errorsOf(res.items)).toEqual([
      "ok",
      "ok",
      "ok",
      ["CONFLICT", "receivedAt"],
      ["UNKNOWN_REFERENCE", "procedureCode"],
      "ok",
      ["MISMATCH", "code"],
      ["INVALID_FORMAT", "code"],
      "ok",
    ]);
    expect(res).toMatchObject({ applied: 3, unchanged: 2, failed: 4 });
    // One new dossier: RECEIVED and UPDATED; the stored one: UPDATED.
    expect(await dossierTableCounts(server.database.db)).toEqual({ dossiers: before.dossiers + 1, events: before.events + 3 });

    const got = ok(await server.admin(DOSSIER, { code: first.code })).dossier;
    expect(got).toMatchObject({ paidOnline: true, applicant: { name: "Trần Thị B", phone: "0912345678" } });
    expect(got.events.map((e: { kind: string; note: string | null }) => [e.kind, e.note])).toEqual([
      ["RECEIVED", null],
      ["UPDATED", "changed: paidOnline"],
    ]);
    const resent = ok(await server.admin(DOSSIER, { code: stored.code })).dossier;
    expect(resent).toMatchObject({ digitised: true, dueAt: "2021-06-30T17:00:00.000+07:00" });
    expect(resent.events.map((e: { kind: string }) => e.kind)).toEqual(["RECEIVED", "UPDATED"]);
  });

  it("gives every item the outcome and the stored state that submitting item by item gives", async () => {
    // The same sends for two communes: through the batch path (the API) and item by item (the fallback).
    const sends = (agency: string, start: number): Record<string, string | boolean>[] => {
      const code = (time: string, n: number) => dossierCode(agency, `2021-06-07T${time}:00+07:00`, start + n);
      const base = { procedureCode: procedure.code, agencyCode: agency, channel: "DIRECT" };
      const a = { ...base, code: code("08:30", 1), receivedAt: "2021-06-07T08:30:00+07:00" };
      // After the 15:00 cut-off: counts from the next working day.
      const b = { ...base, code: code("16:10", 2), receivedAt: "2021-06-07T16:10:00+07:00", channel: "POSTAL" };
      const c = { ...base, code: code("10:00", 3), receivedAt: "2021-06-07T10:00:00+07:00", dueAt: "2021-06-09T17:00:00+07:00", initialStatus: "SUBMITTED" };
      return [a, b, c, { ...a, electronicResult: true }, { ...c, dueAt: "2021-06-10T17:00:00+07:00" }, { ...b, initialStatus: "ACCEPTED" }, { ...a, electronicResult: true }];
    };
    const viaBatch = sends(tree.communeA.code, 5000);
    const oneByOne = sends(tree.communeB.code, 5000);
    const batch = ok(await server.admin(SUBMIT, { input: viaBatch })).submitDossiers;
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: "memory://", ADMIN_TOKEN: "x".repeat(32) });
    const single = await submitEachItem(
      { db: server.database.db, viewer: bootstrapAdmin(), config },
      oneByOne.map((d) => ({ ...d, receivedAt: new Date(d.receivedAt as string), dueAt: d.dueAt ? new Date(d.dueAt as string) : undefined }) as never),
    );
    expect(errorsOf(batch.items)).toEqual(errorsOf(single.items as BatchItem[]));
    expect({ ...batch, items: undefined }).toEqual({ ...single, items: undefined });
    expect(batch).toMatchObject({ applied: 5, unchanged: 1, failed: 1 });
    const state = async (code: string) => {
      const { code: _code, agency: _agency, holder: _holder, events, ...rest } = ok(await server.admin(DOSSIER, { code })).dossier;
      return { ...rest, events: events.map((e: { kind: string; from: string; to: string; note: string }) => [e.kind, e.from, e.to, e.note]) };
    };
    for (let i = 0; i < 3; i++) {
      const code = viaBatch[i]!.code as string;
      expect(await state(code), code).toEqual(await state(oneByOne[i]!.code as string));
    }
  });
});
