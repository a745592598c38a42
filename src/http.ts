import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Context } from "./context.js";
import { statementScope } from "./db/client.js";
import type { OperationTrace } from "./observability/trace.js";
import type { SafeError } from "./shared/errors.js";

/** A request body over the configured size: answered 413 before any parsing. */
class BodyTooLarge extends Error {}

/** Past this many bytes a body over the limit is no longer drained: the connection is cut. */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024;

/**
 * The request body as text; rejects with {@link BodyTooLarge} past `maxBytes` (events, not an async iterator:
 * cheaper). A body over the limit is still read to its end (and dropped): a server that answers and closes while
 * the client is still sending makes the client see a reset or EPIPE instead of the 413.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(req.headers["content-length"] ?? 0) > maxBytes ? maxBytes + 1 : 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
      if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.once("end", () => {
      if (size > maxBytes) reject(new BodyTooLarge());
      else resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    });
    req.once("error", reject);
  });
}

function sendError(res: ServerResponse, trace: OperationTrace, status: number, message: string, code: string): void {
  trace.errorCodes.push(code);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Serves `/graphql` through Apollo's transport-neutral entry point: a small Node `http` integration that enforces
 * the body limit before parsing, with no web framework in between.
 */
export function graphqlHttpHandler(
  apollo: ApolloServer<Context>,
  buildContext: (req: IncomingMessage, trace: OperationTrace) => Promise<Context>,
  maxBodyBytes: number,
  /** Adds `x-sql-statements` (statements the operation sent) to responses; off in production. */
  statementHeader: boolean,
  /** Refuses a query text before Apollo validates it (see `shapeGuard`). */
  precheck: (query: string) => SafeError | null,
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, trace: OperationTrace): Promise<void> => {
    let body: unknown = undefined;
    if (req.method === "POST") {
      let raw: string;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          // The body was read to its end, so closing after the answer resets nothing; a client that sends such
          // bodies gets a fresh connection for its next request instead of racing the keep-alive timeout.
          res.setHeader("connection", "close");
          return sendError(res, trace, 413, `request body exceeds ${maxBodyBytes} bytes`, "BAD_USER_INPUT");
        }
        throw error;
      }
      if ((req.headers["content-type"] ?? "").includes("application/json")) {
        try {
          body = raw === "" ? {} : JSON.parse(raw);
        } catch {
          return sendError(res, trace, 400, "request body is not valid JSON", "BAD_REQUEST");
        }
      } else {
        body = raw;
      }
    }
    const query = req.method === "POST" ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get("query");
    if (typeof query === "string") {
      const refused = precheck(query);
      if (refused) return sendError(res, trace, 400, refused.message, "BAD_USER_INPUT");
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const statements = { count: 0 };
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? "GET", headers, search: url.search, body },
        context: () => buildContext(req, trace),
      });
    // Only when the header is on: an AsyncLocalStorage in use makes Node track the context of every promise,
    // ~4% of the CPU time of a short query (bench profile).
    const response = statementHeader ? await statementScope.run(statements, execute) : await execute();
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (statementHeader) res.setHeader("x-sql-statements", String(statements.count));
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
