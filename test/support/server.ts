import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { loadConfig, type Config } from "../../src/config.js";
import { createServer, type RunningServer } from "../../src/server.js";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export interface TestServer extends RunningServer {
  /** POSTs one GraphQL operation; `token` becomes `Authorization: Bearer <token>`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  /** The same as `gql` with the bootstrap administrator token. */
  admin<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** The database name on PostgreSQL, to start a second instance on the same database. */
  databaseUrl: string;
}

export interface GqlResponse<T> {
  status: number;
  /** SQL statements the operation sent (the server's `x-sql-statements` header). */
  statements: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
}

/**
 * Starts a real server on port 0. Without `DATABASE_URL` it runs on in-memory PGlite; with a PostgreSQL
 * `DATABASE_URL` each server gets a fresh database (dropped on close) unless `databaseUrl` names one to share.
 */
export async function startServer(
  options: {
    env?: Record<string, string>;
    databaseUrl?: string;
    /** Receives every JSON log line of the server, parsed (the level defaults to silent otherwise). */
    logs?: Record<string, unknown>[];
  } = {},
): Promise<TestServer> {
  const base = process.env.DATABASE_URL;
  let databaseUrl = options.databaseUrl ?? "memory://";
  let dropDatabase: (() => Promise<void>) | undefined;
  if (!options.databaseUrl && base && /^postgres/.test(base)) {
    ({ url: databaseUrl, drop: dropDatabase } = await createScratchDatabase(base));
  }
  const config: Config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    DEMO_DATA: "false",
    // Tests set the calendar they need; test/integration/working-calendar.test.ts turns the shipped one on.
    ANNOUNCED_CALENDAR: "false",
    ADMIN_TOKEN,
    LOG_LEVEL: options.logs ? "info" : "silent",
    ...options.env,
    DATABASE_URL: databaseUrl,
  });
  const logs = options.logs;
  const server = await createServer(config, logs ? { logDestination: { write: (line: string) => void logs.push(JSON.parse(line)) } } : {});
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string | null) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(server.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data: any; errors?: any[] };
    return { status: res.status, statements: Number(res.headers.get("x-sql-statements")), data: body.data, errors: body.errors };
  };
  return {
    ...server,
    databaseUrl,
    gql,
    admin: (query, variables) => gql(query, variables, ADMIN_TOKEN),
    close: async () => {
      await server.close();
      await dropDatabase?.();
    },
  };
}

/** A fresh, empty database on the PostgreSQL server of `base`, with the function that drops it. */
export async function createScratchDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lt_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const conn = postgres(base, { max: 1, onnotice: () => {} });
      await conn.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await conn.end();
    },
  };
}

/** Asserts a response has no errors and returns its data. */
export function ok<T>(response: GqlResponse<T>): T {
  if (response.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data;
}
