import { DOCUMENT_STATUSES, ONE_STOP_KINDS, ONLINE_KINDS, PROCEDURE_LEVELS, UNIT_KINDS } from "../contract.js";
import { parseBoolean, parseDate, parseEnum, parseList, parseNumber } from "../mapping/values.js";
import { fold } from "../mapping/normalise.js";
import { present, type Entity, type RowValues } from "./entity.js";

const opt = <T>(values: RowValues, field: string, parse: (field: string, value: string) => T): T | undefined =>
  values[field] === undefined ? undefined : parse(field, values[field]);

/** Agency units; the file is sorted so that parents come before their children. */
export const units: Entity = {
  name: "units",
  summary: "agency units (cơ quan, đơn vị); parents may come after their children in the file",
  ordering: "parents-first",
  columns: [
    { field: "code", aliases: ["Mã đơn vị", "Mã định danh"], required: true, description: "electronic code NNN.NN.NN.XNN" },
    { field: "name", aliases: ["Tên đơn vị"], required: true, description: "official name" },
    { field: "kind", aliases: ["Loại đơn vị"], required: true, description: UNIT_KINDS.join(", ") },
    { field: "parentCode", aliases: ["Mã đơn vị cha", "Mã đơn vị cấp trên"], description: "code of the parent unit" },
    { field: "gsoCode", aliases: ["Mã thống kê", "Mã hành chính"], description: "statistics office code (2, 3 or 5 digits)" },
    { field: "validFrom", aliases: ["Ngày thành lập"], description: "first day, YYYY-MM-DD or dd/MM/yyyy" },
    { field: "validTo", aliases: ["Ngày giải thể"], description: "last day" },
    { field: "address", aliases: ["Địa chỉ"], description: "postal address" },
  ],
  toWork(values) {
    const input = present({
      code: values.code,
      name: values.name,
      kind: parseEnum("kind", values.kind!, UNIT_KINDS),
      parentCode: values.parentCode,
      gsoCode: values.gsoCode,
      validFrom: opt(values, "validFrom", parseDate),
      validTo: opt(values, "validTo", parseDate),
      address: values.address,
    });
    return { items: [{ mutation: "upsertAgencyUnits", input }] };
  },
};

const LEVEL_WORDS: Record<string, (typeof PROCEDURE_LEVELS)[number]> = {
  [fold("Trung ương")]: "CENTRAL",
  [fold("Cấp tỉnh")]: "PROVINCE",
  [fold("Tỉnh")]: "PROVINCE",
  [fold("Cấp huyện")]: "DISTRICT",
  [fold("Huyện")]: "DISTRICT",
  [fold("Cấp xã")]: "COMMUNE",
  [fold("Xã")]: "COMMUNE",
};

/** Procedures (TTHC) of the catalogue. */
export const procedures: Entity = {
  name: "procedures",
  summary: "administrative procedures (thủ tục hành chính)",
  ordering: "free",
  columns: [
    { field: "code", aliases: ["Mã thủ tục"], required: true, description: "national code, e.g. 1.001445, or a local variant" },
    { field: "name", aliases: ["Tên thủ tục"], required: true, description: "name" },
    { field: "field", aliases: ["Lĩnh vực"], required: true, description: "field (lĩnh vực)" },
    { field: "level", aliases: ["Cấp thực hiện"], required: true, description: `${PROCEDURE_LEVELS.join(", ")} or Cấp tỉnh/huyện/xã` },
    { field: "statutoryDays", aliases: ["Thời hạn giải quyết"], required: true, description: "statutory processing time, working days" },
    { field: "committedDays", aliases: ["Thời hạn cam kết"], description: "committed (reduced) time, working days" },
    { field: "onlineKind", description: ONLINE_KINDS.join(", ") },
    { field: "oneStopKind", description: ONE_STOP_KINDS.join(", ") },
    { field: "agencyCodes", aliases: ["Cơ quan thực hiện"], description: "implementing agencies' codes, separated by ; or |" },
    { field: "feeVnd", aliases: ["Lệ phí"], description: "fee in đồng" },
    { field: "feeNote", description: "fee explanation" },
    { field: "postal", description: "postal receipt and return (true/false)" },
    { field: "iso9001", description: "ISO 9001 applied (true/false)" },
  ],
  toWork(values) {
    const level = LEVEL_WORDS[fold(values.level!)] ?? parseEnum("level", values.level!, PROCEDURE_LEVELS);
    const input = present({
      code: values.code,
      name: values.name,
      field: values.field,
      level,
      statutoryDays: parseNumber("statutoryDays", values.statutoryDays!),
      committedDays: opt(values, "committedDays", (f, v) => parseNumber(f, v)),
      onlineKind: opt(values, "onlineKind", (f, v) => parseEnum(f, v, ONLINE_KINDS)),
      oneStopKind: opt(values, "oneStopKind", (f, v) => parseEnum(f, v, ONE_STOP_KINDS)),
      agencyCodes: values.agencyCodes === undefined ? undefined : parseList(values.agencyCodes),
      feeVnd: opt(values, "feeVnd", (f, v) => parseNumber(f, v, true)),
      feeNote: values.feeNote,
      postal: opt(values, "postal", parseBoolean),
      iso9001: opt(values, "iso9001", parseBoolean),
    });
    return { items: [{ mutation: "upsertProcedures", input }] };
  },
};

/** Legal documents. */
export const documents: Entity = {
  name: "documents",
  summary: "legal documents (văn bản)",
  ordering: "free",
  columns: [
    { field: "symbol", aliases: ["Số ký hiệu", "Số hiệu"], required: true, description: "number/symbol, e.g. 53/KH-UBND" },
    { field: "summary", aliases: ["Trích yếu"], required: true, description: "summary (trích yếu)" },
    { field: "issuedOn", aliases: ["Ngày ban hành"], required: true, description: "date issued" },
    { field: "type", aliases: ["Loại văn bản"], description: "type code (QĐ, KH, …); read from the symbol when empty" },
    { field: "issuerCode", aliases: ["Mã cơ quan ban hành"], description: "issuing unit's code" },
    { field: "issuerName", aliases: ["Cơ quan ban hành"], description: "issuer's name" },
    { field: "signer", aliases: ["Người ký"], description: "signer" },
    { field: "effectiveFrom", aliases: ["Ngày hiệu lực"], description: "date in force" },
    { field: "expiresOn", aliases: ["Ngày hết hiệu lực"], description: "date expired" },
    { field: "status", aliases: ["Tình trạng hiệu lực"], description: DOCUMENT_STATUSES.join(", ") },
  ],
  toWork(values) {
    const input = present({
      symbol: values.symbol,
      summary: values.summary,
      issuedOn: parseDate("issuedOn", values.issuedOn!),
      type: values.type,
      issuerCode: values.issuerCode,
      issuerName: values.issuerName,
      signer: values.signer,
      effectiveFrom: opt(values, "effectiveFrom", parseDate),
      expiresOn: opt(values, "expiresOn", parseDate),
      status: opt(values, "status", (f, v) => parseEnum(f, v, DOCUMENT_STATUSES)),
    });
    return { items: [{ mutation: "upsertLegalDocuments", input }] };
  },
};
