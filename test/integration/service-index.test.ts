import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORD, SUBMIT, dossierCode } from "../support/dossiers.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";

const UPSERT_PROCEDURES = `mutation($input: [ProcedureInput!]!) {
  upsertProcedures(input: $input) { failed items { key ok error { code message field } } }
}`;

const SERVICE_INDEX = `query($agencyCode: String!, $from: Date!, $to: Date!) {
  serviceIndex(agencyCode: $agencyCode, from: $from, to: $to) {
    unit { code } from to points scoredMaxPoints maxPoints scoredShare scoredGroups partlyScoredGroups unscoredGroups
    groups {
      key maxPoints available points scoredMaxPoints reason
      indicators { key available reason value points maxPoints formula counts { name value } }
    }
  }
}`;

let counter = Math.floor(Math.random() * 900_000);
const procedureCode = () => `1.${String(++counter % 1_000_000).padStart(6, "0")}`;

describe("service index", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  const index = async (agencyCode: string, from = "2021-08-01", to = "2021-08-31") =>
    ok(await server.gql(SERVICE_INDEX, { agencyCode, from, to })).serviceIndex;

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    // Three procedures of the district's communes: one fully online with a fee, one not online, one partly online.
    const [withFee, offline, partial] = [procedureCode(), procedureCode(), procedureCode()];
    const base = { name: "Chứng thực", field: "Tư pháp", level: "COMMUNE", statutoryDays: 3 };
    const procedures = ok(
      await server.admin(UPSERT_PROCEDURES, {
        input: [
          { ...base, code: withFee, onlineKind: "FULL", feeVnd: 20000, agencyCodes: [tree.communeA.code] },
          { ...base, code: offline, onlineKind: "NONE", agencyCodes: [tree.communeA.code] },
          { ...base, code: partial, onlineKind: "PARTIAL", agencyCodes: [tree.communeB.code] },
        ],
      }),
    ).upsertProcedures;
    expect(procedures.failed).toBe(0);

    // Received on Monday 2 August 2021, due Thursday 5 August 17:00.
    const receivedAt = "2021-08-02T08:00:00+07:00";
    const dueAt = "2021-08-05T17:00:00+07:00";
    const dossier = (agencyCode: string, n: number, procedure: string, channel: string, extra: Record<string, unknown> = {}) => ({
      code: dossierCode(agencyCode, receivedAt, n), agencyCode, procedureCode: procedure, channel, receivedAt, dueAt, ...extra,
    });
    const dossiers = [
      dossier(tree.communeA.code, 1, withFee, "ONLINE", { paidOnline: true, digitised: true }),
      dossier(tree.communeA.code, 2, offline, "DIRECT", { digitised: true, electronicResult: true }),
      dossier(tree.communeB.code, 3, withFee, "DIRECT"),
      dossier(tree.communeB.code, 4, partial, "POSTAL"),
    ];
    expect(ok(await server.admin(SUBMIT, { input: dossiers })).submitDossiers.failed).toBe(0);
    const [a1, a2, b3] = dossiers.map((d) => d.code);
    const events = [
      { id: `${a1}/1`, dossierCode: a1, status: "ACCEPTED", at: "2021-08-02T09:00:00+07:00" },
      { id: `${a1}/2`, dossierCode: a1, status: "RESOLVED", at: "2021-08-03T10:00:00+07:00" }, // early
      { id: `${a2}/1`, dossierCode: a2, status: "RESOLVED", at: "2021-08-05T15:00:00+07:00" }, // on time
      { id: `${b3}/1`, dossierCode: b3, status: "RESOLVED", at: "2021-08-06T10:00:00+07:00" }, // late
    ];
    expect(ok(await server.admin(RECORD, { input: events })).recordDossierEvents.failed).toBe(0);
  });
  afterAll(() => server?.close());

  it("computes every indicator from the dossiers and shows the counts behind its points", async () => {
    const result = await index(tree.district.code);
    const indicator = (key: string) => result.groups.flatMap((g: { indicators: { key: string }[] }) => g.indicators).find((i: { key: string }) => i.key === key);
    // Progress: 2 of 3 resolved early or on time: 20 × 2/3 = 13.33.
    expect(indicator("resolvedInTime")).toMatchObject({
      available: true, value: 2 / 3, points: 13.33, maxPoints: 20,
      counts: [{ name: "early", value: 1 }, { name: "onTime", value: 1 }, { name: "late", value: 1 }, { name: "resolved", value: 3 }],
    });
    // Online services: 2 of 3 procedures online (6 × 2/3 = 4); 1 of 4 dossiers online, half the 50% target (3).
    expect(indicator("proceduresOnline")).toMatchObject({ points: 4, counts: [{ name: "onlineProcedures", value: 2 }, { name: "procedures", value: 3 }] });
    expect(indicator("dossiersOnline")).toMatchObject({ value: 0.25, points: 3 });
    // Payment: 1 of the 2 dossiers with a fee paid online: 10 × 1/2 = 5.
    expect(indicator("paidOnline")).toMatchObject({ value: 0.5, points: 5, counts: [{ name: "paidOnline", value: 1 }, { name: "feeDue", value: 2 }] });
    // Digitisation: 2 of 4 digitised (11 × 1/2 = 5.5), 1 of 4 electronic results (11 × 1/4 = 2.75).
    expect(indicator("dossiersDigitised")).toMatchObject({ points: 5.5 });
    expect(indicator("electronicResults")).toMatchObject({ points: 2.75 });
    // Satisfaction and publicity: not scored; the open dossier (overdue now) shows in the satisfaction counts.
    expect(indicator("satisfaction")).toMatchObject({ available: false, points: null });
    expect(indicator("satisfaction").counts).toContainEqual({ name: "overdue", value: 1 });
    expect(result).toMatchObject({
      unit: { code: tree.district.code },
      points: 33.58, // 13.33 + (4 + 3) + 5 + (5.5 + 2.75)
      scoredMaxPoints: 64,
      maxPoints: 100,
      scoredGroups: ["PROGRESS", "ONLINE_SERVICE", "ONLINE_PAYMENT", "DIGITISATION"],
      partlyScoredGroups: [],
      unscoredGroups: ["PUBLICITY", "SATISFACTION"],
    });
    expect(result.groups.map((g: { key: string; maxPoints: number }) => [g.key, g.maxPoints])).toEqual([
      ["PUBLICITY", 18], ["PROGRESS", 20], ["ONLINE_SERVICE", 12], ["ONLINE_PAYMENT", 10], ["DIGITISATION", 22], ["SATISFACTION", 18],
    ]);
  });

  it("says which indicators have no data instead of inventing points", async () => {
    const result = await index(tree.justice.code);
    expect(result).toMatchObject({ points: 0, scoredMaxPoints: 0, scoredShare: null, scoredGroups: [], partlyScoredGroups: [] });
    for (const group of result.groups) {
      expect(group).toMatchObject({ available: false, points: null });
      expect(group.reason).toEqual(expect.any(String));
    }
  });

  it("rejects bad periods and unknown units like the dashboard", async () => {
    const backwards = await server.gql(SERVICE_INDEX, { agencyCode: tree.district.code, from: "2021-08-31", to: "2021-08-01" });
    expect(backwards.data).toBeNull();
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const unknown = await server.gql(SERVICE_INDEX, { agencyCode: "000.00.00.Z97", from: "2021-08-01", to: "2021-08-31" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
