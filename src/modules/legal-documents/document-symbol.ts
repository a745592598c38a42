import { OFFICIAL_LETTER, documentType, isSymbolTypeCode, lookalikeTypeCode } from "./document-types.js";

/**
 * The number and symbol (số, ký hiệu) of a document per Decree 30/2020/NĐ-CP:
 * - individual documents `53/KH-UBND`: number / type code - issuer abbreviation;
 * - official letters `1563/UBND-NC`: no type code; issuer abbreviation - drafting unit (type `CV`);
 * - normative documents `61/2018/NĐ-CP`: number / year / type code - issuer; laws and resolutions of the National
 *   Assembly `202/2025/QH15` carry the year and the issuer but no type code.
 */
export interface DocumentSymbol {
  /** The symbol as stored: NFC, no spaces, `Ð` (U+00D0) read as `Đ`. */
  symbol: string;
  number: number;
  /** The year written in a normative symbol; null when the symbol has none. */
  year: number | null;
  /** The type code; `CV` for official letters; null when the symbol does not tell (`202/2025/QH15`). */
  typeCode: string | null;
  /** Everything after the type code: `UBND`, `TTg`, `UBND-NC`, `QH15`, `BTP-BNV`. */
  issuerAbbr: string;
  form: "INDIVIDUAL" | "OFFICIAL_LETTER" | "NORMATIVE";
}

export type SymbolParse = { ok: true; value: DocumentSymbol } | { ok: false; reason: string };
export type TypeResolution = { ok: true; code: string } | { ok: false; code: "INVALID_FORMAT" | "CONFLICT" | "REQUIRED"; reason: string };

const SHAPE = /^(\d{1,6})\/(?:(\d{4})\/)?(.+)$/;
const SEGMENT = /^\p{Lu}[\p{L}\p{N}]{0,19}$/u;
const MAX_SEGMENTS = 6;

/** Puts a symbol into its stored form without judging it: NFC, Icelandic `Ð` as Vietnamese `Đ`, no spaces around `/` and `-`. */
export function canonicalSymbol(input: string): string {
  return input.normalize("NFC").trim().replace(/\u00D0/g, "\u0110").replace(/\s*([/-])\s*/g, "$1");
}

/** Parses and validates a number/symbol; the failure reason names the rule broken. */
export function parseDocumentSymbol(input: string): SymbolParse {
  const symbol = canonicalSymbol(input);
  const fail = (reason: string): SymbolParse => ({ ok: false, reason });
  if (/\s/.test(symbol)) return fail("must not contain spaces inside the number or the abbreviations");
  const shape = SHAPE.exec(symbol);
  if (!shape) return fail("must look like `53/KH-UBND`, `1563/UBND-NC` or `61/2018/NĐ-CP` (number/[year/]type-issuer)");
  const number = Number(shape[1]);
  if (number < 1) return fail("the number must be at least 1");
  const year = shape[2] === undefined ? null : Number(shape[2]);
  if (year !== null && (year < 1945 || year > 2199)) return fail(`the year ${year} is outside 1945–2199`);

  const segments = shape[3]!.split("-");
  if (segments.length > MAX_SEGMENTS) return fail(`has more than ${MAX_SEGMENTS} abbreviations`);
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) {
      return fail(`abbreviation ${JSON.stringify(segment)} must start with a capital letter and hold only letters and digits (at most 20)`);
    }
  }
  const [first, ...rest] = segments as [string, ...string[]];
  if (isSymbolTypeCode(first)) {
    if (rest.length === 0) return fail(`the type code ${first} must be followed by the issuer's abbreviation, e.g. ${first}-UBND`);
    return { ok: true, value: { symbol, number, year, typeCode: first, issuerAbbr: rest.join("-"), form: year === null ? "INDIVIDUAL" : "NORMATIVE" } };
  }
  const lookalike = lookalikeTypeCode(first);
  if (lookalike) return fail(`the type code must be written ${lookalike} (with the letter Đ), not ${first}`);
  if (year !== null) {
    return { ok: true, value: { symbol, number, year, typeCode: null, issuerAbbr: segments.join("-"), form: "NORMATIVE" } };
  }
  return { ok: true, value: { symbol, number, year, typeCode: OFFICIAL_LETTER, issuerAbbr: segments.join("-"), form: "OFFICIAL_LETTER" } };
}

/**
 * The document's type from its symbol and the declared `type`: they must agree; a symbol whose form does not tell
 * its type (`202/2025/QH15`) needs the declared one.
 */
export function resolveDocumentType(parsed: DocumentSymbol, declared: string | null | undefined): TypeResolution {
  if (declared != null && !documentType(declared)) {
    return { ok: false, code: "INVALID_FORMAT", reason: `type ${JSON.stringify(declared)} is not a known type code (e.g. KH, QĐ, NĐ, CV)` };
  }
  if (parsed.typeCode === null) {
    if (declared == null) return { ok: false, code: "REQUIRED", reason: `type is required: the symbol ${parsed.symbol} carries no type code` };
    if (declared === OFFICIAL_LETTER) return { ok: false, code: "CONFLICT", reason: "type CV (official letter) contradicts a symbol that carries a year" };
    return { ok: true, code: declared };
  }
  if (declared != null && declared !== parsed.typeCode) {
    const what = parsed.form === "OFFICIAL_LETTER" ? "is an official letter (CV)" : `has type code ${parsed.typeCode}`;
    return { ok: false, code: "CONFLICT", reason: `type ${declared} contradicts the symbol ${parsed.symbol}, which ${what}` };
  }
  return { ok: true, code: parsed.typeCode };
}
