import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import { resultRows } from "../../../db/rows.js";
import { planTargetReports, planTargets } from "../../../db/schema/index.js";

type Reader = Db | Tx;
export type PlanTargetRow = typeof planTargets.$inferSelect;
export type PlanTargetValues = Omit<typeof planTargets.$inferInsert, "id" | "createdAt" | "updatedAt">;

export async function lockPlanTarget(tx: Tx, planSymbol: string, code: string): Promise<PlanTargetRow | undefined> {
  const [row] = await tx.select().from(planTargets).where(and(eq(planTargets.planSymbol, planSymbol), eq(planTargets.code, code))).for("update");
  return row;
}

export async function savePlanTarget(tx: Tx, id: number | null, values: PlanTargetValues): Promise<void> {
  if (id === null) await tx.insert(planTargets).values(values);
  else await tx.update(planTargets).set({ ...values, updatedAt: sql`now()` }).where(eq(planTargets.id, id));
}

export async function findPlanTargets(db: Reader, planSymbol: string): Promise<PlanTargetRow[]> {
  return db.select().from(planTargets).where(eq(planTargets.planSymbol, planSymbol)).orderBy(planTargets.code);
}

export async function findReports(db: Reader, targetId: number): Promise<Map<number, number>> {
  const rows = await db.select().from(planTargetReports).where(eq(planTargetReports.targetId, targetId));
  return new Map(rows.map((r) => [r.unitId, Number(r.value)]));
}

export async function saveReport(tx: Tx, targetId: number, unitId: number, value: number, reportedOn: string): Promise<boolean> {
  const [current] = await tx.select().from(planTargetReports).where(and(eq(planTargetReports.targetId, targetId), eq(planTargetReports.unitId, unitId)));
  if (current && Number(current.value) === value && current.reportedOn === reportedOn) return false;
  await tx
    .insert(planTargetReports)
    .values({ targetId, unitId, value: String(value), reportedOn })
    .onConflictDoUpdate({ target: [planTargetReports.targetId, planTargetReports.unitId], set: { value: String(value), reportedOn } });
  return true;
}

/**
 * For each unit, its own procedures (it implements them: `procedure_agencies`) and those whose committed time is at
 * least `percent`% below the statutory time.
 */
export async function reducedTimeCounts(db: Reader, unitIds: readonly number[], percent: number): Promise<Map<number, { reduced: number; total: number }>> {
  if (unitIds.length === 0) return new Map();
  const rows = resultRows<{ unitId: number; reduced: number; total: number }>(
    await db.execute(sql`
      SELECT a.unit_id AS "unitId", count(*)::int AS total,
        count(*) FILTER (WHERE p.committed_days <= p.statutory_days * (1 - ${percent}::numeric / 100))::int AS reduced
      FROM procedure_agencies a JOIN procedures p ON p.id = a.procedure_id
      WHERE a.unit_id = ANY(${`{${unitIds.join(",")}}`}::int[])
      GROUP BY a.unit_id`),
  );
  return new Map(rows.map((r) => [r.unitId, { reduced: r.reduced, total: r.total }]));
}

/** Units of the given kinds strictly inside the subtree at `path`, valid on `day`, by code. */
export async function unitsOfKinds(db: Reader, path: string, kinds: readonly string[], day: string) {
  return resultRows<{ id: number; code: string; name: string; path: string }>(
    await db.execute(sql`
      SELECT id, code, name, path::text AS path FROM agency_units
      WHERE path <@ ${path}::ltree AND path <> ${path}::ltree AND kind::text = ANY(${`{${kinds.join(",")}}`}::text[])
        AND (valid_from IS NULL OR valid_from <= ${day}::date) AND (valid_to IS NULL OR valid_to >= ${day}::date)
      ORDER BY code`),
  );
}
