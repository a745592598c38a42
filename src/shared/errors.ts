import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** The `extensions.code` values of the public contract. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "RATE_LIMITED"
  | "INTERNAL";

const PUBLIC_CODES = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "RATE_LIMITED",
  // Produced by Apollo and graphql-js for malformed requests; they name no internals.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** An expected failure whose message is safe to show to the caller. */
export class SafeError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Bad input for the whole request; `field` is the argument path, e.g. `filter.issuedFrom`. */
export class BadInputError extends SafeError {
  constructor(field: string, message: string) {
    super("BAD_USER_INPUT", `${field}: ${message}`, { field });
  }
}

export class NotFoundError extends SafeError {
  constructor(what: string, key: string) {
    super("NOT_FOUND", `${what} ${JSON.stringify(key)} does not exist`);
  }
}

export class ForbiddenError extends SafeError {
  constructor(message = "this token may not do that") {
    super("FORBIDDEN", message);
  }
}

export class UnauthenticatedError extends SafeError {
  constructor(message = "the token is missing, malformed, expired or revoked") {
    // Apollo answers errors thrown while building the context with this status (and strips `http` from the body).
    super("UNAUTHENTICATED", message, { http: { status: 401 } });
  }
}

/**
 * The one error formatter of both transports: contract codes pass through with their message; anything else
 * becomes a generic `INTERNAL` error without stack trace, SQL or internal message, whatever `NODE_ENV` says (a
 * deployment that forgets `NODE_ENV=production` must not leak); `onInternal` logs it, redacted.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, onInternal: (original: unknown) => void) {
  const code = formatted.extensions?.code;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const safe = original instanceof SafeError || (typeof code === "string" && PUBLIC_CODES.has(code) && !isDbError(original));
  if (safe) {
    // `http` is read by Apollo for the status; WebSocket clients have no use for it.
    const { stacktrace: _s, exception: _e, http: _h, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  onInternal(original);
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL" } };
}

function isDbError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "severity" in error && "code" in error;
}
