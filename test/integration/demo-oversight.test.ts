import { afterAll, beforeAll, describe, expect, it } from "vitest";
import facts from "../../src/demo/facts.json" with { type: "json" };
import { demoUnitCodes } from "../../src/demo/units.demo.js";
import { OVERSIGHT } from "../support/oversight.js";
import { ok, startServer, type TestServer } from "../support/server.js";

describe("demo oversight", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO_DATA: "true" } });
  }, 480_000);
  afterAll(() => server?.close());

  it("reproduces Gia Lâm's first half of 2017: inspections, citizen reception and petitions", async () => {
    const [inspections, reception] = facts.otherActivity as unknown as Record<string, number>[];
    const { oversight } = ok(await server.gql(OVERSIGHT, { agencyCode: demoUnitCodes.giaLam, from: "2017-01-01", to: "2017-06-30" }));
    expect(oversight.inspections).toMatchObject({
      total: inspections!.inspections, announced: inspections!.announced, unannounced: inspections!.unannounced, thematic: inspections!.thematic,
    });
    expect(oversight.receptions).toMatchObject({ citizens: reception!.citizenReceptions, cases: reception!.cases });
    expect(oversight.petitions).toMatchObject({ received: reception!.complaintsReceived, resolved: reception!.complaintsResolved });
    expect(Math.round(oversight.petitions.resolutionRate * 100)).toBe(87);
    // Hà Nội's subtree holds Gia Lâm's figures too (counters roll up to every ancestor).
    const city = ok(await server.gql(OVERSIGHT, { agencyCode: demoUnitCodes.hanoi, from: "2017-01-01", to: "2017-06-30", asOf: "2017-06-30" })).oversight;
    expect(city.inspections.total).toBe(28);
    expect(city.byChildUnit.find((c: any) => c.unit.code === demoUnitCodes.giaLam).petitions.received).toBe(90);
  });

  it("evaluates 53/KH-UBND's 60% target for Cao Bằng's units, and Gia Lâm's 57 of 287 procedures against the same bar", async () => {
    const PROGRESS = `query { planProgress(symbol: "53/KH-UBND") { targets { code metric threshold measuredTo unitsEvaluated unitsMet unitsBehind
      units { unitCode value numerator denominator met } } } }`;
    const targets = ok(await server.gql(PROGRESS)).planProgress.targets;
    expect(targets.map((t: any) => [t.code, t.metric])).toEqual([["1", "REPORTED"], ["2", "REPORTED"], ["3", "REDUCED_TIME_SHARE"]]);
    const reduced = targets[2];
    // The units evaluated are Cao Bằng's departments as they stood at the end of the measured period (before the
    // department mergers of 2025), as the unit list answers them.
    const UNITS = `query($parent: String!) { agencyUnits(filter: { parentCode: $parent, kind: PROVINCIAL_DEPARTMENT, asOf: "2017-12-31" }, first: 100) {
      edges { node { code } } } }`;
    const departments = ok(await server.gql(UNITS, { parent: demoUnitCodes.caoBang })).agencyUnits.edges.map((e: any) => e.node.code).sort();
    expect(departments.length).toBeGreaterThan(0);
    expect(departments.every((code: string) => Object.values(demoUnitCodes.departments.caoBang).includes(code))).toBe(true);
    expect(reduced).toMatchObject({ threshold: 60, measuredTo: "2017-12-31", unitsEvaluated: departments.length, unitsMet: 0 });
    expect(reduced.units.map((u: any) => u.unitCode)).toEqual(departments);
    // Cao Bằng's demo procedures keep their statutory time: each department that has procedures is at 0%, behind.
    const measured = reduced.units.filter((u: any) => u.denominator > 0);
    expect(measured.length).toBeGreaterThan(0);
    expect(measured.every((u: any) => u.value === 0 && u.met === false)).toBe(true);
    expect(reduced.unitsBehind.sort()).toEqual(departments);

    const METRIC = `query($code: String!) { targetMetric(metric: REDUCED_TIME_SHARE, agencyCode: $code, from: "2017-01-01", to: "2017-06-30", parameter: 20) {
      value numerator denominator } }`;
    const gl = ok(await server.gql(METRIC, { code: demoUnitCodes.giaLam })).targetMetric;
    const fact = facts.procedureFacts.giaLamDistrictLevel2017;
    expect([gl.numerator, gl.denominator]).toEqual([fact.withReducedTime, fact.procedures]);
    expect(gl.value).toBeCloseTo((100 * 57) / 287, 6);
  });
});
