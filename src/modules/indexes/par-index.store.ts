import { asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  indexCriteria, indexFrameworks, indexResults, indexScores, type IndexCriterionRow, type IndexFrameworkRow,
} from "../../db/schema/indexes.js";

type Reader = Db | Tx;

/** The columns of a framework a write sets. */
export type FrameworkValues = Pick<
  IndexFrameworkRow,
  "code" | "name" | "description" | "scoredKinds" | "maxTotal" | "fromYear" | "toYear" | "demo"
>;
/** The columns of a criterion a write sets (the parent is resolved by the caller). */
export type CriterionValues = Pick<IndexCriterionRow, "code" | "name" | "maxPoints" | "responsible" | "method" | "position">;

/** A framework by code; `lock` takes a row lock (`update` for framework writes, `share` for score writes). */
export async function findFrameworkByCode(db: Reader, code: string, lock?: "update" | "share"): Promise<IndexFrameworkRow | undefined> {
  const query = db.select().from(indexFrameworks).where(eq(indexFrameworks.code, code));
  const [row] = await (lock === "update" ? query.for("update") : lock === "share" ? query.for("share") : query);
  return row;
}

/** Share-locks a framework (so that its criteria cannot change until the transaction ends); its `updatedAt`. */
export async function lockFrameworkShared(tx: Tx, id: number): Promise<Date | undefined> {
  const [row] = await tx.select({ updatedAt: indexFrameworks.updatedAt }).from(indexFrameworks).where(eq(indexFrameworks.id, id)).for("share");
  return row?.updatedAt;
}

/** One page of frameworks by code, after the code `after`. */
export async function frameworkPage(db: Reader, after: string | undefined, limit: number): Promise<IndexFrameworkRow[]> {
  return db
    .select()
    .from(indexFrameworks)
    .where(after === undefined ? undefined : gt(indexFrameworks.code, after))
    .orderBy(asc(indexFrameworks.code))
    .limit(limit);
}

export async function countFrameworks(db: Reader): Promise<number> {
  const [row] = await db.select({ n: count() }).from(indexFrameworks);
  return Number(row?.n ?? 0);
}

/** The criteria of all these frameworks, by framework and position. */
export async function findCriteria(db: Reader, frameworkIds: readonly number[]): Promise<IndexCriterionRow[]> {
  if (frameworkIds.length === 0) return [];
  return db
    .select()
    .from(indexCriteria)
    .where(inArray(indexCriteria.frameworkId, [...frameworkIds]))
    .orderBy(asc(indexCriteria.frameworkId), asc(indexCriteria.position));
}

/** Inserts a framework; undefined when another transaction inserted the code first. */
export async function insertFramework(tx: Tx, values: FrameworkValues): Promise<IndexFrameworkRow | undefined> {
  const [row] = await tx.insert(indexFrameworks).values(values).onConflictDoNothing({ target: indexFrameworks.code }).returning();
  return row;
}

/** Updates a framework and bumps `updatedAt` (score writers re-read the criteria when it moves). */
export async function updateFramework(tx: Tx, id: number, values: FrameworkValues): Promise<IndexFrameworkRow> {
  const [row] = await tx
    .update(indexFrameworks)
    .set({ ...values, updatedAt: sql`clock_timestamp()` })
    .where(eq(indexFrameworks.id, id))
    .returning();
  return row!;
}

/** Inserts criteria of one framework (their parents already stored); their ids by code. */
export async function insertCriteria(
  tx: Tx,
  frameworkId: number,
  rows: readonly (CriterionValues & { parentId: number | null })[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const inserted = await tx
    .insert(indexCriteria)
    .values(rows.map((row) => ({ ...row, frameworkId })))
    .returning({ id: indexCriteria.id, code: indexCriteria.code });
  return new Map(inserted.map((row) => [row.code, row.id]));
}

export async function updateCriterion(tx: Tx, id: number, values: CriterionValues): Promise<void> {
  await tx.update(indexCriteria).set(values).where(eq(indexCriteria.id, id));
}

/** Deletes criteria (their descendants go with them). */
export async function deleteCriteria(tx: Tx, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await tx.delete(indexCriteria).where(inArray(indexCriteria.id, [...ids]));
}

/**
 * For every criterion of the framework that has scores: the highest value it must still hold — the largest single
 * score or counted points of any unit and year.
 */
export async function scoredCriteria(tx: Tx, frameworkId: number): Promise<Map<number, number>> {
  const rows = await tx
    .select({
      criterionId: indexScores.criterionId,
      highest: sql<string>`max(greatest(
        coalesce(${indexScores.selfScore}, 0), coalesce(${indexScores.appraisedScore}, 0), coalesce(${indexScores.surveyScore}, 0),
        coalesce(${indexScores.appraisedScore}, ${indexScores.selfScore}, 0) + coalesce(${indexScores.surveyScore}, 0)))`,
    })
    .from(indexScores)
    .where(eq(indexScores.frameworkId, frameworkId))
    .groupBy(indexScores.criterionId);
  return new Map(rows.map((row) => [row.criterionId, Number(row.highest)]));
}

/** The first and last year holding scores or published results of the framework; null when none. */
export async function yearsInUse(tx: Tx, frameworkId: number): Promise<{ first: number; last: number } | null> {
  const span = async (table: typeof indexScores | typeof indexResults) => {
    const [row] = await tx
      .select({ first: sql<number | null>`min(${table.year})`, last: sql<number | null>`max(${table.year})` })
      .from(table)
      .where(eq(table.frameworkId, frameworkId));
    return row?.first == null || row.last == null ? [] : [Number(row.first), Number(row.last)];
  };
  const years = [...(await span(indexScores)), ...(await span(indexResults))];
  return years.length === 0 ? null : { first: Math.min(...years), last: Math.max(...years) };
}
