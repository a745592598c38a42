import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import { GraphQLError } from "graphql";
import type { DestinationStream } from "pino";
import type { Config } from "./config.js";
import { createContext, readFrom, type Context } from "./context.js";
import { openDatabase, type Database } from "./db/client.js";
import { DEMO_LOCK, migrate, withStartupLock } from "./db/migrate.js";
import { ReadReplicas } from "./db/replicas.js";
import { loadDemoData } from "./demo/load-demo.js";
import { Authenticator } from "./modules/access/authenticator.js";
import { OpenSweeper } from "./modules/rollups/open-sweeper.js";
import { DossierEventHub } from "./modules/dossiers/live/dossier-event-hub.js";
import { createLogger, safeError, type Logger } from "./observability/log.js";
import { Metrics } from "./observability/metrics.js";
import { startupSteps } from "./observability/progress.js";
import { codeOf, newTrace, requestIdOf, type OperationTrace } from "./observability/trace.js";
import { buildSchema } from "./schema.js";
import { formatError, SafeError } from "./shared/errors.js";
import { checkArgumentValues } from "./shared/input-guard.js";
import { checkOperationLimits, RateLimiter, shapeGuard } from "./shared/limits.js";
import { graphqlHttpHandler } from "./http.js";
import { webPageHandler } from "./web-page.js";
import { attachWebSocket } from "./websocket.js";
import { seedAnnouncedCalendar } from "./modules/calendar/calendar.service.js";

export interface RunningServer {
  /** `http://HOST:PORT/graphql`; WebSocket clients use the same URL with `ws://`. */
  url: string;
  database: Database;
  log: Logger;
  metrics: Metrics;
  /** Drains HTTP and WebSocket clients, then closes the database. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
  /** Shows the first start's steps on this terminal stream (main passes stderr when it is a TTY). */
  progress?: NodeJS.WriteStream;
}

