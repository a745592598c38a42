import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { loadDemoIndexes } from "../../src/demo/indexes.demo.js";
import { demoUnitCodes, loadDemoUnits } from "../../src/demo/units.demo.js";
import { bootstrapAdmin } from "../../src/modules/access/viewer.js";
import { newProvinceCodes } from "../support/codes.js";
import { ok, startServer, type TestServer } from "../support/server.js";

const UPSERT_FRAMEWORK = `mutation($input: IndexFrameworkInput!) {
  upsertIndexFramework(input: $input) { changed framework { code maxTotal } }
}`;
const FRAMEWORK = `query($code: String!) { indexFramework(code: $code) {
  code name description scoredKinds maxTotal fromYear toYear isDemo
  criteria { code name maxPoints responsible method level parentCode isLeaf
    children { code maxPoints responsible isLeaf children { code maxPoints parentCode level isLeaf children { code } } } }
} }`;
const SUBMIT = `mutation($input: [IndexScoreInput!]!) {
  submitIndexScores(input: $input) { applied unchanged failed items { key ok error { code message field } } }
}`;
const PUBLISH = `mutation($input: [IndexResultInput!]!) {
  publishIndexResults(input: $input) { applied unchanged failed items { key ok error { code message field } } }
}`;
const RANKING = `query($framework: String!, $year: Int!, $parentCode: String) {
  indexRanking(framework: $framework, year: $year, parentCode: $parentCode) {
    framework { code } year referenceDate parent { code } comparedCount
    units { rank unit { code } total computed complete fields { code name points maxPoints } publishedTotal publishedRank publishedOf source }
    excluded { unit { code } reason message }
  }
}`;
const SCORES = `query($framework: String!, $year: Int!, $unitCode: String!) {
  indexScores(framework: $framework, year: $year, unitCode: $unitCode) {
    criterionCode maxPoints selfScore appraisedScore surveyScore points
  }
}`;
const HISTORY = `query($framework: String!, $unitCode: String!) {
  indexHistory(framework: $framework, unitCode: $unitCode) {
    year total rank comparedCount publishedTotal publishedRank publishedOf source
  }
}`;
const UPSERT_UNITS = `mutation($input: [AgencyUnitInput!]!) { upsertAgencyUnits(input: $input) { failed items { error { message } } } }`;
const ISSUE = `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token } }`;

type Item = Record<string, unknown>;
interface Batch {
  applied: number;
  unchanged: number;
  failed: number;
  items: { key: string; ok: boolean; error: { code: string; message: string; field: string | null } | null }[];
}

/** A unique framework code per test, so that rankings of the whole country see only that test's scores. */
const newFrameworkCode = (prefix = "T") => `${prefix}_${randomBytes(5).toString("hex").toUpperCase()}`;

/**
 * Field 1 (10: 1.1 worth 6, 1.2 worth 4 = 1.2.1 2.5 + 1.2.2 1.5), field 2 (5, MIXED), field 3 (5, SURVEY): 20
 * points over five leaves.
 */
function testFramework(code: string, extra: Item = {}): Item {
  return {
    code,
    name: `Bộ chỉ số thử nghiệm ${code}`,
    description: "Dùng cho kiểm thử",
    scoredKinds: ["PROVINCE"],
    maxTotal: 20,
    fromYear: null,
    toYear: null,
    criteria: [
      { code: "1", name: "Công tác chỉ đạo, điều hành", maxPoints: 10, responsible: "Sở Nội vụ" },
      { code: "1.1", name: "Kế hoạch CCHC", maxPoints: 6 },
      { code: "1.2", name: "Báo cáo CCHC", maxPoints: 4, responsible: "Văn phòng UBND tỉnh" },
      { code: "1.2.1", name: "Số lượng báo cáo", maxPoints: 2.5 },
      { code: "1.2.2", name: "Chất lượng báo cáo", maxPoints: 1.5 },
      { code: "2", name: "Cải cách thủ tục hành chính", maxPoints: 5, method: "MIXED" },
      { code: "3", name: "Mức độ hài lòng", maxPoints: 5, method: "SURVEY" },
    ],
    ...extra,
  };
}

