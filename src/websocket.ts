import type { IncomingMessage, Server } from "node:http";
import { randomUUID } from "node:crypto";
import {
  getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type DocumentNode,
  type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Limits } from "./config.js";
import { createLoaders, type Context } from "./context.js";
import type { Logger } from "./observability/log.js";
import type { Metrics } from "./observability/metrics.js";
import { codeOf, requestIdOf } from "./observability/trace.js";
import { SafeError, UnauthenticatedError } from "./shared/errors.js";
import { checkArgumentValues } from "./shared/input-guard.js";
import { checkDocumentShape, checkOperationLimits, type RateLimiter } from "./shared/limits.js";

export interface WebSocketAdapterOptions {
  schema: GraphQLSchema;
  /** Resolves the connection's `authorization` parameter into a context; throws UNAUTHENTICATED. */
  connect: (authorization: unknown) => Promise<Context>;
  formatError: (error: GraphQLError) => GraphQLFormattedError;
  limits: Limits;
  rateLimiter: RateLimiter;
  introspection: boolean;
  /** Registers a listener for revoked token ids; returns the unregistering function. */
  onTokenRevoked: (listener: (tokenId: string) => void) => () => void;
  log: Logger;
  metrics: Metrics;
}

/** Close codes of this hub, beside graphql-ws's own. */
export const CLOSE_UNAUTHENTICATED = 4401;
/** The code a socket is closed with when its client reads too slowly (it resumes with its last cursor). */
export const CLOSE_TOO_SLOW = 4408;
/**
 * Bytes waiting in a socket's send buffer above which the client counts as too slow. Subscriptions are pull-based
 * (each waits for its previous message to be handed to the network), so this only trips when many operations of
 * one connection pile up.
 */
export const MAX_SOCKET_BUFFER_BYTES = 8 * 1024 * 1024;

/**
 * Parsed and validated operations by query text. Every subscription keeps its document for as long as it is
 * open, and dashboards open thousands with the same few queries: shared, one AST (with its tokens and locations,
 * ~10 KB) serves them all, and each text is parsed and validated once (as Apollo's document store does for HTTP).
 */
class DocumentCache {
  private readonly parsed = new Map<string, DocumentNode>();
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: typeof specifiedRules,
    private readonly max = 1_000,
  ) {}

  /** The document of a query text; throws the parser's error. */
  get(query: string): DocumentNode {
    let document = this.parsed.get(query);
    if (document) {
      // Most recently used last, so that the oldest entry is the first one dropped.
      this.parsed.delete(query);
    } else {
      document = parse(query);
      if (this.parsed.size >= this.max) this.parsed.delete(this.parsed.keys().next().value!);
    }
    this.parsed.set(query, document);
    return document;
  }

  /** The validation errors of a document (none when valid), computed once per document. */
  errors(document: DocumentNode): readonly GraphQLError[] {
    let errors = this.validated.get(document);
    if (!errors) this.validated.set(document, (errors = validate(this.schema, document, this.rules)));
    return errors;
  }
}

interface Connection {
  /** The upgrade request's `x-request-id`, or a fresh one: every log line of the connection carries it. */
  requestId: string;
  connectedAt: number;
  context?: Context;
  clientKey: string;
  subscriptions: Set<string>;
  expiryTimer?: NodeJS.Timeout;
}
/** `request` is dropped once the connection is accepted: nothing needs it later, and it holds the upgrade's headers. */
type Extra = { socket: WebSocket; request?: IncomingMessage; connection?: Connection };

/**
 * graphql-ws beside the HTTP server on the same port and path. Apollo's pipeline does not run for WebSocket
 * operations, so authentication, operation limits, rate limits, subscription caps and error masking are applied
 * here with the same functions the HTTP side uses.
 */
