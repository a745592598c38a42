import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** What the log line and the metrics of one operation report, filled in as the request goes through the pipeline. */
export interface OperationTrace {
  requestId: string;
  operationName: string | null;
  /** query, mutation or subscription; null when the operation never got that far (parse error, body too large). */
  operationType: string | null;
  tokenLabel: string | null;
  /** `extensions.code` of every error returned (INTERNAL for unexpected ones). */
  errorCodes: string[];
}

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is a plain token of at most 128 characters, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

export function newTrace(requestId: string): OperationTrace {
  return { requestId, operationName: null, operationType: null, tokenLabel: null, errorCodes: [] };
}

/** The code a client sees for an error: its `extensions.code`, INTERNAL when it has none. */
export function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === "string" ? code : "INTERNAL";
}
