import { describe, expect, it } from "vitest";
import { addYears, checkPeriod, monthsOf, splitPeriod } from "../../src/modules/dashboards/query/dashboard-period.js";
import { mergeRollupDeltas, rollupDelta, rollupFactsOf } from "../../src/modules/rollups/rollup-facts.js";

const DUE = new Date("2021-06-10T10:00:00Z");
const row = (extra: Record<string, unknown> = {}) => ({
  agencyId: 7, procedureId: 3, channel: "DIRECT" as const, status: "ACCEPTED" as const,
  effectiveDueAt: DUE, supplementSince: null as Date | null,
  // 17:30 UTC on 31 May is 00:30 on 1 June in Vietnam: the receipt counts on 1 June.
  receivedAt: new Date("2021-05-31T17:30:00Z"), finishedAt: null as Date | null, timeliness: null as "EARLY" | "ON_TIME" | "LATE" | null,
  paidOnline: false, digitised: false, electronicResult: false, ...extra,
});
const procedure = { field: "Tư pháp", feeVnd: 20_000 };

describe("rollup facts and deltas", () => {
  it("counts a receipt on the Vietnamese date in a DAY and a MONTH row, by channel and by field", () => {
    const delta = rollupDelta(null, rollupFactsOf(row(), procedure));
    expect(delta.main.map((d) => [d.span, d.start, d.channel, d.received, d.feeDue])).toEqual([
      ["DAY", "2021-06-01", "DIRECT", 1, 1],
      ["MONTH", "2021-06-01", "DIRECT", 1, 1],
    ]);
    expect(delta.field.map((d) => [d.span, d.start, d.field, d.received])).toEqual([
      ["DAY", "2021-06-01", "Tư pháp", 1],
      ["MONTH", "2021-06-01", "Tư pháp", 1],
    ]);
  });

  it("changes nothing for a status event that neither receives nor ends a dossier", () => {
    const before = rollupFactsOf(row(), procedure);
    const after = rollupFactsOf(row({ status: "IN_PROCESS" }), procedure);
    expect(rollupDelta(before, after)).toEqual({ main: [], field: [], open: [] });
  });

  it("counts an open dossier with what classifies it, and uncounts it when it ends or its due instant moves", () => {
    const open = rollupFactsOf(row(), procedure);
    expect(rollupDelta(null, open).open).toEqual([{ agencyId: 7, procedureId: 3, effectiveDueAt: DUE, supplementSince: null, sign: 1 }]);
    const waiting = rollupFactsOf(row({ status: "SUPPLEMENT_REQUESTED", supplementSince: new Date("2021-06-03T02:00:00Z") }), procedure);
    expect(rollupDelta(open, waiting).open.map((d) => [d.supplementSince?.toISOString() ?? null, d.sign])).toEqual([
      [null, -1],
      ["2021-06-03T02:00:00.000Z", 1],
    ]);
    const resolved = rollupFactsOf(row({ status: "RESOLVED", finishedAt: new Date("2021-06-04T03:00:00Z"), timeliness: "EARLY" }), procedure);
    expect(rollupDelta(open, resolved).open).toEqual([{ agencyId: 7, procedureId: 3, effectiveDueAt: DUE, supplementSince: null, sign: -1 }]);
  });

  it("counts the end of handling on its own date, resolved by timeliness, stopped and refused apart", () => {
    const before = rollupFactsOf(row(), procedure);
    const resolved = rollupFactsOf(row({ status: "RESOLVED", finishedAt: new Date("2021-07-02T03:00:00Z"), timeliness: "LATE" }), procedure);
    expect(rollupDelta(before, resolved).main.map((d) => [d.span, d.start, d.received, d.late])).toEqual([
      ["DAY", "2021-07-02", 0, 1],
      ["MONTH", "2021-07-01", 0, 1],
    ]);
    const stopped = rollupFactsOf(row({ status: "STOPPED", finishedAt: new Date("2021-07-02T03:00:00Z"), timeliness: "EARLY" }), procedure);
    expect(rollupDelta(before, stopped).main.map((d) => [d.stopped, d.early])).toEqual([[1, 0], [1, 0]]);
    // A RETURNED dossier keeps the outcome it had when resolved.
    const returned = rollupFactsOf(row({ status: "RETURNED", finishedAt: new Date("2021-07-02T03:00:00Z"), timeliness: "LATE" }), procedure);
    expect(rollupDelta(resolved, returned)).toEqual({ main: [], field: [], open: [] });
  });

  it("moves counts when a resend changes the channel, a flag or the timeliness", () => {
    const finished = { status: "RESOLVED", finishedAt: new Date("2021-06-02T03:00:00Z"), timeliness: "ON_TIME" };
    const before = rollupFactsOf(row(finished), procedure);
    const after = rollupFactsOf(row({ ...finished, channel: "ONLINE", paidOnline: true, timeliness: "LATE" }), procedure);
    const day = rollupDelta(before, after).main.filter((d) => d.span === "DAY");
    expect(day.map((d) => [d.start, d.channel, d.received, d.paidOnline, d.feeDue, d.onTime, d.late])).toEqual([
      ["2021-06-01", "DIRECT", -1, 0, -1, 0, 0],
      ["2021-06-01", "ONLINE", 1, 1, 1, 0, 0],
      ["2021-06-02", "DIRECT", 0, 0, 0, -1, 0],
      ["2021-06-02", "ONLINE", 0, 0, 0, 0, 1],
    ]);
    // The field rows see only the timeliness change.
    expect(rollupDelta(before, after).field.filter((d) => d.span === "DAY").map((d) => [d.start, d.onTime, d.late])).toEqual([["2021-06-02", -1, 1]]);
  });

  it("merges the deltas of a batch, cancelling what one write counts and a later one uncounts", () => {
    const received = rollupDelta(null, rollupFactsOf(row(), procedure));
    const resolved = rollupDelta(
      rollupFactsOf(row(), procedure),
      rollupFactsOf(row({ status: "RESOLVED", finishedAt: new Date("2021-06-04T03:00:00Z"), timeliness: "EARLY" }), procedure),
    );
    const merged = mergeRollupDeltas([received, resolved]);
    expect(merged.open).toEqual([]);
    expect(merged.main.filter((d) => d.span === "DAY").map((d) => [d.start, d.received, d.early])).toEqual([
      ["2021-06-01", 1, 0],
      ["2021-06-04", 0, 1],
    ]);
  });

  it("counts a fee due when the procedure has a fee or the dossier was paid online", () => {
    expect(rollupFactsOf(row(), { field: "x", feeVnd: null }).feeDue).toBe(false);
    expect(rollupFactsOf(row({ paidOnline: true }), { field: "x", feeVnd: 0 }).feeDue).toBe(true);
    expect(rollupFactsOf(row(), { field: "x", feeVnd: 1 }).feeDue).toBe(true);
  });
});

