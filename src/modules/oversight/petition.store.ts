import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agencyUnits, petitionEvents, petitions } from "../../db/schema/index.js";

type Reader = Db | Tx;
export type PetitionRow = typeof petitions.$inferSelect;
export type PetitionValues = Omit<typeof petitions.$inferInsert, "id" | "createdAt" | "updatedAt">;
export type PetitionEventValues = Omit<typeof petitionEvents.$inferInsert, "id">;

export async function lockPetition(tx: Tx, key: string): Promise<PetitionRow | undefined> {
  const [row] = await tx.select().from(petitions).where(eq(petitions.key, key)).for("update");
  return row;
}

export async function insertPetition(tx: Tx, values: PetitionValues): Promise<void> {
  await tx.insert(petitions).values(values);
}

export async function updatePetition(tx: Tx, id: number, values: Partial<PetitionValues>): Promise<void> {
  await tx.update(petitions).set({ ...values, updatedAt: sql`now()` }).where(eq(petitions.id, id));
}

export async function findPetitionEvent(tx: Tx, eventId: string) {
  const [row] = await tx.select().from(petitionEvents).where(eq(petitionEvents.eventId, eventId));
  return row;
}

/** The instant of the petition's latest event, or null. */
export async function lastPetitionEventAt(tx: Tx, petitionId: number): Promise<Date | null> {
  const [row] = await tx.select({ at: sql<Date | string | null>`max(${petitionEvents.at})` }).from(petitionEvents).where(eq(petitionEvents.petitionId, petitionId));
  return row?.at ? new Date(row.at) : null;
}

export async function insertPetitionEvent(tx: Tx, values: PetitionEventValues): Promise<void> {
  await tx.insert(petitionEvents).values(values);
}

/** A petition with the code and path of its unit, by key. */
export async function findPetitionByKey(db: Reader, key: string) {
  const [row] = await db
    .select({ petition: petitions, unitCode: agencyUnits.code, unitPath: sql<string>`${agencyUnits.path}::text` })
    .from(petitions)
    .innerJoin(agencyUnits, eq(agencyUnits.id, petitions.unitId))
    .where(eq(petitions.key, key));
  return row;
}

export async function findPetitionEvents(db: Reader, petitionId: number) {
  return db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, petitionId)).orderBy(petitionEvents.at, petitionEvents.id);
}
