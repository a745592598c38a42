import { createServer as createHttpServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import type { GraphQLError } from "graphql";
import type { Config } from "./config.js";
import { createContext, type Context } from "./context.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { Authenticator } from "./modules/access/authenticator.js";
import { OpenSweeper } from "./modules/dashboards/open-sweeper.js";
import { DossierEventHub } from "./modules/dossiers/dossier-event-hub.js";
import { buildSchema } from "./schema.js";
import { formatError } from "./shared/errors.js";
import { checkOperationLimits, RateLimiter } from "./shared/limits.js";
import { graphqlHttpHandler } from "./http.js";
import { webPageHandler } from "./web-page.js";
import { attachWebSocket } from "./websocket.js";
import { loadDemoData } from "./demo/load-demo.js";

export interface RunningServer {
  /** `http://HOST:PORT/graphql`; WebSocket clients use the same URL with `ws://`. */
  url: string;
  database: Database;
  /** Drains HTTP and WebSocket clients, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database, applies migrations, loads demo data when asked, and serves HTTP and WebSocket on one port. */
export async function createServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config.databaseUrl, config.dataDir);
  try {
    await migrate(database);
    if (config.demoData) await loadDemoData(database.db, config);
    return await serve(config, database);
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function serve(config: Config, database: Database): Promise<RunningServer> {
  const schema = await buildSchema();
  const httpServer = createHttpServer();
  const format = (formatted: Parameters<typeof formatError>[0], error: unknown) => formatError(formatted, error, config.development);
  const authenticator = new Authenticator(database, config.adminToken);
  await authenticator.start();
  const rateLimiter = new RateLimiter(config.limits.rateLimitPerSecond, config.limits.rateLimitBurst);
  const dossierEvents = new DossierEventHub(database);
  await dossierEvents.start();
  const sweeper = new OpenSweeper(database.db);
  sweeper.start();
  const contextFor = async (authorization: unknown): Promise<Context> =>
    createContext(await authenticator.authenticate(authorization), database, config, dossierEvents);

  const ws = attachWebSocket(httpServer, {
    schema,
    connect: contextFor,
    formatError: (error: GraphQLError) => format(error.toJSON(), error),
    limits: config.limits,
    rateLimiter,
    introspection: config.introspection,
    onTokenRevoked: (listener) => authenticator.onRevoked(listener),
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
        // The same operation limits as on WebSocket, once the operation is parsed and validated.
        requestDidStart: async () => ({
          didResolveOperation: async ({ document, operationName, request }) =>
            checkOperationLimits(schema, document, operationName, request.variables, config.limits),
        }),
      },
      config.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();

  const handleGraphql = graphqlHttpHandler(
    apollo,
    async (req: IncomingMessage) => {
      const context = await contextFor(req.headers.authorization);
      rateLimiter.take(context.viewer.tokenId ?? `ip:${req.socket.remoteAddress ?? "?"}`);
      return context;
    },
    config.limits.maxBodyBytes,
    config.statementHeader,
  );
  const handlePage = webPageHandler();
  httpServer.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const done = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/graphql") {
      handleGraphql(req, res, url).catch((error) => {
        console.error("request failed", error);
        if (!res.headersSent) done(500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL" } }] });
        else res.end();
      });
    } else if (url.pathname === "/healthz") {
      done(200, { status: "ok" });
    } else if (url.pathname === "/readyz") {
      database.ping().then(
        () => done(200, { status: "ready", database: database.engine }),
        () => done(503, { status: "unavailable", database: database.engine }),
      );
    } else if (!handlePage(req, res, url.pathname)) {
      done(404, { error: "not found; GraphQL is served at /graphql" });
    }
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
    close: () =>
      (closing ??= (async () => {
        await apollo.stop();
        await sweeper.stop();
        await dossierEvents.stop();
        await authenticator.stop();
        await database.close();
      })()),
  };
}
