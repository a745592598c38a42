import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { DOSSIER, RECORD, SUBMIT, dossierCode, dossierTableCounts, seedProcedure, errorsOf } from "../support/dossiers.js";

describe("bad dossier input", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  let sequence = 0;
  const at = "2021-05-31T08:30:00+07:00";
  const valid = (extra: Record<string, unknown> = {}) => ({
    code: dossierCode(tree.communeA.code, at, ++sequence),
    procedureCode: procedure.code,
    agencyCode: tree.communeA.code,
    channel: "DIRECT",
    receivedAt: at,
    ...extra,
  });

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 3);
  });
  afterAll(() => server?.close());

  it("rejects each bad dossier with an item error naming the field and rule, stores none of them, and keeps the good one", async () => {
    const before = await dossierTableCounts(server.database.db);
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const unknownAgency = "000.99.99.Z98";
    const good = valid();
    const res = ok(
      await server.admin(SUBMIT, {
        input: [
          valid({ procedureCode: "9.999999" }),
          valid({ agencyCode: unknownAgency, code: dossierCode(unknownAgency, at, 1) }),
          valid({ code: dossierCode(tree.communeB.code, at, 1) }),
          valid({ code: `${tree.communeA.code}-210530-0001` }),
          valid({ code: `${tree.communeA.code}-210531-01` }),
          valid({ receivedAt: future, code: dossierCode(tree.communeA.code, future, 1) }),
          valid({ dueAt: "2021-05-30T17:00:00+07:00" }),
          valid({ initialStatus: "IN_PROCESS" }),
          valid({ applicant: { name: "Trần Văn C", phone: "call me" } }),
          valid({ applicant: { name: "  " } }),
          good,
        ],
      }),
    ).submitDossiers;
    expect(errorsOf(res.items)).toEqual([
      ["UNKNOWN_REFERENCE", "procedureCode"],
      ["UNKNOWN_REFERENCE", "agencyCode"],
      ["MISMATCH", "code"],
      ["MISMATCH", "code"],
      ["INVALID_FORMAT", "code"],
      ["INVALID_DATE", "receivedAt"],
      ["INVALID_DATE", "dueAt"],
      ["INVALID_TRANSITION", "initialStatus"],
      ["INVALID_FORMAT", "applicant.phone"],
      ["REQUIRED", "applicant.name"],
      "ok",
    ]);
    expect(res).toMatchObject({ applied: 1, failed: 10 });
    for (const item of res.items.slice(0, -1)) expect(item.error.message).toMatch(/\w+/);
    expect(res.items[2].error.message).toContain(tree.communeA.code);
    expect(await dossierTableCounts(server.database.db)).toEqual({ dossiers: before.dossiers + 1, events: before.events + 1 });
  });

  it("rejects an agency that does not exist on the receipt date", async () => {
    const { agencyUnits } = await import("../../src/db/schema/index.js");
    const { eq } = await import("drizzle-orm");
    await server.database.db.update(agencyUnits).set({ validFrom: "2022-01-01" }).where(eq(agencyUnits.id, tree.communeB.id));
    try {
      const before = await dossierTableCounts(server.database.db);
      const res = ok(
        await server.admin(SUBMIT, { input: [valid({ agencyCode: tree.communeB.code, code: dossierCode(tree.communeB.code, at, 9) })] }),
      ).submitDossiers;
      expect(errorsOf(res.items)).toEqual([["UNKNOWN_REFERENCE", "agencyCode"]]);
      expect(res.items[0].error.message).toContain("2021-05-31");
      expect(await dossierTableCounts(server.database.db)).toEqual(before);
    } finally {
      await server.database.db.update(agencyUnits).set({ validFrom: null }).where(eq(agencyUnits.id, tree.communeB.id));
    }
  });

  it("rejects bad events item by item, leaving the dossier and its history as they were", async () => {
    const dossier = valid();
    ok(await server.admin(SUBMIT, { input: [dossier] }));
    const first = { id: `${dossier.code}/1`, dossierCode: dossier.code, status: "IN_PROCESS", at: "2021-05-31T10:00:00+07:00" };
    ok(await server.admin(RECORD, { input: [first] }));
    const before = await dossierTableCounts(server.database.db);
    const stored = ok(await server.admin(DOSSIER, { code: dossier.code })).dossier;

    const ev = (n: string, extra: Record<string, unknown>) => ({ id: `${dossier.code}/${n}`, dossierCode: dossier.code, ...extra });
    const res = ok(
      await server.admin(RECORD, {
        input: [
          ev("bad-transition", { status: "ACCEPTED", at: "2021-05-31T11:00:00+07:00" }),
          ev("to-returned", { status: "RETURNED", at: "2021-05-31T11:00:00+07:00" }),
          { id: "no-such-dossier", dossierCode: `${tree.communeA.code}-210531-9999`, status: "IN_PROCESS", at: "2021-05-31T11:00:00+07:00" },
          { ...first, status: "RESOLVED" },
          { ...first, at: "2021-05-31T10:30:00+07:00" },
          ev("earlier", { status: "RESOLVED", at: "2021-05-31T09:59:00+07:00" }),
          ev("before-receipt", { status: "RESOLVED", at: "2021-05-30T09:00:00+07:00" }),
          ev("unknown-agency", { status: "IN_PROCESS", at: "2021-05-31T11:00:00+07:00", agencyCode: "000.99.99.Z97" }),
          ev("future", { status: "RESOLVED", at: new Date(Date.now() + 86_400_000).toISOString() }),
          ev("long-note", { status: "IN_PROCESS", at: "2021-05-31T11:00:00+07:00", note: "x".repeat(2001) }),
          { id: "   ", dossierCode: dossier.code, status: "IN_PROCESS", at: "2021-05-31T11:00:00+07:00" },
        ],
      }),
    ).recordDossierEvents;
    expect(errorsOf(res.items)).toEqual([
      ["INVALID_TRANSITION", "status"],
      ["INVALID_TRANSITION", "status"],
      ["UNKNOWN_REFERENCE", "dossierCode"],
      ["CONFLICT", "status"],
      ["CONFLICT", "at"],
      ["OUT_OF_ORDER", "at"],
      ["OUT_OF_ORDER", "at"],
      ["UNKNOWN_REFERENCE", "agencyCode"],
      ["INVALID_DATE", "at"],
      ["TOO_LONG", "note"],
      ["REQUIRED", "id"],
    ]);
    expect(res.items[0].error.message).toContain("IN_PROCESS cannot move to ACCEPTED");
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
    expect(ok(await server.admin(DOSSIER, { code: dossier.code })).dossier).toEqual(stored);
  });

  it("lets nothing move a returned dossier back into processing", async () => {
    const dossier = valid();
    ok(await server.admin(SUBMIT, { input: [dossier] }));
    const ev = (n: number, status: string, time: string) => ({ id: `${dossier.code}/${n}`, dossierCode: dossier.code, status, at: `2021-05-31T${time}:00+07:00` });
    const done = ok(await server.admin(RECORD, { input: [ev(1, "RESOLVED", "09:00"), ev(2, "RETURNED", "10:00")] })).recordDossierEvents;
    expect(done.applied).toBe(2);
    const before = await dossierTableCounts(server.database.db);
    const res = ok(await server.admin(RECORD, { input: [ev(3, "IN_PROCESS", "11:00"), ev(4, "RETURNED", "11:00")] })).recordDossierEvents;
    expect(errorsOf(res.items)).toEqual([["INVALID_TRANSITION", "status"], ["INVALID_TRANSITION", "status"]]);
    expect(res.items[0].error.message).toContain("none, it is final");
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
  });

  it("rejects a date-time without an offset for the whole request, storing nothing", async () => {
    const before = await dossierTableCounts(server.database.db);
    const res = await server.admin(SUBMIT, { input: [valid({ receivedAt: "2021-05-31T08:30:00" })] });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toContain("offset");
    const event = await server.admin(RECORD, {
      input: [{ id: "no-offset", dossierCode: `${tree.communeA.code}-210531-0001`, status: "IN_PROCESS", at: "2021-05-31T08:30:00" }],
    });
    expect(event.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
  });

  it("rejects an empty batch and an unknown enum value for the whole request", async () => {
    const before = await dossierTableCounts(server.database.db);
    expect((await server.admin(SUBMIT, { input: [] })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await server.admin(SUBMIT, { input: [valid({ channel: "FAX" })] })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
  });
});