describe("index frameworks, scores and rankings", () => {
  let server: TestServer;
  const submit = async (input: Item[], token?: string): Promise<Batch> => {
    const res = token === undefined ? await server.admin(SUBMIT, { input }) : await server.gql(SUBMIT, { input }, token);
    return ok(res).submitIndexScores as Batch;
  };
  const publish = async (input: Item[]): Promise<Batch> => ok(await server.admin(PUBLISH, { input })).publishIndexResults as Batch;
  const ranking = async (framework: string, year: number, parentCode?: string) =>
    ok(await server.gql(RANKING, { framework, year, parentCode })).indexRanking;
  const scores = async (framework: string, year: number, unitCode: string) =>
    ok(await server.gql(SCORES, { framework, year, unitCode })).indexScores as Item[];
  const framework = async (input: Item) => ok(await server.admin(UPSERT_FRAMEWORK, { input })).upsertIndexFramework;
  const units = async (input: Item[]) => {
    const result = ok(await server.admin(UPSERT_UNITS, { input })).upsertAgencyUnits;
    expect(result.failed, JSON.stringify(result.items)).toBe(0);
  };
  /** `n` provinces created through the API (root units), with optional validity. */
  const provinces = async (n: number, validity: Item[] = []): Promise<string[]> => {
    const codes = Array.from({ length: n }, () => newProvinceCodes().province);
    await units(codes.map((code, i) => ({ code, name: `Tỉnh Thử ${code}`, kind: "PROVINCE", ...validity[i] })));
    return codes;
  };
  const score = (fw: string, year: number, unitCode: string, criterionCode: string, values: Item): Item => ({
    framework: fw, year, unitCode, criterionCode, ...values,
  });
  const token = async (roles: string[], agencyCode?: string) =>
    ok(await server.admin(ISSUE, { input: { roles, agencyCode, label: "thử" } })).issueApiToken.token as string;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  describe("frameworks", () => {
    it("a framework is stored with its criteria tree: fields with nested criteria and sub-criteria", async () => {
      const code = newFrameworkCode();
      expect(await framework(testFramework(code))).toEqual({ changed: true, framework: { code, maxTotal: 20 } });
      const stored = ok(await server.gql(FRAMEWORK, { code })).indexFramework;
      expect(stored).toMatchObject({ code, scoredKinds: ["PROVINCE"], maxTotal: 20, fromYear: null, isDemo: false });
      expect(stored.criteria.map((c: Item) => [c.code, c.maxPoints, c.level, c.isLeaf, c.method])).toEqual([
        ["1", 10, 1, false, "APPRAISAL"],
        ["2", 5, 1, true, "MIXED"],
        ["3", 5, 1, true, "SURVEY"],
      ]);
      const [first] = stored.criteria;
      expect(first).toMatchObject({ name: "Công tác chỉ đạo, điều hành", responsible: "Sở Nội vụ", parentCode: null });
      expect(first.children).toEqual([
        { code: "1.1", maxPoints: 6, responsible: null, isLeaf: true, children: [] },
        {
          code: "1.2", maxPoints: 4, responsible: "Văn phòng UBND tỉnh", isLeaf: false,
          children: [
            { code: "1.2.1", maxPoints: 2.5, parentCode: "1.2", level: 3, isLeaf: true, children: [] },
            { code: "1.2.2", maxPoints: 1.5, parentCode: "1.2", level: 3, isLeaf: true, children: [] },
          ],
        },
      ]);
    });

    it("sending the stored framework again changes nothing; an unknown code reads as null", async () => {
      const code = newFrameworkCode();
      await framework(testFramework(code));
      expect((await framework(testFramework(code))).changed).toBe(false);
      expect(ok(await server.gql(FRAMEWORK, { code: "NO_SUCH_FRAMEWORK" })).indexFramework).toBeNull();
      const list = ok(await server.gql(`{ indexFrameworks(first: 100) { totalCount edges { node { code } } } }`)).indexFrameworks;
      expect(list.edges.map((e: { node: Item }) => e.node.code)).toContain(code);
    });

    it("a framework whose children do not add up to their parent is rejected naming the criterion, nothing stored", async () => {
      const code = newFrameworkCode();
      const input = testFramework(code);
      (input.criteria as Item[])[4] = { code: "1.2.2", name: "Chất lượng báo cáo", maxPoints: 1 };
      const res = await server.admin(UPSERT_FRAMEWORK, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.criteria[2].maxPoints" });
      expect(res.errors?.[0]?.message).toContain("add up to 3.5, not its maximum 4");
      expect(ok(await server.gql(FRAMEWORK, { code })).indexFramework).toBeNull();
    });

    it("fields that do not add up to the total, a missing parent and a repeated code are rejected", async () => {
      const code = newFrameworkCode();
      const fieldOf = async (input: Item) => (await server.admin(UPSERT_FRAMEWORK, { input })).errors?.[0]?.extensions?.field;
      expect(await fieldOf(testFramework(code, { maxTotal: 100 }))).toBe("input.maxTotal");
      const orphan = testFramework(code);
      (orphan.criteria as Item[]).push({ code: "4.1", name: "Mồ côi", maxPoints: 0 });
      expect(await fieldOf(orphan)).toBe("input.criteria[7].code");
      const twice = testFramework(code);
      (twice.criteria as Item[]).push({ code: "1.1", name: "Lặp", maxPoints: 0 });
      expect(await fieldOf(twice)).toBe("input.criteria[7].code");
      expect(ok(await server.gql(FRAMEWORK, { code })).indexFramework).toBeNull();
    });

    it("only administrators add frameworks: a writer is FORBIDDEN, an anonymous caller UNAUTHENTICATED", async () => {
      const code = newFrameworkCode();
      const writer = await token(["WRITER"]);
      const forbidden = await server.gql(UPSERT_FRAMEWORK, { input: testFramework(code) }, writer);
      expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const anonymous = await server.gql(UPSERT_FRAMEWORK, { input: testFramework(code) });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(ok(await server.gql(FRAMEWORK, { code })).indexFramework).toBeNull();
    });

    it("a criterion with scores cannot be removed, split or lowered below a stored score", async () => {
      const code = newFrameworkCode();
      await framework(testFramework(code));
      const [p] = await provinces(1);
      expect((await submit([score(code, 2024, p!, "1.1", { selfScore: 5 })])).applied).toBe(1);
      const without = testFramework(code);
      without.criteria = (without.criteria as Item[]).filter((c) => c.code !== "1.1");
      (without.criteria as Item[])[0]!.maxPoints = 4;
      without.maxTotal = 14;
      const removed = await server.admin(UPSERT_FRAMEWORK, { input: without });
      expect(removed.errors?.[0]?.message).toContain("1.1 has scores");
      const lowered = testFramework(code);
      (lowered.criteria as Item[])[0]!.maxPoints = 8.5;
      (lowered.criteria as Item[])[1] = { code: "1.1", name: "Kế hoạch CCHC", maxPoints: 4.5 };
      (lowered.criteria as Item[])[5] = { code: "2", name: "Cải cách thủ tục hành chính", maxPoints: 6.5, method: "MIXED" };
      const res = await server.admin(UPSERT_FRAMEWORK, { input: lowered });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.criteria[1].maxPoints" });
      const stored = ok(await server.gql(FRAMEWORK, { code })).indexFramework;
      expect(stored.criteria[0].children[0]).toMatchObject({ code: "1.1", maxPoints: 6 });
    });
  });

  describe("scores and rankings", () => {
    it("totals and field subtotals are the sums of the counted points, ties share a rank", async () => {
      const fw = newFrameworkCode();
      await framework(testFramework(fw));
      const [p1, p2, p3, p4] = (await provinces(4)) as [string, string, string, string];
      const result = await submit([
        // p1: 1.1 → 5.5 (appraised over self), 1.2.1 → 2, 1.2.2 → 1.25: field 1 = 8.75; field 2 = 3 + 1.5 = 4.5;
        // field 3 = 4.2. Total 17.45.
        score(fw, 2024, p1, "1.1", { selfScore: 5, appraisedScore: 5.5 }),
        score(fw, 2024, p1, "1.2.1", { selfScore: 2 }),
        score(fw, 2024, p1, "1.2.2", { appraisedScore: 1.25 }),
        score(fw, 2024, p1, "2", { appraisedScore: 3, surveyScore: 1.5 }),
        score(fw, 2024, p1, "3", { surveyScore: 4.2 }),
        // p2: field 1 = 6 + 2.5 + 0.5 = 9; field 2 = 4; field 3 = 4.45. Total 17.45: ties with p1.
        score(fw, 2024, p2, "1.1", { appraisedScore: 6 }),
        score(fw, 2024, p2, "1.2.1", { appraisedScore: 2.5 }),
        score(fw, 2024, p2, "1.2.2", { appraisedScore: 0.5 }),
        score(fw, 2024, p2, "2", { selfScore: 4 }),
        score(fw, 2024, p2, "3", { surveyScore: 4.45 }),
        // p3: field 1 = 4; field 2 = 2.5 (appraised lowered the self-assessed 5); field 3 = 0. Total 6.5.
        score(fw, 2024, p3, "1.1", { selfScore: 4 }),
        score(fw, 2024, p3, "2", { selfScore: 5, appraisedScore: 2.5 }),
        // p4: field 3 = 5 only. Total 5.
        score(fw, 2024, p4, "3", { surveyScore: 5 }),
      ]);
      expect(result).toMatchObject({ applied: 13, failed: 0 });
      expect(result.items[0]!.key).toBe(`${fw}/2024/${p1}/1.1`);

      const r = await ranking(fw, 2024);
      expect(r).toMatchObject({ year: 2024, referenceDate: "2024-12-31", parent: null, comparedCount: 4, excluded: [] });
      const tied = [p1, p2].sort();
      expect(r.units.map((u: Item) => [(u.unit as Item).code, u.rank, u.total, u.complete, u.computed])).toEqual([
        [tied[0], 1, 17.45, true, true],
        [tied[1], 1, 17.45, true, true],
        [p3, 3, 6.5, false, true],
        [p4, 4, 5, false, true],
      ]);
      const fieldsOf = (code: string) => r.units.find((u: { unit: Item }) => u.unit.code === code).fields.map((f: Item) => f.points);
      expect(fieldsOf(p1)).toEqual([8.75, 4.5, 4.2]);
      expect(fieldsOf(p2)).toEqual([9, 4, 4.45]);
      expect(fieldsOf(p3)).toEqual([4, 2.5, 0]);
      expect(fieldsOf(p4)).toEqual([0, 0, 5]);
      expect(r.units[0].fields[0]).toEqual({ code: "1", name: "Công tác chỉ đạo, điều hành", points: expect.any(Number), maxPoints: 10 });

      expect(await scores(fw, 2024, p1)).toEqual([
        { criterionCode: "1.1", maxPoints: 6, selfScore: 5, appraisedScore: 5.5, surveyScore: null, points: 5.5 },
        { criterionCode: "1.2.1", maxPoints: 2.5, selfScore: 2, appraisedScore: null, surveyScore: null, points: 2 },
        { criterionCode: "1.2.2", maxPoints: 1.5, selfScore: null, appraisedScore: 1.25, surveyScore: null, points: 1.25 },
        { criterionCode: "2", maxPoints: 5, selfScore: null, appraisedScore: 3, surveyScore: 1.5, points: 4.5 },
        { criterionCode: "3", maxPoints: 5, selfScore: null, appraisedScore: null, surveyScore: 4.2, points: 4.2 },
      ]);
      const history = ok(await server.gql(HISTORY, { framework: fw, unitCode: p3 })).indexHistory;
      expect(history).toEqual([
        { year: 2024, total: 6.5, rank: 3, comparedCount: 4, publishedTotal: null, publishedRank: null, publishedOf: null, source: null },
      ]);
    });

    it("sending the same scores again is unchanged; a left-out score is kept, a null one cleared", async () => {
      const fw = newFrameworkCode();
      await framework(testFramework(fw));
      const [p] = (await provinces(1)) as [string];
      await submit([score(fw, 2024, p, "2", { selfScore: 4, surveyScore: 0.5 })]);
      expect(await submit([score(fw, 2024, p, "2", { selfScore: 4, surveyScore: 0.5 })])).toMatchObject({ applied: 0, unchanged: 1 });
      expect(await submit([score(fw, 2024, p, "2", { appraisedScore: 3.75 })])).toMatchObject({ applied: 1 });
      expect(await scores(fw, 2024, p)).toMatchObject([{ selfScore: 4, appraisedScore: 3.75, surveyScore: 0.5, points: 4.25 }]);
      await submit([score(fw, 2024, p, "2", { surveyScore: null })]);
      expect(await scores(fw, 2024, p)).toMatchObject([{ selfScore: 4, appraisedScore: 3.75, surveyScore: null, points: 3.75 }]);
      await submit([score(fw, 2024, p, "2", { selfScore: null, appraisedScore: null })]);
      expect(await scores(fw, 2024, p)).toEqual([]);
      expect((await ranking(fw, 2024)).units).toEqual([]);
    });

    it("a score above the criterion's maximum is an item error naming the field; nothing of it is stored", async () => {
      const fw = newFrameworkCode();
      await framework(testFramework(fw));
      const [p] = (await provinces(1)) as [string];
      const result = await submit([
        score(fw, 2024, p, "1.1", { selfScore: 6.5 }),
        score(fw, 2024, p, "2", { appraisedScore: 4, surveyScore: 1.5 }),
        score(fw, 2024, p, "1.2.1", { appraisedScore: -1 }),
        score(fw, 2024, p, "1.2.2", { selfScore: 1.125 }),
        score(fw, 2024, p, "3", { surveyScore: 5 }),
      ]);
      expect(result).toMatchObject({ applied: 1, failed: 4 });
      expect(result.items.map((i) => [i.error?.code, i.error?.field])).toEqual([
        ["OUT_OF_RANGE", "selfScore"],
        ["OUT_OF_RANGE", "surveyScore"],
        ["OUT_OF_RANGE", "appraisedScore"],
        ["INVALID_FORMAT", "selfScore"],
        [undefined, undefined],
      ]);
      expect(result.items[0]!.error!.message).toContain("from 0 to 6");
      expect((await scores(fw, 2024, p)).map((s) => s.criterionCode)).toEqual(["3"]);
    });

    it("scores go on leaf criteria only, of the method's kinds, and need at least one value", async () => {
      const fw = newFrameworkCode();
      await framework(testFramework(fw));
      const [p] = (await provinces(1)) as [string];
      const result = await submit([
        score(fw, 2024, p, "1.2", { selfScore: 1 }),
        score(fw, 2024, p, "1", { selfScore: 1 }),
        score(fw, 2024, p, "1.1", { surveyScore: 1 }),
        score(fw, 2024, p, "3", { selfScore: 1 }),
        score(fw, 2024, p, "1.1", {}),
      ]);
      expect(result.items.map((i) => [i.error?.code, i.error?.field])).toEqual([
        ["NOT_A_LEAF", "criterionCode"],
        ["NOT_A_LEAF", "criterionCode"],
        ["NOT_APPLICABLE", "surveyScore"],
        ["NOT_APPLICABLE", "selfScore"],
        ["REQUIRED", "selfScore"],
      ]);
      expect(await scores(fw, 2024, p)).toEqual([]);
    });

    it("unknown frameworks, units and criteria are item errors; queries answer NOT_FOUND", async () => {
      const fw = newFrameworkCode();
      await framework(testFramework(fw, { fromYear: 2020, toYear: 2024, scoredKinds: ["PROVINCE"] }));
      const c = newProvinceCodes();
      await units([
        { code: c.province, name: "Tỉnh Thử", kind: "PROVINCE" },
        { code: c.child(1), name: "Sở Tư pháp", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province },
      ]);
      const result = await submit([
        score("NO_SUCH_FRAMEWORK", 2024, c.province, "1.1", { selfScore: 1 }),
        score(fw, 2024, "000.00.00.A99", "1.1", { selfScore: 1 }),
        score(fw, 2024, c.province, "9.9", { selfScore: 1 }),
        score(fw, 2019, c.province, "1.1", { selfScore: 1 }),
        score(fw, 2024, c.child(1), "1.1", { selfScore: 1 }),
      ]);
      expect(result.items.map((i) => [i.error?.code, i.error?.field])).toEqual([
        ["UNKNOWN_REFERENCE", "framework"],
        ["UNKNOWN_REFERENCE", "unitCode"],
        ["UNKNOWN_REFERENCE", "criterionCode"],
        ["OUT_OF_RANGE", "year"],
        ["INVALID_REFERENCE", "unitCode"],
      ]);
      expect(await scores(fw, 2024, c.province)).toEqual([]);
      const unknown = await server.gql(RANKING, { framework: "NO_SUCH_FRAMEWORK", year: 2024 });
      expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const noParent = await server.gql(RANKING, { framework: fw, year: 2024, parentCode: "000.00.00.A98" });
      expect(noParent.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const badYear = await server.gql(RANKING, { framework: fw, year: 2030 });
      expect(badYear.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
    });

    it("rankings compare like with like: a province merged on 1 July 2025 is ranked in 2024 and excluded from 2025", async () => {
      const fw = newFrameworkCode();
      await framework(testFramework(fw));
      const [merged, successor, stable] = (await provinces(3, [{ validTo: "2025-06-30" }, { validFrom: "2025-07-01" }, {}])) as [
        string, string, string,
      ];
      const before = await submit([
        score(fw, 2024, merged, "2", { appraisedScore: 4 }),
        score(fw, 2024, stable, "2", { appraisedScore: 3 }),
        score(fw, 2024, successor, "2", { appraisedScore: 5 }),
      ]);
      expect(before.items.map((i) => i.error?.code ?? "ok")).toEqual(["ok", "ok", "UNKNOWN_REFERENCE"]);
      // The merged province still existed during 2025, so its half-year scores are accepted and kept…
      expect((await submit([
        score(fw, 2025, merged, "2", { appraisedScore: 5 }),
        score(fw, 2025, successor, "2", { appraisedScore: 4.5 }),
        score(fw, 2025, stable, "2", { appraisedScore: 2 }),
      ])).failed).toBe(0);

      const r2024 = await ranking(fw, 2024);
      expect(r2024.units.map((u: { unit: Item; rank: number }) => [u.unit.code, u.rank])).toEqual([[merged, 1], [stable, 2]]);
      expect(r2024.comparedCount).toBe(2);
      // …but the 2025 ranking compares the map of 31 December 2025, without it.
      const r2025 = await ranking(fw, 2025);
      expect(r2025.referenceDate).toBe("2025-12-31");
      expect(r2025.units.map((u: { unit: Item; rank: number; total: number }) => [u.unit.code, u.rank, u.total])).toEqual([
        [successor, 1, 4.5],
        [stable, 2, 2],
      ]);
      expect(r2025.comparedCount).toBe(2);
      expect(r2025.excluded).toEqual([{ unit: { code: merged }, reason: "NOT_VALID_ON_REFERENCE_DATE", message: expect.stringContaining("2025-06-30") }]);
      const history = ok(await server.gql(HISTORY, { framework: fw, unitCode: merged })).indexHistory;
      expect(history.map((h: Item) => [h.year, h.total, h.rank])).toEqual([[2024, 4, 1], [2025, 5, null]]);
    });

    it("a province's framework ranks its departments below it; a writer of that province may score them only", async () => {
      const fw = newFrameworkCode("DEPT");
      await framework({
        ...testFramework(fw),
        scoredKinds: ["PROVINCIAL_DEPARTMENT"],
        criteria: [{ code: "1", name: "Kết quả CCHC", maxPoints: 20 }],
      });
      const mine = newProvinceCodes();
      const other = newProvinceCodes();
      await units([
        { code: mine.province, name: "Tỉnh Của Tôi", kind: "PROVINCE" },
        { code: mine.child(1), name: "Sở Tư pháp", kind: "PROVINCIAL_DEPARTMENT", parentCode: mine.province },
        { code: mine.child(2), name: "Sở Nội vụ", kind: "PROVINCIAL_DEPARTMENT", parentCode: mine.province },
        { code: other.province, name: "Tỉnh Khác", kind: "PROVINCE" },
        { code: other.child(1), name: "Sở Tư pháp", kind: "PROVINCIAL_DEPARTMENT", parentCode: other.province },
      ]);
      await submit([score(fw, 2024, other.child(1), "1", { selfScore: 19 })]);
      const writer = await token(["WRITER"], mine.province);
      const result = await submit(
        [
          score(fw, 2024, mine.child(1), "1", { selfScore: 15.5 }),
          score(fw, 2024, mine.child(2), "1", { selfScore: 17 }),
          score(fw, 2024, other.child(1), "1", { selfScore: 1 }),
        ],
        writer,
      );
      expect(result.items.map((i) => [i.ok, i.error?.code, i.error?.field])).toEqual([
        [true, undefined, undefined],
        [true, undefined, undefined],
        [false, "FORBIDDEN", "unitCode"],
      ]);
      expect(await scores(fw, 2024, other.child(1))).toMatchObject([{ selfScore: 19 }]);

      const r = await ranking(fw, 2024, mine.province);
      expect(r.parent).toEqual({ code: mine.province });
      expect(r.units.map((u: { unit: Item; rank: number; total: number }) => [u.unit.code, u.rank, u.total])).toEqual([
        [mine.child(2), 1, 17],
        [mine.child(1), 2, 15.5],
      ]);
      expect((await ranking(fw, 2024)).comparedCount).toBe(3);

      const anonymous = await server.gql(SUBMIT, { input: [score(fw, 2024, mine.child(1), "1", { selfScore: 2 })] });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(await scores(fw, 2024, mine.child(1))).toMatchObject([{ selfScore: 15.5 }]);
    });

    it("published results show their published rank beside the computed ranking, and alone when no scores exist", async () => {
      const fw = newFrameworkCode();
      await framework(testFramework(fw));
      const [scored, onlyPublished] = (await provinces(2)) as [string, string];
      await submit([score(fw, 2020, scored, "2", { appraisedScore: 4 })]);
      const result = await publish([
        { framework: fw, year: 2020, unitCode: onlyPublished, total: 16.55, rank: 13, rankOf: 63, source: "Bộ Nội vụ" },
        { framework: fw, year: 2020, unitCode: scored, total: 4, rank: 40, rankOf: 63 },
        { framework: fw, year: 2020, unitCode: scored, total: 20.5, rank: 1, rankOf: 63 },
        { framework: fw, year: 2020, unitCode: onlyPublished, total: 10, rank: 64, rankOf: 63 },
      ]);
      expect(result.items.map((i) => [i.error?.code, i.error?.field])).toEqual([
        [undefined, undefined],
        [undefined, undefined],
        ["OUT_OF_RANGE", "total"],
        ["OUT_OF_RANGE", "rank"],
      ]);
      const again = await publish([{ framework: fw, year: 2020, unitCode: onlyPublished, total: 16.55, rank: 13, rankOf: 63, source: "Bộ Nội vụ" }]);
      expect(again).toMatchObject({ unchanged: 1 });

      const r = await ranking(fw, 2020);
      expect(r.comparedCount).toBe(1);
      expect(r.units).toEqual([
        expect.objectContaining({ unit: { code: scored }, rank: 1, total: 4, computed: true, publishedTotal: 4, publishedRank: 40, publishedOf: 63 }),
        expect.objectContaining({
          unit: { code: onlyPublished }, rank: null, total: 16.55, computed: false, fields: [], publishedTotal: 16.55, publishedRank: 13,
          publishedOf: 63, source: "Bộ Nội vụ",
        }),
      ]);
    });

    it("a ranking costs the same number of statements whatever the number of units", async () => {
      // Statements the request itself sent (the x-sql-statements header), not the server's background work.
      const count = async (fw: string) => {
        const res = await server.gql(RANKING, { framework: fw, year: 2024 });
        ok(res);
        return res.statements;
      };
      const small = newFrameworkCode();
      const large = newFrameworkCode();
      await framework(testFramework(small));
      await framework(testFramework(large));
      const [one] = (await provinces(1)) as [string];
      const many = await provinces(6);
      await submit([score(small, 2024, one, "2", { selfScore: 1 })]);
      await submit(many.flatMap((p, i) => [score(large, 2024, p, "2", { selfScore: i / 2 }), score(large, 2024, p, "1.1", { selfScore: 1 })]));
      expect(await count(large)).toBe(await count(small));
    });
  });
});

describe("the demo indexes", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    const writer = { db: server.database.db, viewer: bootstrapAdmin(), config: loadConfig({ NODE_ENV: "test", DEMO_DATA: "false" }) };
    await loadDemoUnits(writer);
    await loadDemoIndexes(writer);
    // Loading twice changes nothing (the demo loader may run after a partial start).
    await loadDemoIndexes(writer);
  });
  afterAll(() => server?.close());

  it("the PAR Index 2017–2020 has the eight fields of 100 points with their responsible departments", async () => {
    const par = ok(await server.gql(FRAMEWORK, { code: "PAR_PROVINCE" })).indexFramework;
    expect(par).toMatchObject({ maxTotal: 100, fromYear: 2017, toYear: 2020, scoredKinds: ["PROVINCE"], isDemo: true });
    expect(par.criteria.map((c: Item) => c.maxPoints)).toEqual([10, 10, 14.5, 11, 16, 7, 16, 15.5]);
    expect(par.criteria.map((c: Item) => c.responsible)).toEqual([
      "Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Nội vụ", "Sở Tài chính", null, null,
    ]);
    expect(par.criteria[2].name).toBe("Cải cách thủ tục hành chính");
    const sipas = ok(await server.gql(FRAMEWORK, { code: "SIPAS" })).indexFramework;
    expect(sipas.criteria).toMatchObject([{ code: "1", maxPoints: 100, method: "SURVEY", isLeaf: true }]);
  });

  it("Bắc Giang 2017 shows its published result, 82.74, 13th of 63, without invented scores of other provinces", async () => {
    const r = ok(await server.gql(RANKING, { framework: "PAR_PROVINCE", year: 2017 })).indexRanking;
    expect(r.comparedCount).toBe(0);
    expect(r.units).toEqual([
      expect.objectContaining({
        unit: { code: demoUnitCodes.bacGiang }, rank: null, total: 82.74, computed: false, publishedRank: 13, publishedOf: 63,
      }),
    ]);
    const history = ok(await server.gql(HISTORY, { framework: "PAR_PROVINCE", unitCode: demoUnitCodes.bacGiang })).indexHistory;
    expect(history).toMatchObject([{ year: 2017, total: null, rank: null, publishedTotal: 82.74, publishedRank: 13, publishedOf: 63 }]);
  });
});