/** Opens the database, applies migrations, loads demo data when asked, and serves HTTP and WebSocket on one port. */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const log = await createLogger({ level: config.logLevel, format: config.logFormat, destination: options.logDestination });
  const steps = startupSteps(log, options.progress);
  const database = await steps.run("database", () => openDatabase(config.databaseUrl, config.dataDir));
  try {
    await steps.run("migrations", () => migrate(database));
    // Instances starting together on an empty database take turns: the second finds the calendar and data loaded.
    await withStartupLock(database, DEMO_LOCK, async () => {
      if (config.announcedCalendar) await steps.run("announced working calendar", () => seedAnnouncedCalendar(database.db));
      if (config.demoData) await loadDemoData(database.db, config, steps);
    });
    const replicas =
      config.databaseReadUrls.length > 0
        ? await ReadReplicas.open(config.databaseReadUrls, database, { maxWaitMs: config.replicaMaxWaitMs, probeIntervalMs: 1000 })
        : null;
    return await serve(config, database, log, replicas);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** An operation refused before it runs: a client error, HTTP 400 unless the error says otherwise. */
function refused(error: unknown): unknown {
  if (error instanceof GraphQLError && error.extensions.http === undefined) {
    return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
  }
  return error;
}

async function serve(config: Config, database: Database, log: Logger, replicas: ReadReplicas | null): Promise<RunningServer> {
  const metrics = new Metrics();
  const schema = await buildSchema();
  const httpServer = createHttpServer();
  const format = (formatted: Parameters<typeof formatError>[0], error: unknown) =>
    formatError(formatted, error, (original) => log.error({ error: safeError(original) }, "unexpected error"));
  const authenticator = new Authenticator(database, config.adminToken);
  await authenticator.start();
  const rateLimiter = new RateLimiter(config.limits.rateLimitPerSecond, config.limits.rateLimitBurst);
  const dossierEvents = new DossierEventHub(database, { log });
  await dossierEvents.start();
  const sweeper = new OpenSweeper(database.db, { log, metrics });
  sweeper.start();
  const contextFor = async (authorization: unknown): Promise<Context> =>
    createContext(await authenticator.authenticate(authorization), database, config, dossierEvents, { log, metrics });

  const ws = attachWebSocket(httpServer, {
    schema,
    connect: contextFor,
    formatError: (error: GraphQLError) => format(error.toJSON(), error),
    limits: config.limits,
    rateLimiter,
    introspection: config.introspection,
    onTokenRevoked: (listener) => authenticator.onRevoked(listener),
    log,
    metrics,
  });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: format,
    plugins: [
      // No field carries a cache hint; the default cache-control plugin would still wrap every field resolver
      // (~2% of the CPU time of a short query, bench profile).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => ws.dispose() }) },
      {
        // The same checks as on WebSocket: the limits and the argument values once the operation is known (the
        // document's shape is checked before Apollo validates it, see `shapeGuard`).
        requestDidStart: async ({ contextValue }) => ({
          didResolveOperation: async ({ document, operationName, operation, request }) => {
            const trace = contextValue.trace;
            if (trace) {
              trace.operationName = operationName;
              trace.operationType = operation?.operation ?? null;
            }
            try {
              if (operation?.operation === "subscription") {
                throw new SafeError("BAD_USER_INPUT", "subscriptions are served over WebSocket: open ws(s)://<host>/graphql with the graphql-transport-ws protocol (e.g. the graphql-ws client)");
              }
              checkOperationLimits(schema, document, operationName, request.variables, config.limits);
              checkArgumentValues(schema, document, request.variables);
            } catch (error) {
              throw refused(error);
            }
          },
          didEncounterErrors: async ({ errors }) => {
            contextValue.trace?.errorCodes.push(...errors.map(codeOf));
          },
        }),
      },
      ...(replicas ? [replicaRouting(replicas)] : []),
      config.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();

  const handleGraphql = graphqlHttpHandler(
    apollo,
    async (req: IncomingMessage, trace: OperationTrace) => {
      try {
        const context = await contextFor(req.headers.authorization);
        trace.tokenLabel = context.viewer.label;
        rateLimiter.take(context.viewer.tokenId ?? `ip:${req.socket.remoteAddress ?? "?"}`);
        context.trace = trace;
        return context;
      } catch (error) {
        trace.errorCodes.push(codeOf(error));
        throw error;
      }
    },
    config.limits.maxBodyBytes,
    config.statementHeader,
    shapeGuard(config.limits),
  );

  /** One log line and the metrics of an HTTP operation, once its response is sent. */
  const finished = (trace: OperationTrace, res: ServerResponse, started: bigint) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const outcome = trace.errorCodes.length === 0 && res.statusCode < 400 ? "ok" : "error";
    const type = trace.operationType ?? "unknown";
    metrics.operations.inc({ operation: metrics.operationLabel(trace.operationName), type, outcome, transport: "http" });
    metrics.operationSeconds.observe({ type }, seconds);
    for (const code of trace.errorCodes) metrics.errors.inc({ code });
    log.info(
      {
        requestId: trace.requestId,
        transport: "http",
        operationName: trace.operationName,
        operationType: trace.operationType,
        tokenLabel: trace.tokenLabel,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e4) / 10,
        outcome,
        errorCodes: trace.errorCodes.length ? [...new Set(trace.errorCodes)] : undefined,
      },
      "operation",
    );
  };

  const json = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };

  /** Routes by path; a new door (the web page, files) adds an entry here. */
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => void> = {
    "/graphql": (req, res, url, requestId) => {
      const trace = newTrace(requestId);
      const started = process.hrtime.bigint();
      res.once("finish", () => finished(trace, res, started));
      handleGraphql(req, res, url, trace).catch((error) => {
        log.error({ requestId, error: safeError(error) }, "request failed");
        trace.errorCodes.push("INTERNAL");
        if (!res.headersSent) json(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL" } }] });
        else res.end();
      });
    },
    "/healthz": (_req, res) => json(res, 200, { status: "ok" }),
    "/readyz": (_req, res) => {
      database.ping().then(
        () => json(res, 200, { status: "ready", database: database.engine }),
        () => json(res, 503, { status: "unavailable", database: database.engine }),
      );
    },
    "/metrics": (req, res) => {
      if (config.metricsToken && req.headers.authorization !== `Bearer ${config.metricsToken}`) {
        res.writeHead(401, { "www-authenticate": "Bearer" });
        res.end();
        return;
      }
      metrics.wsConnections.set(ws.connections());
      metrics.wsSubscriptions.set(ws.subscriptions());
      metrics.sweeperLag.set(sweeper.lagSeconds());
      dossierEvents
        .lag()
        .then((lag) => metrics.eventDeliveryLag.set(lag))
        .catch(() => {})
        .then(() => metrics.render())
        .then(({ contentType, body }) => {
          res.writeHead(200, { "content-type": contentType });
          res.end(body);
        });
    },
  };
  metrics.dbPool.set({ state: "max" }, database.engine === "postgres" ? 10 : 1);
  // The dashboard page: `/` and its hashed assets.
  const handlePage = webPageHandler();

  httpServer.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const route = routes[url.pathname];
    if (route) route(req, res, url, requestId);
    else if (!handlePage(req, res, url.pathname)) json(res, 404, { error: "not found; GraphQL is served at /graphql" });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    database,
    log,
    metrics,
    close: () =>
      (closing ??= (async () => {
        await apollo.stop();
        await sweeper.stop();
        await dossierEvents.stop();
        await authenticator.stop();
        await replicas?.close();
        await database.close();
      })()),
  };
}

/**
 * HTTP queries read from the replicas (the token's own writes included, see {@link ReadReplicas}); mutations, and
 * everything on WebSocket (subscriptions tail the event log of the primary), stay on the primary. A mutation's
 * token then reads its write wherever its next query goes.
 */
function replicaRouting(replicas: ReadReplicas): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, contextValue }) => {
        if (operation?.operation === "query") readFrom(contextValue, await replicas.readDb(contextValue.viewer.tokenId));
      },
      willSendResponse: async ({ operation, contextValue }) => {
        const tokenId = contextValue.viewer.tokenId;
        if (operation?.operation === "mutation" && tokenId !== null) await replicas.noteWrite(tokenId);
      },
    }),
  };
}
