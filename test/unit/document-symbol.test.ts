import { describe, expect, it } from "vitest";
import { parseDocumentSymbol, resolveDocumentType, type DocumentSymbol } from "../../src/modules/legal-documents/document-symbol.js";

function parsed(symbol: string): DocumentSymbol {
  const result = parseDocumentSymbol(symbol);
  if (!result.ok) throw new Error(`${symbol}: ${result.reason}`);
  return result.value;
}

function reason(symbol: string): string {
  const result = parseDocumentSymbol(symbol);
  if (result.ok) throw new Error(`${symbol} was accepted`);
  return result.reason;
}

describe("document number/symbol parsing (Decree 30/2020/NĐ-CP)", () => {
  it.each([
    ["53/KH-UBND", { number: 53, year: null, typeCode: "KH", issuerAbbr: "UBND", form: "INDIVIDUAL" }],
    ["26/CT-TTg", { number: 26, year: null, typeCode: "CT", issuerAbbr: "TTg", form: "INDIVIDUAL" }],
    ["21/NQ-CP", { number: 21, year: null, typeCode: "NQ", issuerAbbr: "CP", form: "INDIVIDUAL" }],
    ["766/QĐ-TTg", { number: 766, year: null, typeCode: "QĐ", issuerAbbr: "TTg", form: "INDIVIDUAL" }],
    ["12/CT-UBND", { number: 12, year: null, typeCode: "CT", issuerAbbr: "UBND", form: "INDIVIDUAL" }],
    ["60/BC-UBND", { number: 60, year: null, typeCode: "BC", issuerAbbr: "UBND", form: "INDIVIDUAL" }],
    ["61/2018/NĐ-CP", { number: 61, year: 2018, typeCode: "NĐ", issuerAbbr: "CP", form: "NORMATIVE" }],
    ["01/2015/TTLT-BTP-BNV", { number: 1, year: 2015, typeCode: "TTLT", issuerAbbr: "BTP-BNV", form: "NORMATIVE" }],
    ["12/2021/NQ-HĐND", { number: 12, year: 2021, typeCode: "NQ", issuerAbbr: "HĐND", form: "NORMATIVE" }],
    ["202/2025/QH15", { number: 202, year: 2025, typeCode: null, issuerAbbr: "QH15", form: "NORMATIVE" }],
    ["1563/UBND-NC", { number: 1563, year: null, typeCode: "CV", issuerAbbr: "UBND-NC", form: "OFFICIAL_LETTER" }],
    ["88/QyĐ-UBND", { number: 88, year: null, typeCode: "QyĐ", issuerAbbr: "UBND", form: "INDIVIDUAL" }],
    ["5/CTr-UBND", { number: 5, year: null, typeCode: "CTr", issuerAbbr: "UBND", form: "INDIVIDUAL" }],
  ])("reads %s", (symbol, expected) => {
    expect(parsed(symbol)).toEqual({ symbol, ...expected });
  });

  it("tells the official letter's issuer from its drafting unit only by position: the issuer comes first", () => {
    expect(parsed("1563/UBND-NC").issuerAbbr.split("-")).toEqual(["UBND", "NC"]);
  });

  it("stores a canonical form: NFC, no spaces around separators, Icelandic Ð read as Đ", () => {
    expect(parsed(" 53 / KH - UBND ").symbol).toBe("53/KH-UBND");
    expect(parsed("766/Q\u00D0-TTg").symbol).toBe("766/QĐ-TTg");
    expect(parsed("61/2018/N\u0110-CP".normalize("NFD")).typeCode).toBe("NĐ");
  });

  it.each([
    ["", "must look like"],
    ["KH-UBND", "must look like"],
    ["53/", "must look like"],
    ["53-KH-UBND", "must look like"],
    ["0/KH-UBND", "at least 1"],
    ["53/KH", "followed by the issuer"],
    ["53/KH-", "abbreviation"],
    ["53/kh-UBND", "capital letter"],
    ["53/KH-UB ND", "spaces"],
    ["53/KH-UBND!", "only letters and digits"],
    ["61/1800/NĐ-CP", "outside"],
    ["766/QD-TTg", "QĐ"],
    ["61/2018/ND-CP", "NĐ"],
    ["1/A-B-C-D-E-F-G", "more than 6"],
  ])("rejects %j with a reason naming the rule", (symbol, fragment) => {
    expect(reason(symbol)).toContain(fragment);
  });

  it("keeps type codes case-sensitive: CTR is an issuer, not the programme type CTr", () => {
    expect(parsed("5/CTR-UBND")).toMatchObject({ typeCode: "CV", issuerAbbr: "CTR-UBND" });
  });
});

describe("the document type of a symbol and a declared type", () => {
  it("takes the type code of the symbol when none is declared or the same one is", () => {
    expect(resolveDocumentType(parsed("53/KH-UBND"), null)).toEqual({ ok: true, code: "KH" });
    expect(resolveDocumentType(parsed("53/KH-UBND"), "KH")).toEqual({ ok: true, code: "KH" });
    expect(resolveDocumentType(parsed("1563/UBND-NC"), "CV")).toEqual({ ok: true, code: "CV" });
  });

  it("rejects a declared type that contradicts the symbol", () => {
    expect(resolveDocumentType(parsed("53/KH-UBND"), "QĐ")).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(resolveDocumentType(parsed("1563/UBND-NC"), "QĐ")).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(resolveDocumentType(parsed("202/2025/QH15"), "CV")).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("needs the declared type when the symbol carries year and issuer only", () => {
    expect(resolveDocumentType(parsed("202/2025/QH15"), "NQ")).toEqual({ ok: true, code: "NQ" });
    expect(resolveDocumentType(parsed("59/2020/QH14"), "L")).toEqual({ ok: true, code: "L" });
    expect(resolveDocumentType(parsed("202/2025/QH15"), null)).toMatchObject({ ok: false, code: "REQUIRED" });
  });

  it("rejects an unknown declared type code", () => {
    expect(resolveDocumentType(parsed("53/KH-UBND"), "XYZ")).toMatchObject({ ok: false, code: "INVALID_FORMAT" });
    expect(resolveDocumentType(parsed("202/2025/QH15"), "QD")).toMatchObject({ ok: false, code: "INVALID_FORMAT" });
  });
});
