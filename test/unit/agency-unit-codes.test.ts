import { describe, expect, it } from "vitest";
import {
  ancestorIdsOf,
  gsoCodeProblem,
  isAgencyCode,
  levelOfKind,
  nextDay,
  parentPathOf,
  referenceDate,
} from "../../src/modules/agency-units/agency-unit.codes.js";
import { AdministrativeLevel, AgencyUnitKind } from "../../src/modules/agency-units/agency-unit.types.js";

describe("agency unit codes", () => {
  it("accepts electronic codes of the form NNN.NN.NN.XNN and nothing else", () => {
    for (const code of ["000.00.00.H30", "000.17.22.H56", "123.45.67.Z01"]) expect(isAgencyCode(code), code).toBe(true);
    for (const code of ["000.00.00.h30", "000.00.00.H3", "00.000.00.H30", "000.00.00.HH30", "000.00.00.H30 ", "000-00-00-H30", ""]) {
      expect(isAgencyCode(code), code).toBe(false);
    }
  });

  it("checks GSO codes by kind: 2 digits for a province, 3 for a district, 5 for a commune, none for a department", () => {
    expect(gsoCodeProblem(AgencyUnitKind.PROVINCE, "01")).toBeNull();
    expect(gsoCodeProblem(AgencyUnitKind.DISTRICT, "018")).toBeNull();
    expect(gsoCodeProblem(AgencyUnitKind.TOWNSHIP, "00565")).toBeNull();
    expect(gsoCodeProblem(AgencyUnitKind.PROVINCE, "001")).toMatch(/2 digits/);
    expect(gsoCodeProblem(AgencyUnitKind.COMMUNE, "0056a")).toMatch(/digits only/);
    expect(gsoCodeProblem(AgencyUnitKind.PROVINCIAL_DEPARTMENT, "01")).toMatch(/no GSO code/);
  });

  it("derives the tier of government from the kind; a service unit has none of its own", () => {
    expect(levelOfKind(AgencyUnitKind.MINISTRY)).toBe(AdministrativeLevel.CENTRAL);
    expect(levelOfKind(AgencyUnitKind.PROVINCIAL_DEPARTMENT)).toBe(AdministrativeLevel.PROVINCE);
    expect(levelOfKind(AgencyUnitKind.DISTRICT_OFFICE)).toBe(AdministrativeLevel.DISTRICT);
    expect(levelOfKind(AgencyUnitKind.WARD)).toBe(AdministrativeLevel.COMMUNE);
    expect(levelOfKind(AgencyUnitKind.SERVICE_UNIT)).toBeNull();
  });

  it("reads ancestors and the parent location from an ltree path", () => {
    expect(ancestorIdsOf("1.5.27")).toEqual([1, 5]);
    expect(ancestorIdsOf("1")).toEqual([]);
    expect(parentPathOf("1.5.27")).toBe("1.5");
    expect(parentPathOf("1")).toBeNull();
  });

  it("reads a unit's relations on today clamped into its validity", () => {
    expect(referenceDate({ validFrom: null, validTo: null }, "2026-01-01")).toBe("2026-01-01");
    expect(referenceDate({ validFrom: null, validTo: "2025-06-30" }, "2026-01-01")).toBe("2025-06-30");
    expect(referenceDate({ validFrom: "2027-01-01", validTo: null }, "2026-01-01")).toBe("2027-01-01");
    expect(nextDay("2025-06-30")).toBe("2025-07-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });
});
