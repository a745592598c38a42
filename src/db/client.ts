import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { ltree } from "@electric-sql/pglite/contrib/ltree";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The drizzle database, the same API on PGlite and postgres.js. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, usable wherever a {@link Db} is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A notification listener: `listen` returns a function that stops listening. `onListen` is called each time the
 * LISTEN is (re)established: after a reconnect, notifications sent meanwhile are lost.
 */
export type Listen = (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>;

export interface Database {
  db: Db;
  engine: "pglite" | "postgres";
  /** The PostgreSQL URL (postgres engine only). */
  url: string | null;
  /** Statements sent since start; tests read it to prove list queries do not grow with the page size. */
  readonly statements: { count: number };
  ping(): Promise<void>;
  listen: Listen;
  close(): Promise<void>;
}

/**
 * Statements sent on behalf of one request: the HTTP handler runs each operation inside `statementScope.run`, so
 * tests and developers see how many SQL statements an operation cost (response header `x-sql-statements`).
 */
export const statementScope = new AsyncLocalStorage<{ count: number }>();

/** Counts every statement drizzle sends, in total and for the current request. */
class CountingLogger implements Logger {
  readonly statements = { count: 0 };
  logQuery(): void {
    this.statements.count++;
    const scope = statementScope.getStore();
    if (scope) scope.count++;
  }
}

/**
 * Opens the database chosen by `DATABASE_URL`: unset, embedded PGlite persisted in `dataDir`; `memory://`,
 * in-memory PGlite; otherwise a PostgreSQL server through postgres.js.
 */
export async function openDatabase(url: string | undefined, dataDir: string): Promise<Database> {
  const logger = new CountingLogger();
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, logger);
  if (!url) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: url ? undefined : dataDir,
    extensions: { ltree, pg_trgm, unaccent, btree_gist, pgcrypto },
  });
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite({ client, schema, logger }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    url: null,
    statements: logger.statements,
    ping: async () => void (await client.query("SELECT 1")),
    // PGlite's LISTEN/NOTIFY works inside this process only, which is all an embedded database serves.
    listen: async (channel, onNotify, onListen) => {
      const unlisten = await client.listen(channel, onNotify);
      onListen?.();
      return async () => unlisten();
    },
    close: () => client.close(),
  };
}

/**
 * The postgres.js client with every statement prepared. drizzle asks postgres.js for an unnamed statement unless a
 * query is explicitly `.prepare(name)`d, and postgres.js sends an unnamed statement with parameters as Parse +
 * Describe, waits for the answer, then Bind + Execute: two round trips and a fresh parse and plan per query
 * (~1–2 ms of planning for the dossier queries). Named statements are parsed once per connection (postgres.js
 * caches them by text) and then cost one round trip. Transactions and savepoints get the same client.
 */
function preparedStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: never[], options?: postgres.UnsafeQueryOptions) => target.unsafe(query, params, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.Sql) => unknown;
          const open = target[property as "begin"] as unknown as (...a: unknown[]) => unknown;
          return open.call(target, ...args, (tx: postgres.Sql) => callback(preparedStatements(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function openPostgres(url: string, logger: CountingLogger): Database {
  const sql = postgres(url, {
    max: 10,
    onnotice: () => {},
    // JIT costs ~100 ms on the short aggregate queries dashboards run; the timezone keeps dates unambiguous.
    connection: { jit: "off", TimeZone: "UTC", application_name: "lienthong" },
  });
  const db = drizzlePostgres({ client: preparedStatements(sql), schema, logger }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    url,
    statements: logger.statements,
    ping: async () => void (await sql`SELECT 1`),
    // postgres.js keeps one dedicated connection for all LISTENs and re-listens after a reconnect.
    listen: async (channel, onNotify, onListen) => {
      const { unlisten } = await sql.listen(channel, onNotify, onListen);
      return unlisten;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
