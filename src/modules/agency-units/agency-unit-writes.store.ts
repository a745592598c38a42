import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { agencyUnitLinks, agencyUnits, type AgencyUnitRow } from "../../db/schema/index.js";

/** The stored columns a unit write sets. */
export interface UnitValues {
  code: string;
  name: string;
  kind: AgencyUnitRow["kind"];
  parentId: number | null;
  gsoCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  address: string | null;
  demo: boolean;
}

/** A successor link as stored, from the unit being written. */
export interface SuccessorLink {
  toId: number;
  kind: "MERGED_INTO" | "SPLIT_INTO" | "RENAMED";
  effectiveOn: string | null;
}

/** The unit identified by code and `validFrom` (null matches null), locked for the rest of the transaction. */
export async function lockUnitByIdentity(tx: Tx, code: string, validFrom: string | null): Promise<AgencyUnitRow | undefined> {
  const [row] = await tx
    .select()
    .from(agencyUnits)
    .where(and(eq(agencyUnits.code, code), sql`${agencyUnits.validFrom} IS NOT DISTINCT FROM ${validFrom}::date`))
    .for("update");
  return row;
}

/**
 * Inserts a unit below `parentPath` (null: a root). The id is drawn first because the unit's own id is the last
 * label of its path.
 */
export async function insertUnit(tx: Tx, values: UnitValues, parentPath: string | null): Promise<AgencyUnitRow> {
  const [seq] = await tx
    .select({ id: sql<number>`nextval(pg_get_serial_sequence('agency_units', 'id'))::int` })
    .from(sql`(VALUES (1)) AS one`);
  const id = Number(seq!.id);
  const path = parentPath === null ? String(id) : `${parentPath}.${id}`;
  const [row] = await tx.insert(agencyUnits).values({ ...values, id, path }).returning();
  return row!;
}

/** Updates a unit's own columns (not its path). */
export async function updateUnit(tx: Tx, id: number, values: UnitValues): Promise<void> {
  await tx.update(agencyUnits).set({ ...values, updatedAt: new Date() }).where(eq(agencyUnits.id, id));
}

/** Re-roots the subtree at `oldPath` (the unit and all its descendants) at `newPath`, in one statement. */
export async function moveSubtree(tx: Tx, oldPath: string, newPath: string): Promise<void> {
  await tx
    .update(agencyUnits)
    .set({
      path: sql`CASE WHEN ${agencyUnits.path} = ${oldPath}::ltree THEN ${newPath}::ltree
        ELSE ${newPath}::ltree || subpath(${agencyUnits.path}, nlevel(${oldPath}::ltree)) END`,
      updatedAt: new Date(),
    })
    .where(sql`${agencyUnits.path} <@ ${oldPath}::ltree`);
}

/** The successor links stored from a unit. */
export async function findSuccessorLinks(tx: Tx, fromId: number): Promise<SuccessorLink[]> {
  return tx
    .select({ toId: agencyUnitLinks.toId, kind: agencyUnitLinks.kind, effectiveOn: agencyUnitLinks.effectiveOn })
    .from(agencyUnitLinks)
    .where(eq(agencyUnitLinks.fromId, fromId));
}

/** Replaces all successor links from a unit. */
export async function replaceSuccessorLinks(tx: Tx, fromId: number, links: SuccessorLink[]): Promise<void> {
  await tx.delete(agencyUnitLinks).where(eq(agencyUnitLinks.fromId, fromId));
  if (links.length > 0) await tx.insert(agencyUnitLinks).values(links.map((link) => ({ fromId, ...link })));
}

/**
 * The unit `code` names on `date`, locked against concurrent change (a concurrent move of its subtree commits
 * first, and this read then sees the new path).
 */
export async function lockUnitValidOn(tx: Tx, code: string, date: string): Promise<AgencyUnitRow | undefined> {
  const [row] = await tx
    .select()
    .from(agencyUnits)
    .where(
      and(
        eq(agencyUnits.code, code),
        sql`(${agencyUnits.validFrom} IS NULL OR ${agencyUnits.validFrom} <= ${date}::date)`,
        sql`(${agencyUnits.validTo} IS NULL OR ${agencyUnits.validTo} >= ${date}::date)`,
      ),
    )
    .for("share");
  return row;
}
