import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { inspectionActions, inspections, inspectionTargets } from "../../../db/schema/index.js";

export type InspectionRow = typeof inspections.$inferSelect;
export type InspectionValues = Omit<typeof inspections.$inferInsert, "id" | "createdAt" | "updatedAt">;
export type FollowUpValues = Omit<typeof inspectionActions.$inferInsert, "inspectionId">;

/** A stored inspection with its inspected units and follow-ups, locked for the write; undefined when new. */
export async function lockInspection(tx: Tx, key: string) {
  const [row] = await tx.select().from(inspections).where(eq(inspections.key, key)).for("update");
  if (!row) return undefined;
  const targets = await tx.select({ unitId: inspectionTargets.unitId }).from(inspectionTargets).where(eq(inspectionTargets.inspectionId, row.id));
  const actions = await tx.select().from(inspectionActions).where(eq(inspectionActions.inspectionId, row.id)).orderBy(inspectionActions.position);
  return { row, unitIds: targets.map((t) => t.unitId).sort((a, b) => a - b), actions };
}

/** Inserts or replaces an inspection with its inspected units and follow-ups; returns its id. */
export async function saveInspection(tx: Tx, id: number | null, values: InspectionValues, unitIds: readonly number[], followUps: readonly FollowUpValues[]): Promise<number> {
  let inspectionId: number;
  if (id === null) {
    const [row] = await tx.insert(inspections).values(values).returning({ id: inspections.id });
    inspectionId = row!.id;
  } else {
    await tx.update(inspections).set({ ...values, updatedAt: sql`now()` }).where(eq(inspections.id, id));
    await tx.delete(inspectionTargets).where(eq(inspectionTargets.inspectionId, id));
    await tx.delete(inspectionActions).where(eq(inspectionActions.inspectionId, id));
    inspectionId = id;
  }
  await tx.insert(inspectionTargets).values(unitIds.map((unitId) => ({ inspectionId, unitId })));
  if (followUps.length > 0) await tx.insert(inspectionActions).values(followUps.map((f) => ({ ...f, inspectionId })));
  return inspectionId;
}
