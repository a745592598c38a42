import { createClient, type Client } from "graphql-ws";

/** The hub answered with GraphQL errors (`code` is the first error's `extensions.code`). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The hub could not be reached or answered with a server error: worth retrying. */
export class HubDownError extends Error {}

const endpoint = new URL("/graphql", location.href).toString();

/** POSTs one operation to the public GraphQL API, anonymously (the dashboard's data is public). */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new HubDownError("network");
  }
  if (response.status >= 500) throw new HubDownError(String(response.status));
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new HubDownError("not json");
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? "INTERNAL");
  return body.data as T;
}

export type LiveState = { kind: "connecting" } | { kind: "live" } | { kind: "retrying"; inSeconds: number };

/**
 * One graphql-ws connection for the page's subscriptions. It reconnects for ever with exponential backoff
 * (1 s, 2 s, 4 s … at most 30 s, with jitter) and re-sends every open subscription once connected.
 */
export function liveClient(authorization: string | null, onState: (state: LiveState) => void, onRejected: () => void): Client {
  const client = createClient({
    url: endpoint.replace(/^http/, "ws"),
    connectionParams: authorization ? { authorization } : {},
    lazy: false,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // A rejected token (4401) is not retried: the page forgets it and reconnects anonymously.
    shouldRetry: (event) => (event as CloseEvent | undefined)?.code !== 4401,
    retryWait: async (retries) => {
      const ms = Math.min(30_000, 1_000 * 2 ** retries) * (0.75 + Math.random() * 0.5);
      onState({ kind: "retrying", inSeconds: Math.round(ms / 1000) });
      await new Promise((resolve) => setTimeout(resolve, ms));
      onState({ kind: "connecting" });
    },
    onNonLazyError: () => {},
  });
  client.on("connecting", () => onState({ kind: "connecting" }));
  client.on("connected", () => onState({ kind: "live" }));
  client.on("closed", (event) => {
    if ((event as CloseEvent | undefined)?.code === 4401) onRejected();
  });
  return client;
}
