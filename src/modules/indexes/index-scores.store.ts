import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agencyUnits, type AgencyUnitRow } from "../../db/schema/agency-units.js";
import {
  indexCriteria, indexResults, indexScores, type IndexCriterionRow, type IndexResultRow, type IndexScoreRow,
} from "../../db/schema/indexes.js";

type Reader = Db | Tx;

/** Identifies one score row. */
export interface ScoreKey {
  frameworkId: number;
  year: number;
  unitId: number;
  criterionId: number;
}

/** Identifies one published result. */
export interface ResultKey {
  frameworkId: number;
  year: number;
  unitId: number;
}

export type ScoreValues = Pick<IndexScoreRow, "selfScore" | "appraisedScore" | "surveyScore">;
export type ResultValues = Pick<IndexResultRow, "total" | "rank" | "rankOf" | "source">;

/**
 * The unit carrying `code` at some time in `[from, to]`. A code reused by a successor can name two units in one
 * year: the one existing on `to` (the year's last day) wins, else the one that started last.
 */
export async function findUnitDuring(db: Reader, code: string, from: string, to: string): Promise<AgencyUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyUnits)
    .where(
      and(
        eq(agencyUnits.code, code),
        or(isNull(agencyUnits.validFrom), lte(agencyUnits.validFrom, to)),
        or(isNull(agencyUnits.validTo), gte(agencyUnits.validTo, from)),
      ),
    )
    .orderBy(sql`(${agencyUnits.validTo} IS NULL OR ${agencyUnits.validTo} >= ${to}) DESC`, sql`${agencyUnits.validFrom} DESC NULLS LAST`)
    .limit(1);
  return row;
}

function scoreWhere(key: ScoreKey) {
  return and(
    eq(indexScores.frameworkId, key.frameworkId),
    eq(indexScores.year, key.year),
    eq(indexScores.unitId, key.unitId),
    eq(indexScores.criterionId, key.criterionId),
  );
}

/** The stored scores of a key, row-locked until the transaction ends. */
export async function lockScore(tx: Tx, key: ScoreKey): Promise<IndexScoreRow | undefined> {
  const [row] = await tx.select().from(indexScores).where(scoreWhere(key)).for("update");
  return row;
}

/** Inserts scores; false when another transaction inserted the key first. */
export async function insertScore(tx: Tx, key: ScoreKey, values: ScoreValues): Promise<boolean> {
  const rows = await tx.insert(indexScores).values({ ...key, ...values }).onConflictDoNothing().returning({ year: indexScores.year });
  return rows.length > 0;
}

export async function updateScore(tx: Tx, key: ScoreKey, values: ScoreValues): Promise<void> {
  await tx.update(indexScores).set({ ...values, submittedAt: sql`clock_timestamp()` }).where(scoreWhere(key));
}

export async function deleteScore(tx: Tx, key: ScoreKey): Promise<void> {
  await tx.delete(indexScores).where(scoreWhere(key));
}

function resultWhere(key: ResultKey) {
  return and(eq(indexResults.frameworkId, key.frameworkId), eq(indexResults.year, key.year), eq(indexResults.unitId, key.unitId));
}

/** The published result of a key, row-locked until the transaction ends. */
export async function lockResult(tx: Tx, key: ResultKey): Promise<IndexResultRow | undefined> {
  const [row] = await tx.select().from(indexResults).where(resultWhere(key)).for("update");
  return row;
}

/** Inserts a published result; false when another transaction inserted the key first. */
export async function insertResult(tx: Tx, key: ResultKey, values: ResultValues): Promise<boolean> {
  const rows = await tx.insert(indexResults).values({ ...key, ...values }).onConflictDoNothing().returning({ year: indexResults.year });
  return rows.length > 0;
}

export async function updateResult(tx: Tx, key: ResultKey, values: ResultValues): Promise<void> {
  await tx.update(indexResults).set({ ...values, updatedAt: sql`clock_timestamp()` }).where(resultWhere(key));
}

/** The stored scores of one unit for one year, each with its criterion, in framework order. */
export async function scoresOfUnit(
  db: Reader,
  frameworkId: number,
  year: number,
  unitId: number,
): Promise<{ score: IndexScoreRow; criterion: IndexCriterionRow }[]> {
  return db
    .select({ score: indexScores, criterion: indexCriteria })
    .from(indexScores)
    .innerJoin(indexCriteria, eq(indexCriteria.id, indexScores.criterionId))
    .where(and(eq(indexScores.frameworkId, frameworkId), eq(indexScores.year, year), eq(indexScores.unitId, unitId)))
    .orderBy(asc(indexCriteria.position));
}

/** The years in which any of these units has scores or a published result for the framework, ascending. */
export async function yearsOfUnits(db: Reader, frameworkId: number, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const ids = [...unitIds];
  const [scored, published] = await Promise.all([
    db.selectDistinct({ year: indexScores.year }).from(indexScores).where(and(eq(indexScores.frameworkId, frameworkId), inArray(indexScores.unitId, ids))),
    db.selectDistinct({ year: indexResults.year }).from(indexResults).where(and(eq(indexResults.frameworkId, frameworkId), inArray(indexResults.unitId, ids))),
  ]);
  return [...new Set([...scored, ...published].map((row) => row.year))].sort((a, b) => a - b);
}
