import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Context } from "./context.js";
import { statementScope } from "./db/client.js";

/** A request body over the configured size: answered 413 before any parsing. */
class BodyTooLarge extends Error {}

/** The request body as text; rejects with {@link BodyTooLarge} past `maxBytes` (events, not an async iterator: cheaper). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off("data", onData);
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Serves `/graphql` through Apollo's transport-neutral entry point: a small Node `http` integration that enforces
 * the body limit before parsing, with no web framework in between.
 */
export function graphqlHttpHandler(
  apollo: ApolloServer<Context>,
  buildContext: (req: IncomingMessage) => Promise<Context>,
  maxBodyBytes: number,
  /** Adds `x-sql-statements` (statements the operation sent) to responses; off in production. */
  statementHeader: boolean,
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    let body: unknown = undefined;
    if (req.method === "POST") {
      let raw: string;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader("connection", "close");
          return sendError(res, 413, `request body exceeds ${maxBodyBytes} bytes`, "BAD_USER_INPUT");
        }
        throw error;
      }
      if ((req.headers["content-type"] ?? "").includes("application/json")) {
        try {
          body = raw === "" ? {} : JSON.parse(raw);
        } catch {
          return sendError(res, 400, "request body is not valid JSON", "BAD_REQUEST");
        }
      } else {
        body = raw;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const statements = { count: 0 };
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? "GET", headers, search: url.search, body },
        context: () => buildContext(req),
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
