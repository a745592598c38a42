import { describe, expect, it } from "vitest";
import type { AgencyUnitRow } from "../../src/db/schema/agency-units.js";
import type { IndexCriterionRow, IndexResultRow } from "../../src/db/schema/indexes.js";
import { criterionPoints, rankByTotal, scoreProblem, toHundredths } from "../../src/modules/indexes/index-points.js";
import { existsOn, rankUnits } from "../../src/modules/indexes/index-ranking.js";
import type { FieldPointsRow } from "../../src/modules/indexes/index-ranking.store.js";
import { criteriaTreeProblem, parentCodeOf } from "../../src/modules/indexes/index-tree.js";

let nextId = 1;
function unit(code: string, fields: Partial<AgencyUnitRow> = {}): AgencyUnitRow {
  return {
    id: nextId++, code, gsoCode: null, name: `Tỉnh ${code}`, kind: "PROVINCE", parentId: null, path: "1", validFrom: null,
    validTo: null, address: null, demo: false, createdAt: new Date(0), updatedAt: new Date(0), ...fields,
  };
}

function criterion(code: string, maxPoints: number, position: number): IndexCriterionRow {
  return { id: position + 1, frameworkId: 1, code, parentId: null, name: `Tiêu chí ${code}`, maxPoints, responsible: null, method: "APPRAISAL", position };
}

function published(unitId: number, total: number, rank: number, rankOf: number): IndexResultRow {
  return { frameworkId: 1, year: 2025, unitId, total, rank, rankOf, source: "công bố", updatedAt: new Date(0) };
}

/** Field 1 (10 points: 1.1 worth 6, 1.2 worth 4) and field 2 (5 points, a leaf): three leaves, 15 points. */
const CRITERIA = [criterion("1", 10, 0), criterion("1.1", 6, 1), criterion("1.2", 4, 2), criterion("2", 5, 3)];
const h = (points: number) => toHundredths(points)!;

describe("index points", () => {
  it("a criterion counts its appraised score, else its self-assessed score, plus the survey score", () => {
    expect(criterionPoints({ self: h(3), appraised: h(2.5), survey: h(1.25) })).toBe(h(3.75));
    expect(criterionPoints({ self: h(3), appraised: null, survey: null })).toBe(h(3));
    expect(criterionPoints({ self: null, appraised: null, survey: h(0.5) })).toBe(h(0.5));
    expect(criterionPoints({ self: h(0), appraised: null, survey: null })).toBe(0);
  });

  it("sums in hundredths, so 0.1 + 0.2 is exactly 0.3", () => {
    expect(h(0.1) + h(0.2)).toBe(h(0.3));
    expect(toHundredths(82.74)).toBe(8274);
    expect(toHundredths(1.005)).toBeNull();
    expect(toHundredths(Number.NaN)).toBeNull();
  });

  it("a score above the criterion's maximum, below zero or with three decimals is a problem naming its field", () => {
    expect(scoreProblem({ selfScore: 4.5 }, h(4), "1.2")).toMatchObject({ code: "OUT_OF_RANGE", field: "selfScore" });
    expect(scoreProblem({ appraisedScore: -0.25 }, h(4), "1.2")).toMatchObject({ code: "OUT_OF_RANGE", field: "appraisedScore" });
    expect(scoreProblem({ surveyScore: 1.234 }, h(4), "1.2")).toMatchObject({ code: "INVALID_FORMAT", field: "surveyScore" });
    expect(scoreProblem({ selfScore: 4, appraisedScore: 4, surveyScore: null }, h(4), "1.2")).toBeNull();
  });

  it("the appraised plus the survey score may not exceed the maximum, though each alone does not", () => {
    const problem = scoreProblem({ appraisedScore: 3, surveyScore: 1.5 }, h(4), "1.2");
    expect(problem).toMatchObject({ code: "OUT_OF_RANGE", field: "surveyScore" });
    expect(problem!.message).toContain("4.5");
    // The self-assessed score does not count once an appraised score exists.
    expect(scoreProblem({ selfScore: 4, appraisedScore: 2.5, surveyScore: 1.5 }, h(4), "1.2")).toBeNull();
  });
});

