import type { Db, Tx } from "./client.js";

/**
 * A drizzle query built once per database handle and reused (`.prepare()` with `sql.placeholder`s): drizzle
 * otherwise rebuilds the SQL text of a query on every call, ~0.3 ms of CPU for a select of a wide table (the
 * dossier-by-code profile). For hot paths only; a transaction handle builds its own (it lives for one write).
 *
 * @example
 * const byCode = preparedQuery((db) => db.select().from(t).where(eq(t.code, sql.placeholder("code"))).prepare("t_by_code"));
 * const rows = await byCode(db).execute({ code });
 */
export function preparedQuery<Q>(build: (db: Db | Tx) => Q): (db: Db | Tx) => Q {
  const cache = new WeakMap<Db | Tx, Q>();
  return (db) => {
    let query = cache.get(db);
    if (!query) {
      query = build(db);
      cache.set(db, query);
    }
    return query;
  };
}
