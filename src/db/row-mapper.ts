import { getTableColumns, sql, type SQL, type Table } from "drizzle-orm";

/**
 * A table's columns selected under a prefix, and a mapper from the raw rows `db.execute` returns to the table's
 * row type, decoded by the columns' own `mapFromDriverValue` (timestamps, numerics, bigints, arrays as drizzle maps
 * them). For hot read paths: a select built with drizzle's query builder rebuilds its SQL text and maps every value
 * through generic `is()` checks on every call, ~30% of the CPU time of a 20-row dossier page (bench profile); this
 * builds the column list once and maps with a precomputed decoder per column.
 */
export interface TableSelection<T extends Table> {
  /** `"alias"."column" AS "prefix_column", …`, to put in a SELECT list. */
  columns: SQL;
  /** The row of the table from a raw result row. */
  map(raw: Record<string, unknown>): T["$inferSelect"];
}

export function tableSelection<T extends Table>(table: T, alias: string, prefix: string): TableSelection<T> {
  const fields = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    as: `${prefix}_${column.name}`,
    name: column.name,
    decode: (value: unknown) => column.mapFromDriverValue(value),
  }));
  const columns = sql.raw(fields.map((f) => `"${alias}"."${f.name}" AS "${f.as}"`).join(", "));
  return {
    columns,
    map(raw) {
      const row: Record<string, unknown> = {};
      for (const f of fields) {
        const value = raw[f.as];
        row[f.key] = value === null || value === undefined ? null : f.decode(value);
      }
      return row as T["$inferSelect"];
    },
  };
}
