import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { conductFeedback } from "../../../db/schema/index.js";

export type FeedbackRow = typeof conductFeedback.$inferSelect;
export type FeedbackValues = Omit<typeof conductFeedback.$inferInsert, "id" | "createdAt" | "updatedAt">;

export async function lockFeedback(tx: Tx, key: string): Promise<FeedbackRow | undefined> {
  const [row] = await tx.select().from(conductFeedback).where(eq(conductFeedback.key, key)).for("update");
  return row;
}

export async function saveFeedback(tx: Tx, id: number | null, values: FeedbackValues): Promise<void> {
  if (id === null) await tx.insert(conductFeedback).values(values);
  else await tx.update(conductFeedback).set({ ...values, updatedAt: sql`now()` }).where(eq(conductFeedback.id, id));
}
