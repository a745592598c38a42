import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { SUPPORTED_YEARS } from "./input-guard.js";

const VN_OFFSET_MS = 7 * 3600_000;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats an instant in Vietnam time with its offset: `2021-05-31T08:30:00.000+07:00`. */
export function formatVnDateTime(value: Date): string {
  return new Date(value.getTime() + VN_OFFSET_MS).toISOString().replace("Z", "+07:00");
}

/** Parses an ISO 8601 date-time that carries an offset; `null` when malformed or without offset. */
export function parseDateTime(value: string): Date | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  // Any year here: the supported range is checked where the value is used (a whole request's argument, or one
  // batch item), so that one item out of range rejects only itself, with a message naming the range.
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]), 1, 9999)) return null;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** True for an existing YYYY-MM-DD calendar date between years 1900 and 2199. */
export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDate(y: number, m: number, d: number, from: number = SUPPORTED_YEARS.from, to: number = SUPPORTED_YEARS.to): boolean {
  if (y < from || y > to || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function literalString(ast: { kind: string; value?: unknown }, name: string): string {
  if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`);
  return ast.value as string;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description:
    "An instant as ISO 8601 with an offset, e.g. `2021-05-31T08:30:00+07:00`, in the years 1900 to 2199. Inputs " +
    "without an offset are rejected; outputs are given in Vietnam time (+07:00).",
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime cannot represent an invalid date");
    return formatVnDateTime(date);
  },
  parseValue(value) {
    const date = typeof value === "string" ? parseDateTime(value) : null;
    if (!date) throw new GraphQLError(`DateTime must be ISO 8601 with an offset, e.g. 2021-05-31T08:30:00+07:00 (got ${JSON.stringify(value)})`);
    return date;
  },
  parseLiteral(ast) {
    return this.parseValue!(literalString(ast, "DateTime"));
  },
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date `YYYY-MM-DD` in Asia/Ho_Chi_Minh, from 1900 to 2199.",
  serialize(value) {
    return String(value);
  },
  parseValue(value) {
    if (typeof value !== "string" || !isValidDate(value)) {
      throw new GraphQLError(`Date must be an existing calendar date YYYY-MM-DD between ${SUPPORTED_YEARS.from}-01-01 and ${SUPPORTED_YEARS.to}-12-31 (got ${JSON.stringify(value)})`);
    }
    return value;
  },
  parseLiteral(ast) {
    return this.parseValue!(literalString(ast, "Date"));
  },
});

/** Today in Vietnam, as YYYY-MM-DD. */
export function vnToday(now: Date = new Date()): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}
