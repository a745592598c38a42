/**
 * Parsing of cell values as one-stop exports write them: channels and statuses as words or portal codes, instants
 * as `dd/MM/yyyy HH:mm[:ss]` in Vietnam time or ISO 8601 with an offset, numbers, booleans and lists.
 */
import type { Channel, DossierStatus } from "../contract.js";
import { RowError } from "../errors.js";
import { fold } from "./normalise.js";

const CHANNEL_WORDS: Record<string, Channel> = {
  "1": "DIRECT",
  "2": "ONLINE",
  "3": "POSTAL",
  [fold("Trực tiếp")]: "DIRECT",
  [fold("Trực tuyến")]: "ONLINE",
  [fold("Qua mạng")]: "ONLINE",
  [fold("Bưu chính")]: "POSTAL",
  [fold("Bưu chính công ích")]: "POSTAL",
  [fold("Qua bưu chính")]: "POSTAL",
  direct: "DIRECT",
  online: "ONLINE",
  postal: "POSTAL",
};

/** The portal's status codes 1–10, the enum names and the names one-stop systems print. */
const STATUS_WORDS: Record<string, DossierStatus> = {};
const STATUS_NAMES: [DossierStatus, number, string[]][] = [
  ["SUBMITTED", 1, ["Mới đăng ký", "Chờ tiếp nhận", "Đã nộp", "Đã gửi", "Nộp hồ sơ"]],
  ["ACCEPTED", 2, ["Đã tiếp nhận", "Tiếp nhận"]],
  ["NOT_ACCEPTED", 3, ["Không tiếp nhận", "Từ chối tiếp nhận", "Từ chối"]],
  ["IN_PROCESS", 4, ["Đang xử lý", "Đang giải quyết"]],
  ["SUPPLEMENT_REQUESTED", 5, ["Yêu cầu bổ sung", "Yêu cầu bổ sung hồ sơ", "Chờ bổ sung", "Bổ sung hồ sơ"]],
  ["PAYMENT_REQUESTED", 6, ["Yêu cầu thực hiện nghĩa vụ tài chính", "Chờ thanh toán", "Yêu cầu thanh toán", "Chờ nộp phí"]],
  ["WITHDRAWAL_REQUESTED", 7, ["Công dân yêu cầu rút hồ sơ", "Yêu cầu rút hồ sơ", "Rút hồ sơ"]],
  ["STOPPED", 8, ["Dừng xử lý", "Dừng giải quyết"]],
  ["RESOLVED", 9, ["Đã xử lý xong", "Đã giải quyết", "Có kết quả", "Chờ trả kết quả", "Đã có kết quả"]],
  ["RETURNED", 10, ["Đã trả kết quả", "Trả kết quả"]],
];
for (const [status, code, names] of STATUS_NAMES) {
  STATUS_WORDS[String(code)] = status;
  STATUS_WORDS[fold(status)] = status;
  for (const name of names) STATUS_WORDS[fold(name)] = status;
}

/** The Vietnamese name of each status, as the exporter could print it. */
export const STATUS_VIETNAMESE: Readonly<Record<DossierStatus, string>> = Object.fromEntries(
  STATUS_NAMES.map(([status, , names]) => [status, names[0]!]),
) as Record<DossierStatus, string>;

export function parseChannel(field: string, value: string): Channel {
  const channel = CHANNEL_WORDS[fold(value)];
  if (!channel) {
    throw new RowError("INVALID_VALUE", `${field} must be Trực tiếp, Trực tuyến, Bưu chính, a portal code 1–3 or DIRECT/ONLINE/POSTAL (got "${value}")`, field);
  }
  return channel;
}

export function parseStatus(field: string, value: string): DossierStatus {
  const status = STATUS_WORDS[fold(value)];
  if (!status) throw new RowError("INVALID_VALUE", `${field} must be a portal status code 1–10 or a status name (got "${value}")`, field);
  return status;
}

const VN_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * An instant written as `dd/MM/yyyy HH:mm[:ss]` (Vietnam time, UTC+7) or ISO 8601 with an offset; `dd/MM/yyyy`
 * alone is midnight in Vietnam. The result is ISO 8601 with `+07:00`, as the hub prints it.
 */
export function parseInstant(field: string, value: string): string {
  const text = value.trim();
  const vn = VN_DATE_TIME.exec(text);
  if (vn) {
    const [, d, m, y, hh = "0", mm = "0", ss = "0"] = vn;
    const parts = [Number(y), Number(m), Number(d), Number(hh), Number(mm), Number(ss)] as const;
    const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
    const back = new Date(utc);
    if (back.getUTCDate() !== parts[2] || back.getUTCMonth() !== parts[1] - 1 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
      throw new RowError("INVALID_DATE", `${field} is not a real date and time (got "${value}")`, field);
    }
    return formatVn(new Date(utc - VN_OFFSET_MS));
  }
  if (ISO_WITH_OFFSET.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return formatVn(instant);
  }
  throw new RowError(
    "INVALID_DATE",
    `${field} must be dd/MM/yyyy HH:mm[:ss] (Vietnam time) or ISO 8601 with an offset, e.g. 2021-05-31T08:30:00+07:00 (got "${value}")`,
    field,
  );
}

/** A spreadsheet date cell: its wall-clock reading (which spreadsheets store without a zone) taken as Vietnam time. */
export function spreadsheetDateToVn(cell: Date): string {
  return formatVn(new Date(cell.getTime() - VN_OFFSET_MS));
}

/** ISO 8601 in Vietnam time, `2021-05-31T08:30:00+07:00`. */
export function formatVn(instant: Date): string {
  return `${new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** A calendar date `YYYY-MM-DD`, from ISO or `dd/MM/yyyy`. */
export function parseDate(field: string, value: string): string {
  const text = value.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : text.slice(0, 10);
  const check = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    throw new RowError("INVALID_DATE", `${field} must be a date YYYY-MM-DD or dd/MM/yyyy (got "${value}")`, field);
  }
  return iso;
}

export function parseNumber(field: string, value: string, integer = false): number {
  const text = value.trim().replace(",", ".");
  const number = Number(text);
  if (text === "" || !Number.isFinite(number) || (integer && !Number.isInteger(number))) {
    throw new RowError("INVALID_VALUE", `${field} must be ${integer ? "a whole number" : "a number"} (got "${value}")`, field);
  }
  return number;
}

const TRUE_WORDS = new Set(["true", "1", "yes", "y", "x", "co"]);
const FALSE_WORDS = new Set(["false", "0", "no", "n", "khong"]);

export function parseBoolean(field: string, value: string): boolean {
  const word = fold(value);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new RowError("INVALID_VALUE", `${field} must be true/false, 1/0 or có/không (got "${value}")`, field);
}

/** A list cell: values separated by `;` or `|` (commas may be part of codes' neighbours in CSV). */
export function parseList(value: string): string[] {
  return value
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function parseEnum<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  const upper = value.trim().toUpperCase().replace(/[\s-]+/g, "_") as T;
  if (!allowed.includes(upper)) throw new RowError("INVALID_VALUE", `${field} must be one of ${allowed.join(", ")} (got "${value}")`, field);
  return upper;
}