describe("dashboard periods", () => {
  it("splits a period into whole months and the days of its partial months", () => {
    expect(splitPeriod("2017-01-01", "2017-05-31")).toEqual({ from: "2017-01-01", to: "2017-05-31", months: { from: "2017-01-01", to: "2017-05-01" }, days: [] });
    expect(splitPeriod("2017-01-15", "2017-05-10")).toEqual({
      from: "2017-01-15", to: "2017-05-10", months: { from: "2017-02-01", to: "2017-04-01" },
      days: [{ from: "2017-01-15", to: "2017-01-31" }, { from: "2017-05-01", to: "2017-05-10" }],
    });
    expect(splitPeriod("2017-01-15", "2017-02-10")).toEqual({ from: "2017-01-15", to: "2017-02-10", months: null, days: [{ from: "2017-01-15", to: "2017-02-10" }] });
    expect(splitPeriod("2016-02-01", "2016-02-29").months).toEqual({ from: "2016-02-01", to: "2016-02-01" });
    expect(splitPeriod("2016-12-31", "2017-01-01")).toMatchObject({ months: null, days: [{ from: "2016-12-31", to: "2017-01-01" }] });
    expect(splitPeriod("2016-12-02", "2017-01-31")).toMatchObject({ months: { from: "2017-01-01", to: "2017-01-01" }, days: [{ from: "2016-12-02", to: "2016-12-31" }] });
  });

  it("lists the months a period touches", () => {
    expect(monthsOf("2016-11-20", "2017-02-01")).toEqual(["2016-11", "2016-12", "2017-01", "2017-02"]);
  });

  it("rejects a period ending before it starts or longer than ten years, naming the argument", () => {
    expect(() => checkPeriod("2021-02-01", "2021-01-31")).toThrow(/^to: must not be before from/);
    expect(() => checkPeriod("2015-01-01", "2025-01-01")).toThrow(/^to: the period may span at most 10 years/);
    expect(() => checkPeriod("2015-01-01", "2024-12-31")).not.toThrow();
    expect(addYears("2016-02-29", 10)).toBe("2026-02-28");
  });
});