describe("competition ranking", () => {
  it("equal totals share a rank and the next rank skips (1, 2, 2, 4), equal totals ordered by code", () => {
    const ranked = rankByTotal(
      [
        { code: "D", total: 7000 },
        { code: "C", total: 8000 },
        { code: "A", total: 9000 },
        { code: "B", total: 8000 },
      ],
      (x) => x.total,
      (x) => x.code,
    );
    expect(ranked.map(({ item, rank }) => [item.code, rank])).toEqual([["A", 1], ["B", 2], ["C", 2], ["D", 4]]);
  });

  it("a tie at the top gives two firsts and then a third", () => {
    const ranked = rankByTotal([{ c: "X", t: 5 }, { c: "Y", t: 5 }, { c: "Z", t: 1 }], (x) => x.t, (x) => x.c);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

describe("ranking arithmetic", () => {
  const a = unit("000.00.00.H01");
  const b = unit("000.00.00.H02");
  const c = unit("000.00.00.H03");
  const merged = unit("000.00.00.H04", { validTo: "2025-06-30" });
  const district = unit("000.00.10.H01", { kind: "DISTRICT" });
  const publishedOnly = unit("000.00.00.H05");
  const rows: FieldPointsRow[] = [
    // a: 1.1 = 5.5, 1.2 = 3.25 → field 1 = 8.75; field 2 = 4.1; total 12.85, all three leaves scored.
    { unitId: a.id, field: "1", points: "8.75", scored: 2 },
    { unitId: a.id, field: "2", points: "4.10", scored: 1 },
    // b: field 1 = 7.85, field 2 = 5; total 12.85: ties with a.
    { unitId: b.id, field: "1", points: "7.85", scored: 2 },
    { unitId: b.id, field: "2", points: "5.00", scored: 1 },
    // c: field 2 only = 3; field 1 counts 0; total 3; one leaf of three.
    { unitId: c.id, field: "2", points: "3.00", scored: 1 },
    // merged: 14 points but gone before the reference date.
    { unitId: merged.id, field: "1", points: "9.00", scored: 2 },
    { unitId: merged.id, field: "2", points: "5.00", scored: 1 },
    { unitId: district.id, field: "2", points: "1.00", scored: 1 },
  ];
  const result = rankUnits({
    framework: { code: "PAR_TEST", scoredKinds: ["PROVINCE"] },
    criteria: CRITERIA,
    referenceDate: "2025-12-31",
    fieldPoints: rows,
    published: [{ result: published(publishedOnly.id, 88.5, 5, 34), unit: publishedOnly }, { result: published(a.id, 12.85, 1, 3), unit: a }],
    units: new Map([a, b, c, merged, district, publishedOnly].map((u) => [u.id, u])),
  });

  it("field points are the sums of their leaves and the total the sum of the fields", () => {
    const first = result.units[0]!;
    expect(first.unit.code).toBe(a.code);
    expect(first.fields).toEqual([
      { code: "1", name: "Tiêu chí 1", points: 8.75, maxPoints: 10 },
      { code: "2", name: "Tiêu chí 2", points: 4.1, maxPoints: 5 },
    ]);
    expect(first.total).toBe(12.85);
    const third = result.units[2]!;
    expect(third.fields.map((f) => f.points)).toEqual([0, 3]);
    expect(third.total).toBe(3);
  });

  it("ranks by total with shared ranks, and marks which units scored every leaf", () => {
    expect(result.units.map((u) => [u.unit.code, u.rank, u.total, u.complete, u.computed])).toEqual([
      [a.code, 1, 12.85, true, true],
      [b.code, 1, 12.85, true, true],
      [c.code, 3, 3, false, true],
      [publishedOnly.code, null, 88.5, false, false],
    ]);
    expect(result.comparedCount).toBe(3);
    expect(result.units[0]!.published).toMatchObject({ rank: 1, rankOf: 3 });
  });

  it("leaves out units that did not exist on the reference date or are of a kind not scored, keeping their totals", () => {
    expect(result.excluded.map((e) => [e.unit.code, e.reason, e.total])).toEqual([
      [merged.code, "NOT_VALID_ON_REFERENCE_DATE", 14],
      [district.code, "KIND_NOT_SCORED", 1],
    ]);
    expect(result.excluded[0]!.message).toContain("2025-06-30");
  });

  it("the same unit is compared in a year whose last day it existed on", () => {
    expect(existsOn(merged, "2024-12-31")).toBe(true);
    expect(existsOn(merged, "2025-12-31")).toBe(false);
    expect(existsOn(unit("x", { validFrom: "2025-07-01" }), "2025-06-30")).toBe(false);
  });
});

describe("criteria tree rules", () => {
  const draft = (list: [string, number][]) => list.map(([code, points]) => ({ code, maxPoints: h(points) }));

  it("accepts the eight PAR fields of 2017 adding up to 100", () => {
    const fields = draft([["1", 10], ["2", 10], ["3", 14.5], ["4", 11], ["5", 16], ["6", 7], ["7", 16], ["8", 15.5]]);
    expect(criteriaTreeProblem(fields, h(100))).toBeNull();
  });

  it("accepts a tree whose children add up to their parent", () => {
    expect(criteriaTreeProblem(draft([["1", 10], ["1.1", 6], ["1.2", 4], ["1.2.1", 1.5], ["1.2.2", 2.5], ["2", 5]]), h(15))).toBeNull();
  });

  it("names the parent whose children do not add up", () => {
    expect(criteriaTreeProblem(draft([["1", 10], ["1.1", 6], ["1.2", 3.5]]), h(10))).toEqual({
      field: "criteria[0].maxPoints",
      message: "the children of 1 (1.1, 1.2) add up to 9.5, not its maximum 10",
    });
  });

  it("names fields that do not add up to the maximum total", () => {
    expect(criteriaTreeProblem(draft([["1", 10], ["2", 10]]), h(100))).toMatchObject({ field: "maxTotal" });
  });

  it("rejects a repeated code, a missing parent, a malformed code and an empty list", () => {
    expect(criteriaTreeProblem(draft([["1", 5], ["1", 5]]), h(10))).toMatchObject({ field: "criteria[1].code" });
    expect(criteriaTreeProblem(draft([["1", 10], ["2.1", 0]]), h(10))).toMatchObject({ field: "criteria[1].code", message: expect.stringContaining("parent 2") });
    expect(criteriaTreeProblem(draft([["1..2", 10]]), h(10))).toMatchObject({ field: "criteria[0].code" });
    expect(criteriaTreeProblem([], h(10))).toMatchObject({ field: "criteria" });
  });

  it("derives the parent from the code", () => {
    expect(parentCodeOf("1.4.2")).toBe("1.4");
    expect(parentCodeOf("1")).toBeNull();
  });
});