export function attachWebSocket(httpServer: Server, options: WebSocketAdapterOptions) {
  const { limits, log, metrics } = options;
  /** One log line and the metrics of a WebSocket operation, when it is accepted or refused. */
  const logOperation = (connection: Connection, document: DocumentNode | null, operationName: string | null | undefined, errors: readonly unknown[]) => {
    const operation = document ? getOperationAST(document, operationName) : null;
    const type = operation?.operation ?? "unknown";
    const name = operation?.name?.value ?? null;
    const codes = [...new Set(errors.map(codeOf))];
    const outcome = codes.length ? "error" : "ok";
    metrics.operations.inc({ operation: metrics.operationLabel(name), type, outcome, transport: "ws" });
    for (const code of codes) metrics.errors.inc({ code });
    log.info(
      { requestId: connection.requestId, transport: "ws", operationName: name, operationType: operation?.operation ?? null, tokenLabel: connection.context?.viewer.label ?? null, outcome, errorCodes: codes.length ? codes : undefined },
      "operation",
    );
  };
  const wss = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: limits.maxBodyBytes });
  const rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const documents = new DocumentCache(options.schema, rules);
  const perClient = new Map<string, number>();
  const open = new Map<WebSocket, Connection>();
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => options.formatError(e));
  // Errors returned from onSubscribe reach the client through onError, which masks them.
  const fail = (error: unknown): GraphQLError[] => [
    error instanceof GraphQLError ? error : new GraphQLError("Internal server error", { originalError: error as Error }),
  ];
  const release = (connection: Connection, id: string) => {
    if (!connection.subscriptions.delete(id)) return;
    const left = (perClient.get(connection.clientKey) ?? 1) - 1;
    if (left <= 0) perClient.delete(connection.clientKey);
    else perClient.set(connection.clientKey, left);
  };

  const stopRevocations = options.onTokenRevoked((tokenId) => {
    for (const [socket, connection] of open) {
      if (connection.context?.viewer.tokenId === tokenId) socket.close(CLOSE_UNAUTHENTICATED, "Token revoked");
    }
  });

  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        try {
          const context = await options.connect(ctx.connectionParams?.authorization);
          const viewer = context.viewer;
          const address = ctx.extra.request?.socket.remoteAddress ?? "?";
          const requestId = ctx.extra.request ? requestIdOf(ctx.extra.request) : randomUUID();
          Reflect.deleteProperty(ctx.extra, "request");
          const connection: Connection = { requestId, connectedAt: Date.now(), context, clientKey: viewer.tokenId ?? `ip:${address}`, subscriptions: new Set() };
          log.info({ requestId, transport: "ws", tokenLabel: viewer.label }, "ws connected");
          if (viewer.expiresAt) {
            const ms = viewer.expiresAt.getTime() - Date.now();
            // setTimeout holds at most ~24.8 days; longer-lived connections are re-checked on each subscribe.
            if (ms < 2 ** 31 - 1) connection.expiryTimer = setTimeout(() => socket.close(CLOSE_UNAUTHENTICATED, "Token expired"), ms);
          }
          ctx.extra.connection = connection;
          open.set(socket, connection);
          return true;
        } catch (error) {
          if (error instanceof UnauthenticatedError) {
            log.info({ transport: "ws", closeCode: CLOSE_UNAUTHENTICATED }, "ws refused: unauthenticated");
            socket.close(CLOSE_UNAUTHENTICATED, "Unauthenticated");
            return false;
          }
          throw error;
        }
      },
      onClose: (ctx, code, reason) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        log.info(
          { requestId: connection.requestId, transport: "ws", closeCode: code, reason: reason || undefined, durationMs: Date.now() - connection.connectedAt, operations: connection.subscriptions.size },
          "ws disconnected",
        );
        clearTimeout(connection.expiryTimer);
        for (const id of [...connection.subscriptions]) release(connection, id);
        open.delete(ctx.extra.socket);
      },
      onSubscribe: (ctx, id, payload) => {
        const connection = ctx.extra.connection!;
        const context = connection.context!;
        let document: DocumentNode | undefined;
        try {
          if (context.viewer.expiresAt && context.viewer.expiresAt.getTime() <= Date.now()) {
            ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, "Token expired");
            throw new UnauthenticatedError("the token has expired");
          }
          options.rateLimiter.take(connection.clientKey);
          try {
            document = documents.get(payload.query);
          } catch (error) {
            // The same code as over HTTP (Apollo's).
            const refused = [new GraphQLError((error as Error).message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } })];
            logOperation(connection, null, null, refused);
            return refused;
          }
          checkDocumentShape(document, limits);
          const errors = documents.errors(document);
          if (errors.length > 0) {
            const refused = errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
            logOperation(connection, document, payload.operationName, refused);
            return refused;
          }
          checkOperationLimits(options.schema, document, payload.operationName, payload.variables, limits);
          checkArgumentValues(options.schema, document, payload.variables);
          if (connection.subscriptions.size >= limits.maxSubscriptionsPerConnection) {
            throw new SafeError("RATE_LIMITED", `at most ${limits.maxSubscriptionsPerConnection} operations may be open on one connection`);
          }
          if ((perClient.get(connection.clientKey) ?? 0) >= limits.maxSubscriptionsPerToken) {
            throw new SafeError("RATE_LIMITED", `at most ${limits.maxSubscriptionsPerToken} operations may be open for one token`);
          }
          connection.subscriptions.add(id);
          perClient.set(connection.clientKey, (perClient.get(connection.clientKey) ?? 0) + 1);
          logOperation(connection, document, payload.operationName, []);
          return {
            schema: options.schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            // Fresh loaders per operation: a connection's context lives as long as the socket.
            contextValue: { ...context, loaders: createLoaders(context.db) },
          };
        } catch (error) {
          const refused = fail(error);
          logOperation(connection, document ?? null, payload.operationName, refused);
          return refused;
        }
      },
      onComplete: (ctx, id) => {
        if (ctx.extra.connection) release(ctx.extra.connection, id);
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        if (ctx.extra.socket.bufferedAmount > MAX_SOCKET_BUFFER_BYTES) {
          ctx.extra.socket.close(CLOSE_TOO_SLOW, "subscriber too slow, resume from your last cursor");
        }
        const r = result as ExecutionResult;
        return r.errors ? ({ ...r, errors: formatAll(r.errors) } as unknown as ExecutionResult) : r;
      },
      onError: (_ctx, _id, _payload, errors) => formatAll(errors as GraphQLError[]),
    },
    wss,
  );

  return {
    /** Open connections. */
    connections: () => open.size,
    /** Open operations over all connections. */
    subscriptions: () => {
      let n = 0;
      for (const connection of open.values()) n += connection.subscriptions.size;
      return n;
    },
    /** Closes every socket (1001 Going Away) and the WebSocket server. */
    dispose: async () => {
      stopRevocations();
      for (const connection of open.values()) clearTimeout(connection.expiryTimer);
      await cleanup.dispose();
    },
  };
}
