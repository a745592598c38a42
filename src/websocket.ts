import type { Server } from "node:http";
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Context } from "./context.js";
import { UnauthenticatedError } from "./shared/errors.js";

export interface WebSocketAdapterOptions {
  schema: GraphQLSchema;
  /** Resolves the connection's `authorization` parameter into a context; throws UNAUTHENTICATED. */
  connect: (authorization: unknown) => Promise<Context>;
  formatError: (error: GraphQLError) => ReturnType<GraphQLError["toJSON"]>;
  maxPayloadBytes: number;
}

/** The code a socket is closed with when its token is bad, expired or revoked. */
export const CLOSE_UNAUTHENTICATED = 4401;

type Extra = { context?: Context };

/**
 * graphql-ws beside the HTTP server on the same port and path. Apollo's pipeline does not run for WebSocket
 * operations, so authentication and error masking are wired here too.
 */
export function attachWebSocket(httpServer: Server, options: WebSocketAdapterOptions) {
  const wss = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: options.maxPayloadBytes });
  const format = (result: ExecutionResult): ExecutionResult =>
    result.errors ? { ...result, errors: result.errors.map((e) => options.formatError(e) as unknown as GraphQLError) } : result;

  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        try {
          (ctx.extra as Extra).context = await options.connect(ctx.connectionParams?.authorization);
          return true;
        } catch (error) {
          if (error instanceof UnauthenticatedError) {
            ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, "Unauthenticated");
            return false;
          }
          throw error;
        }
      },
      context: (ctx) => (ctx.extra as Extra).context!,
      onNext: (_ctx, _id, _payload, _args, result) => format(result as ExecutionResult),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => options.formatError(e as GraphQLError)),
    },
    wss,
  );

  return {
    /** Closes every socket (1001 Going Away) and the WebSocket server. */
    dispose: () => cleanup.dispose(),
  };
}
