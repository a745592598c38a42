import { describe, expect, it } from "vitest";
import { formatCount, formatDecimal, formatInstant, formatRate } from "../../web/src/format.js";
import { monthPeriod, periodKind, quarterPeriod, yearPeriod } from "../../web/src/state.js";

describe("the dashboard page's Vietnamese formats", () => {
  it("group thousands with dots and mark decimals with a comma", () => {
    expect(formatCount(46_893)).toBe("46.893");
    expect(formatCount(1_234_567)).toBe("1.234.567");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(null)).toBe("–");
    expect(formatDecimal(82.74)).toBe("82,74");
    expect(formatDecimal(1234.5, 1)).toBe("1.234,5");
  });

  it("show rates with one decimal and a space before %, two when one would round up to 100 %", () => {
    expect(formatRate(0.922)).toBe("92,2\u00a0%");
    expect(formatRate(1)).toBe("100,0\u00a0%");
    expect(formatRate(0.9996)).toBe("99,96\u00a0%");
    expect(formatRate(null)).toBe("–");
  });

  it("give instants in Vietnam time", () => {
    expect(formatInstant("2017-05-31T17:30:00Z")).toBe("00:30 01/06/2017");
  });
});

describe("the dashboard page's periods", () => {
  it("recognise a month, a quarter, a year and anything else as custom", () => {
    expect(monthPeriod(2024, 2)).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(quarterPeriod(2017, 2)).toEqual({ from: "2017-04-01", to: "2017-06-30" });
    expect(periodKind("2017-04-01", "2017-06-30").kind).toBe("quarter");
    expect(periodKind(yearPeriod(2017).from, yearPeriod(2017).to).kind).toBe("year");
    expect(periodKind("2017-03-01", "2017-03-31").kind).toBe("month");
    expect(periodKind("2017-01-01", "2017-05-31").kind).toBe("custom");
  });
});
