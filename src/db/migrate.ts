import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Database } from "./client.js";

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));
/** Arbitrary constant: serialises the migrations of instances that start together on one server. */
const MIGRATION_LOCK = 7_261_042;

/** Applies the committed drizzle-kit migrations. */
export async function migrate(database: Database): Promise<void> {
  if (database.engine === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // A session-level advisory lock needs one connection for lock, migrations and unlock: a pool of one.
  const conn = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await conn`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzle({ client: conn }), { migrationsFolder });
    await conn`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await conn.end();
  }
}
