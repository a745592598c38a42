/** The rows of `db.execute`: an array on postgres.js, `{ rows }` on PGlite. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
