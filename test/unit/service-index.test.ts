import { describe, expect, it } from "vitest";
import facts from "../../src/demo/facts.json" with { type: "json" };
import { GROUP_MAXIMA, scoreServiceIndex, type ServiceIndexInput } from "../../src/modules/dashboards/service-index/scorecard.js";

const zero: ServiceIndexInput = {
  received: 0, receivedOnline: 0, early: 0, onTime: 0, late: 0, feeDue: 0, paidOnline: 0, digitised: 0,
  electronicResult: 0, overdue: 0, pendingInTime: 0, procedures: 0, onlineProcedures: 0,
};
const indicator = (result: ReturnType<typeof scoreServiceIndex>, key: string) =>
  result.groups.flatMap((g) => g.indicators).find((i) => i.key === key)!;
const group = (result: ReturnType<typeof scoreServiceIndex>, key: string) => result.groups.find((g) => g.key === key)!;

describe("the Decision 766 service index", () => {
  it("has the group maxima of facts.json, 100 in all", () => {
    const names = ["publicity and transparency", "progress of resolution", "online public services", "online payment", "digitisation", "satisfaction"];
    const keys = ["PUBLICITY", "PROGRESS", "ONLINE_SERVICE", "ONLINE_PAYMENT", "DIGITISATION", "SATISFACTION"] as const;
    for (const [i, key] of keys.entries()) {
      expect(facts.serviceIndex766Groups.find((g) => g.group === names[i])!.max).toBe(GROUP_MAXIMA[key]);
    }
    expect(scoreServiceIndex(zero).maxPoints).toBe(100);
  });

  it("scores a hand-computed case indicator by indicator", () => {
    const result = scoreServiceIndex({
      ...zero, received: 200, receivedOnline: 60, early: 100, onTime: 50, late: 10, feeDue: 40, paidOnline: 10,
      digitised: 50, electronicResult: 20, overdue: 5, pendingInTime: 15, procedures: 80, onlineProcedures: 30,
    });
    // 20 × 150 / 160 = 18.75
    expect(indicator(result, "resolvedInTime")).toMatchObject({ available: true, value: 150 / 160, points: 18.75, maxPoints: 20 });
    expect(indicator(result, "resolvedInTime").counts).toEqual([
      { name: "early", value: 100 }, { name: "onTime", value: 50 }, { name: "late", value: 10 }, { name: "resolved", value: 160 },
    ]);
    // 6 × 30 / 80 = 2.25; 30% online of the 50% target: 6 × 0.6 = 3.6
    expect(indicator(result, "proceduresOnline")).toMatchObject({ value: 0.375, points: 2.25, maxPoints: 6 });
    expect(indicator(result, "dossiersOnline")).toMatchObject({ value: 0.3, points: 3.6, maxPoints: 6 });
    expect(group(result, "ONLINE_SERVICE")).toMatchObject({ available: true, points: 5.85, scoredMaxPoints: 12, maxPoints: 12 });
    // 10 × 10 / 40 = 2.5
    expect(indicator(result, "paidOnline")).toMatchObject({ value: 0.25, points: 2.5 });
    // 11 × 50 / 200 = 2.75; 11 × 20 / 200 = 1.1
    expect(group(result, "DIGITISATION")).toMatchObject({ points: 3.85, scoredMaxPoints: 22 });
    // Publicity and satisfaction: no data, no points, a reason; satisfaction still shows its overdue counts.
    expect(group(result, "PUBLICITY")).toMatchObject({ available: false, points: null, scoredMaxPoints: 0 });
    expect(indicator(result, "publicity").reason).toMatch(/publication/);
    expect(indicator(result, "satisfaction")).toMatchObject({ available: false, points: null, value: null });
    expect(indicator(result, "satisfaction").reason).toMatch(/complaint/);
    expect(indicator(result, "satisfaction").counts).toContainEqual({ name: "overdue", value: 5 });
    expect(result).toMatchObject({
      points: 30.95, // 18.75 + 5.85 + 2.5 + 3.85
      scoredMaxPoints: 64, // 20 + 12 + 10 + 22
      maxPoints: 100,
      scoredShare: 30.95 / 64,
      scoredGroups: ["PROGRESS", "ONLINE_SERVICE", "ONLINE_PAYMENT", "DIGITISATION"],
      partlyScoredGroups: [],
      unscoredGroups: ["PUBLICITY", "SATISFACTION"],
    });
  });

  it("gives full online-submission points from half of the dossiers online, not more", () => {
    expect(indicator(scoreServiceIndex({ ...zero, received: 10, receivedOnline: 5 }), "dossiersOnline").points).toBe(6);
    expect(indicator(scoreServiceIndex({ ...zero, received: 10, receivedOnline: 8 }), "dossiersOnline")).toMatchObject({ value: 0.8, points: 6 });
    expect(indicator(scoreServiceIndex({ ...zero, received: 10, receivedOnline: 1 }), "dossiersOnline").points).toBe(1.2);
  });

  it("rounds points to two decimals and adds the rounded points", () => {
    const result = scoreServiceIndex({ ...zero, received: 3, early: 1, onTime: 1, late: 1, digitised: 1, electronicResult: 1 });
    expect(indicator(result, "resolvedInTime").points).toBe(13.33); // 20 × 2/3
    expect(indicator(result, "dossiersDigitised").points).toBe(3.67); // 11 × 1/3
    expect(group(result, "DIGITISATION").points).toBe(7.34);
    expect(result.points).toBe(20.67); // 13.33 + 0 (online) + 7.34
  });

  it("does not score an indicator without data, and says so per group and in the totals", () => {
    const result = scoreServiceIndex({ ...zero, procedures: 10, onlineProcedures: 5 });
    expect(indicator(result, "resolvedInTime")).toMatchObject({ available: false, points: null, reason: "no dossier was resolved in the period" });
    expect(indicator(result, "dossiersOnline")).toMatchObject({ available: false, points: null });
    expect(group(result, "ONLINE_SERVICE")).toMatchObject({ available: false, points: 3, scoredMaxPoints: 6 });
    expect(group(result, "ONLINE_SERVICE").reason).toMatch(/Dossiers submitted online: no dossier was received/);
    expect(result).toMatchObject({
      points: 3, scoredMaxPoints: 6, scoredShare: 0.5, scoredGroups: [], partlyScoredGroups: ["ONLINE_SERVICE"],
      unscoredGroups: ["PUBLICITY", "PROGRESS", "ONLINE_PAYMENT", "DIGITISATION", "SATISFACTION"],
    });
    expect(scoreServiceIndex(zero)).toMatchObject({ points: 0, scoredMaxPoints: 0, scoredShare: null, scoredGroups: [] });
  });
});
