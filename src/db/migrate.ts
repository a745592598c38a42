import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Database } from "./client.js";

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));
/** Arbitrary constant: serialises the migrations of instances that start together on one server. */
const MIGRATION_LOCK = 7_261_042;
/** Serialises the demo data loading of instances that start together on one empty database. */
export const DEMO_LOCK = 7_261_043;

/** Applies the committed drizzle-kit migrations. */
export async function migrate(database: Database): Promise<void> {
  if (database.engine === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  await withStartupLock(database, MIGRATION_LOCK, (conn) => migratePostgres(drizzle({ client: conn! }), { migrationsFolder }));
}

/**
 * Runs `work` while holding a session-level advisory lock on a connection of its own (a pool of one: lock, work and
 * unlock on the same session), so that instances starting together take turns. PGlite serves one process: no lock.
 */
export async function withStartupLock<T>(database: Database, key: number, work: (conn: postgres.Sql | null) => Promise<T>): Promise<T> {
  if (database.engine === "pglite") return work(null);
  const conn = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await conn`SELECT pg_advisory_lock(${key})`;
    const result = await work(conn);
    await conn`SELECT pg_advisory_unlock(${key})`;
    return result;
  } finally {
    await conn.end();
  }
}
