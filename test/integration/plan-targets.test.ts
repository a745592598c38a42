import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorsOf, issueToken } from "../support/dossiers.js";
import { SUBMIT_INSPECTIONS, SUBMIT_PETITIONS, RECORD_PETITION_EVENTS } from "../support/oversight.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";

const UPSERT_DOCS = `mutation($input: [LegalDocumentInput!]!) { upsertLegalDocuments(input: $input) { failed items { error { code message } } } }`;
const UPSERT_PROCEDURES = `mutation($input: [ProcedureInput!]!) { upsertProcedures(input: $input) { failed items { error { code message field } } } }`;
const UPSERT_TARGETS = `mutation($input: [PlanTargetInput!]!) { upsertPlanTargets(input: $input) { applied unchanged failed items { key ok error { code field message } } } }`;
const REPORT = `mutation($input: [PlanTargetReportInput!]!) { reportPlanTargetValues(input: $input) { applied unchanged failed items { key ok error { code field message } } } }`;
const PROGRESS = `query($symbol: String!) { planProgress(symbol: $symbol) { symbol targets {
  code metric threshold measuredTo unitsEvaluated unitsMet unitsBehind units { unitCode value numerator denominator met } } } }`;

describe("plans and targets", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  const plan = "7/KH-UBND";

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    ok(await server.admin(UPSERT_DOCS, { input: [{ symbol: plan, issuerCode: tree.province.code, issuedOn: "2021-01-12", summary: "Kế hoạch cải cách hành chính năm 2021" }] }));
    // Sở Tư pháp: 5 procedures, 3 of them with a committed time at least 20% below the statutory one (one exactly 20%).
    // Sở Nội vụ: 2 procedures, none reduced. The district: none at all.
    const proc = (n: number, agency: string, statutoryDays: number, committedDays: number) => ({
      code: `1.${String(900000 + n)}`, name: `Thủ tục ${n}`, field: "Tư pháp", level: "PROVINCE", agencyCodes: [agency], statutoryDays, committedDays,
    });
    const res = ok(await server.admin(UPSERT_PROCEDURES, {
      input: [
        proc(1, tree.justice.code, 10, 8), proc(2, tree.justice.code, 10, 7), proc(3, tree.justice.code, 15, 10), proc(4, tree.justice.code, 10, 9),
        proc(5, tree.justice.code, 5, 5), proc(6, tree.home.code, 10, 10), proc(7, tree.home.code, 20, 17),
      ],
    })).upsertProcedures;
    expect(res.failed).toBe(0);
  }, 180_000);
  afterAll(() => server?.close());

  const target = (code: string, over: Record<string, unknown> = {}) => ({
    planSymbol: plan, code, description: "Mỗi đơn vị cắt giảm 20–30% thời gian giải quyết của ít nhất 60% thủ tục", issuerUnitCode: tree.province.code,
    metric: "REDUCED_TIME_SHARE", parameter: 20, scope: "EACH_UNIT", unitKinds: ["PROVINCIAL_DEPARTMENT", "DISTRICT"], threshold: 60,
    periodFrom: "2021-01-12", deadline: "2021-12-31", ...over,
  });

  it("rejects bad targets naming the field and the rule", async () => {
    const writer = await issueToken(server, ["WRITER"], tree.district.code, "district");
    const bad = ok(await server.admin(UPSERT_TARGETS, {
      input: [
        target("a", { parameter: null }), target("b", { scope: "EACH_UNIT", unitKinds: [] }), target("c", { planSymbol: "99/KH-UBND" }),
        target("d", { threshold: 120 }), target("e", { deadline: "2020-01-01" }), target("f", { unitKinds: ["PLANET"] }),
        target("g", { metric: "ON_TIME_RATE" }),
      ],
    })).upsertPlanTargets;
    expect(errorsOf(bad.items)).toEqual([
      ["REQUIRED", "parameter"], ["REQUIRED", "unitKinds"], ["UNKNOWN_REFERENCE", "planSymbol"], ["OUT_OF_RANGE", "threshold"],
      ["INVALID_DATE", "deadline"], ["UNKNOWN_REFERENCE", "unitKinds"], ["OUT_OF_RANGE", "parameter"],
    ]);
    const forbidden = ok(await server.gql(UPSERT_TARGETS, { input: [target("h")] }, writer)).upsertPlanTargets;
    expect(errorsOf(forbidden.items)).toEqual([["FORBIDDEN", "issuerUnitCode"]]);
  });

  it("evaluates each unit's share of procedures with reduced time against the threshold, and the units behind", async () => {
    const first = ok(await server.admin(UPSERT_TARGETS, { input: [target("3")] })).upsertPlanTargets;
    expect(first.applied).toBe(1);
    expect(ok(await server.admin(UPSERT_TARGETS, { input: [target("3")] })).upsertPlanTargets.unchanged).toBe(1);
    const progress = ok(await server.gql(PROGRESS, { symbol: plan })).planProgress;
    const t = progress.targets.find((x: any) => x.code === "3");
    expect(t).toMatchObject({ metric: "REDUCED_TIME_SHARE", threshold: 60, measuredTo: "2021-12-31", unitsEvaluated: 3, unitsMet: 1 });
    expect(t.units).toEqual([
      { unitCode: tree.justice.code, value: 60, numerator: 3, denominator: 5, met: true },
      { unitCode: tree.home.code, value: 0, numerator: 0, denominator: 2, met: false },
      { unitCode: tree.district.code, value: null, numerator: 0, denominator: 0, met: null },
    ].sort((a, b) => a.unitCode.localeCompare(b.unitCode)));
    expect(t.unitsBehind.sort()).toEqual([tree.home.code, tree.district.code].sort());
  });

  it("evaluates inspection and petition targets from the oversight data, and reported ones from the units' reports", async () => {
    ok(await server.admin(UPSERT_TARGETS, {
      input: [
        target("kt", { metric: "UNITS_INSPECTED_SHARE", parameter: null, scope: "ISSUER_SUBTREE", unitKinds: [], threshold: 30 }),
        target("don", { metric: "PETITION_RESOLUTION_RATE", parameter: null, scope: "EACH_UNIT", unitKinds: ["DISTRICT"], threshold: 90 }),
        target("dt", { metric: "REPORTED", parameter: null, scope: "EACH_UNIT", unitKinds: ["DISTRICT"], threshold: 2 }),
      ],
    }));
    ok(await server.admin(SUBMIT_INSPECTIONS, { input: [{ key: "kt-p-1", inspectingUnitCode: tree.province.code, inspectedUnitCodes: [tree.justice.code, tree.home.code], kind: "ANNOUNCED", startedOn: "2021-03-01" }] }));
    ok(await server.admin(SUBMIT_PETITIONS, { input: [1, 2].map((n) => ({ key: `pt-${n}`, kind: "COMPLAINT", channel: "DIRECT", unitCode: tree.district.code, receivedAt: "2021-03-01T08:00:00+07:00" })) }));
    ok(await server.admin(RECORD_PETITION_EVENTS, { input: [
      { id: "pt-1/a", petitionKey: "pt-1", action: "ACCEPTED", at: "2021-03-02T08:00:00+07:00" },
      { id: "pt-1/r", petitionKey: "pt-1", action: "RESOLVED", at: "2021-03-10T08:00:00+07:00", outcome: "REJECTED" },
    ] }));
    const reported = ok(await server.admin(REPORT, { input: [
      { planSymbol: plan, code: "dt", unitCode: tree.district.code, value: 2, reportedOn: "2021-06-30" },
      { planSymbol: plan, code: "3", unitCode: tree.district.code, value: 2, reportedOn: "2021-06-30" },
    ] })).reportPlanTargetValues;
    expect(errorsOf(reported.items)).toEqual(["ok", ["INVALID_TRANSITION", "code"]]);

    const targets = ok(await server.gql(PROGRESS, { symbol: plan })).planProgress.targets;
    const byCode = (code: string) => targets.find((x: any) => x.code === code);
    // 2 of the 5 units below the province inspected: 40% ≥ 30%.
    expect(byCode("kt").units).toEqual([{ unitCode: tree.province.code, value: 40, numerator: 2, denominator: 5, met: true }]);
    expect(byCode("don").units).toEqual([{ unitCode: tree.district.code, value: 50, numerator: 1, denominator: 2, met: false }]);
    expect(byCode("dt").units).toEqual([{ unitCode: tree.district.code, value: 2, numerator: null, denominator: null, met: true }]);
    expect((await server.gql(PROGRESS, { symbol: "1/KH-XYZ" })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
