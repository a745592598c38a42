/**
 * Document type codes. Individual documents use the abbreviations of Decree 30/2020/NĐ-CP, appendix III (table of
 * abbreviations of document types); normative documents those of the Law on Promulgation of Legal Documents
 * (2015). Codes are case-sensitive and use the Vietnamese letter Đ (U+0110): `QĐ`, not `QD`.
 */
export interface DocumentTypeInfo {
  code: string;
  /** Vietnamese name, e.g. `Kế hoạch`. */
  name: string;
  /** A normative type whose symbol carries the year (`61/2018/NĐ-CP`). */
  normative: boolean;
}

/** Official letters (công văn) carry no type code in their symbol; the hub records them as `CV`. */
export const OFFICIAL_LETTER = "CV";

const TYPES: DocumentTypeInfo[] = [
  // Decree 30/2020/NĐ-CP, appendix III
  { code: "NQ", name: "Nghị quyết", normative: false },
  { code: "QĐ", name: "Quyết định", normative: false },
  { code: "CT", name: "Chỉ thị", normative: false },
  { code: "QC", name: "Quy chế", normative: false },
  { code: "QyĐ", name: "Quy định", normative: false },
  { code: "TC", name: "Thông cáo", normative: false },
  { code: "TB", name: "Thông báo", normative: false },
  { code: "HD", name: "Hướng dẫn", normative: false },
  { code: "CTr", name: "Chương trình", normative: false },
  { code: "KH", name: "Kế hoạch", normative: false },
  { code: "PA", name: "Phương án", normative: false },
  { code: "ĐA", name: "Đề án", normative: false },
  { code: "DA", name: "Dự án", normative: false },
  { code: "BC", name: "Báo cáo", normative: false },
  { code: "BB", name: "Biên bản", normative: false },
  { code: "TTr", name: "Tờ trình", normative: false },
  { code: "HĐ", name: "Hợp đồng", normative: false },
  { code: "CĐ", name: "Công điện", normative: false },
  { code: "BGN", name: "Bản ghi nhớ", normative: false },
  { code: "BTT", name: "Bản thỏa thuận", normative: false },
  { code: "GUQ", name: "Giấy ủy quyền", normative: false },
  { code: "GM", name: "Giấy mời", normative: false },
  { code: "GGT", name: "Giấy giới thiệu", normative: false },
  { code: "GNP", name: "Giấy nghỉ phép", normative: false },
  { code: "PG", name: "Phiếu gửi", normative: false },
  { code: "PC", name: "Phiếu chuyển", normative: false },
  { code: "PB", name: "Phiếu báo", normative: false },
  { code: OFFICIAL_LETTER, name: "Công văn", normative: false },
  // Normative documents (their symbols add the year)
  { code: "HP", name: "Hiến pháp", normative: true },
  { code: "L", name: "Luật", normative: true },
  { code: "PL", name: "Pháp lệnh", normative: true },
  { code: "NĐ", name: "Nghị định", normative: true },
  { code: "TT", name: "Thông tư", normative: true },
  { code: "TTLT", name: "Thông tư liên tịch", normative: true },
  { code: "NQLT", name: "Nghị quyết liên tịch", normative: true },
];

const BY_CODE = new Map(TYPES.map((type) => [type.code, type]));

/** Every known type, in the order of the decree's table. */
export function documentTypes(): readonly DocumentTypeInfo[] {
  return TYPES;
}

/** The type with exactly this code, or undefined. */
export function documentType(code: string): DocumentTypeInfo | undefined {
  return BY_CODE.get(code);
}

/** True for a known code other than `CV` (which never appears inside a symbol). */
export function isSymbolTypeCode(code: string): boolean {
  return code !== OFFICIAL_LETTER && BY_CODE.has(code);
}

/**
 * The known code written without the letter Đ (`QD` for `QĐ`, `ND` for `NĐ`), a frequent typing mistake that would
 * otherwise be read as an official letter of an issuer called `QD`.
 */
export function lookalikeTypeCode(segment: string): string | undefined {
  if (BY_CODE.has(segment) || !/D/.test(segment)) return undefined;
  for (const code of BY_CODE.keys()) {
    if (code.includes("Đ") && code.replace(/Đ/g, "D") === segment) return code;
  }
  return undefined;
}
