import type { FormattedExecutionResult } from "graphql";
import { createClient, type Client } from "graphql-ws";
import { WebSocket } from "ws";

/** A graphql-ws client for a test server, with the token in the connection parameters. */
export function wsClient(httpUrl: string, token?: string | null, onClose?: (code: number, reason: string) => void): Client {
  return createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => onClose?.((event as { code: number }).code, String((event as { reason?: string }).reason ?? "")) },
    onNonLazyError: () => {},
  });
}

/** Runs one operation over the socket and resolves with its first result (or rejects with the error). */
export function wsOnce<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<FormattedExecutionResult<T, unknown>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    client.subscribe<T>({ query, variables }, {
      next: (value) => {
        settled = true;
        resolve(value);
      },
      error: (error) => (settled ? undefined : reject(error)),
      complete: () => {},
    });
  });
}

/** Resolves with the close code once the client's socket closes. */
export function waitForClose(client: Client): Promise<number> {
  return new Promise((resolve) => {
    client.on("closed", (event) => resolve((event as { code: number }).code));
  });
}
