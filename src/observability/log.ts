/**
 * Structured logs (pino): JSON lines by default, one object per line on stdout; human-readable lines in development
 * on a terminal when `pino-pretty` is installed (a development dependency: production images log JSON).
 * Personal data and secrets never reach a log: the hub logs codes, counts and ids only, and the paths below are
 * censored as a second line of defence.
 */
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export type LogFormat = "json" | "pretty";

/** Keys censored wherever they appear one or two levels deep (request headers, error objects, bindings). */
const REDACTED = ["authorization", "token", "password", "parameters", "params", "query", "applicant", "identityNumber", "phone", "email", "name"];
const REDACT_PATHS = REDACTED.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** A logger that writes nothing: scripts and the default of components built outside a server. */
export const silentLogger: Logger = pino({ level: "silent" });

/** A logger writing to `destination` (stdout when absent). */
export async function createLogger(options: { level: string; format: LogFormat; destination?: DestinationStream }): Promise<Logger> {
  const base = { level: options.level, base: { service: "lienthong" }, redact: { paths: REDACT_PATHS, censor: "[redacted]" } };
  if (options.destination) return pino(base, options.destination);
  if (options.format === "pretty") {
    const pretty = await import("pino-pretty").then((m) => m.default, () => null);
    if (pretty) return pino(base, pretty({ colorize: true, ignore: "pid,hostname,service", translateTime: "SYS:HH:MM:ss.l" }));
  }
  return pino(base);
}

/**
 * What may be logged of an unexpected error: its class, the database's SQLSTATE and constraint, the database's own
 * message (which names no values), never the statement or its parameters (drizzle's message carries both) nor a
 * `detail` (PostgreSQL puts the offending key's values there).
 */
export function safeError(error: unknown): Record<string, unknown> {
  const cause = error instanceof Error && error.constructor.name === "DrizzleQueryError" && error.cause ? error.cause : error;
  if (!(cause instanceof Error)) return { type: typeof cause };
  const db = cause as Error & { code?: unknown; severity?: unknown; constraint_name?: unknown; constraint?: unknown; table_name?: unknown; table?: unknown };
  if (db.severity !== undefined && db.code !== undefined) {
    return { type: "DatabaseError", sqlstate: db.code, message: db.message, constraint: db.constraint_name ?? db.constraint, table: db.table_name ?? db.table };
  }
  // Errors of the hub's own code carry no values in their message; the stack says where.
  return { type: cause.constructor.name, message: cause.message, stack: cause.stack };
}
