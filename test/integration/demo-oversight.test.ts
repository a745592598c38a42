import { afterAll, beforeAll, describe, expect, it } from "vitest";
import facts from "../../src/demo/facts.json" with { type: "json" };
import { demoUnitCodes } from "../../src/demo/units.demo.js";
import { OVERSIGHT } from "../support/oversight.js";
import { ok, startServer, type TestServer } from "../support/server.js";

describe("demo oversight", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO_DATA: "true" } });
  }, 240_000);
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
});
