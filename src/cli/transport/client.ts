/**
 * The client's only door to the hub: GraphQL over HTTP. Network errors, 5xx answers and RATE_LIMITED are retried
 * with exponential backoff (honouring the hub's retry hint); the hub's idempotent batches make a retry safe.
 * A refused token or an unreachable hub after the retries is fatal.
 */
import { FatalError } from "../errors.js";

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number };
}

export interface ClientOptions {
  url: string;
  token?: string;
  /** Attempts per request before giving up (default 8). */
  attempts?: number;
  /** First backoff delay in ms (default 500), doubled each attempt, at most 30 s. */
  backoffMs?: number;
  /** Called before each retry (for the progress line). */
  onRetry?: (reason: string, delayMs: number) => void;
}

export class GraphQLClient {
  constructor(private readonly options: ClientOptions) {}

  get url(): string {
    return this.options.url;
  }

  /** Runs one operation; returns `data` or throws a FatalError with the hub's message. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    return this.send<T>(body);
  }

  /** Sends a prepared body (its size checked by the caller). */
  async send<T>(body: string): Promise<T> {
    const attempts = this.options.attempts ?? 8;
    let delay = this.options.backoffMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.once<T>(body);
      if (outcome.kind === "data") return outcome.data;
      if (outcome.kind === "fatal" || attempt >= attempts) {
        throw new FatalError(outcome.kind === "fatal" ? outcome.message : `${outcome.message} (gave up after ${attempts} attempts)`);
      }
      const wait = Math.min(30_000, Math.max(delay, (outcome.retryAfterSeconds ?? 0) * 1000)) * (0.8 + Math.random() * 0.4);
      this.options.onRetry?.(outcome.message, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
      delay *= 2;
    }
  }

  private async once<T>(
    body: string,
  ): Promise<{ kind: "data"; data: T } | { kind: "retry"; message: string; retryAfterSeconds?: number } | { kind: "fatal"; message: string }> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let response: Response;
    try {
      response = await fetch(this.options.url, { method: "POST", headers, body, signal: AbortSignal.timeout(120_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      return { kind: "retry", message: `the hub at ${this.options.url} cannot be reached (${cause})` };
    }
    let payload: { data?: T; errors?: GraphQLError[] } | undefined;
    try {
      payload = (await response.json()) as typeof payload;
    } catch {
      payload = undefined;
    }
    const error = payload?.errors?.[0];
    const code = error?.extensions?.code;
    if (response.status === 401 || code === "UNAUTHENTICATED") {
      return { kind: "fatal", message: `the hub refused the token (UNAUTHENTICATED): ${error?.message ?? "check --token or LIENTHONG_TOKEN"}` };
    }
    if (response.status === 429 || code === "RATE_LIMITED") {
      const header = Number(response.headers.get("retry-after"));
      return { kind: "retry", message: "the hub asked to slow down (RATE_LIMITED)", retryAfterSeconds: error?.extensions?.retryAfterSeconds ?? (Number.isFinite(header) ? header : 1) };
    }
    if (response.status >= 500 && !payload?.data) return { kind: "retry", message: `the hub answered HTTP ${response.status}` };
    if (!payload) return { kind: "fatal", message: `the hub at ${this.options.url} did not answer with GraphQL JSON (HTTP ${response.status})` };
    if (error && !payload.data) {
      return { kind: "fatal", message: `the hub rejected the request (${code ?? "ERROR"}): ${error.message}` };
    }
    if (error) return { kind: "fatal", message: `the hub reported an error (${code ?? "ERROR"}): ${error.message}` };
    return { kind: "data", data: payload.data as T };
  }
}
