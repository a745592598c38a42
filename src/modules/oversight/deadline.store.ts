import { asc, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { petitionDeadlines } from "../../db/schema/index.js";

type Reader = Db | Tx;
export type DeadlineRow = typeof petitionDeadlines.$inferSelect;

export async function findDeadlines(db: Reader): Promise<DeadlineRow[]> {
  return db.select().from(petitionDeadlines).orderBy(asc(petitionDeadlines.kind));
}

export async function upsertDeadline(tx: Tx, values: Omit<DeadlineRow, "updatedAt">): Promise<void> {
  const { kind: _kind, ...rest } = values;
  await tx.insert(petitionDeadlines).values(values).onConflictDoUpdate({ target: petitionDeadlines.kind, set: { ...rest, updatedAt: sql`now()` } });
}
