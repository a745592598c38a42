import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { receptionSessions } from "../../../db/schema/index.js";

export type ReceptionRow = typeof receptionSessions.$inferSelect;
export type ReceptionValues = Omit<typeof receptionSessions.$inferInsert, "id" | "createdAt" | "updatedAt">;

export async function lockReception(tx: Tx, key: string): Promise<ReceptionRow | undefined> {
  const [row] = await tx.select().from(receptionSessions).where(eq(receptionSessions.key, key)).for("update");
  return row;
}

export async function saveReception(tx: Tx, id: number | null, values: ReceptionValues): Promise<void> {
  if (id === null) await tx.insert(receptionSessions).values(values);
  else await tx.update(receptionSessions).set({ ...values, updatedAt: sql`now()` }).where(eq(receptionSessions.id, id));
}
