import { and, asc, desc, eq, getTableColumns, gt, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agencyUnits, procedureAgencies, procedures, type AgencyUnitRow, type ProcedureRow } from "../../db/schema/index.js";

type Reader = Db | Tx;
export type ProcedureValues = Omit<typeof procedures.$inferInsert, "id" | "createdAt" | "updatedAt">;
type Level = ProcedureRow["level"];
type Online = ProcedureRow["onlineKind"];

const p = procedures;
/** Exactly the expressions of the indexes `procedures_trgm_idx` and `procedures_fts_idx`. */
const searchText = sql`lt_norm(${p.code} || ' ' || ${p.name})`;
const nameVector = sql`to_tsvector('simple', lt_norm(${p.name}))`;

function matches(query: string): SQL {
  const pattern = query.replace(/[\\%_]/g, "\\$&");
  return sql`(${nameVector} @@ plainto_tsquery('simple', lt_norm(${query})) OR ${searchText} ILIKE '%' || lt_norm(${pattern}) || '%')`;
}

function rank(query: string): SQL<number> {
  return sql<number>`(ts_rank(${nameVector}, plainto_tsquery('simple', lt_norm(${query}))) + similarity(${searchText}, lt_norm(${query})))`;
}

export interface ProcedureQuery {
  search?: string;
  field?: string;
  level?: Level;
  onlineKind?: Online;
  agencyCode?: string;
  hasReducedTime?: boolean;
  iso9001?: boolean;
}

function conditions(q: ProcedureQuery): SQL | undefined {
  const unitsWithCode = (code: string) => sql`(SELECT ${agencyUnits.id} FROM ${agencyUnits} WHERE ${agencyUnits.code} = ${code})`;
  return and(
    q.search ? matches(q.search) : undefined,
    q.field ? eq(p.field, q.field) : undefined,
    q.level ? eq(p.level, q.level) : undefined,
    q.onlineKind ? eq(p.onlineKind, q.onlineKind) : undefined,
    q.agencyCode
      ? or(
          inArray(p.id, sql`(SELECT ${procedureAgencies.procedureId} FROM ${procedureAgencies} WHERE ${procedureAgencies.unitId} IN ${unitsWithCode(q.agencyCode)})`),
          inArray(p.ownerUnitId, unitsWithCode(q.agencyCode)),
        )
      : undefined,
    q.hasReducedTime === undefined ? undefined : q.hasReducedTime ? lt(p.committedDays, p.statutoryDays) : eq(p.committedDays, p.statutoryDays),
    q.iso9001 === undefined ? undefined : eq(p.iso9001, q.iso9001),
  );
}

/** A page by relevance: `limit` rows after `offset`. */
export async function searchProcedures(db: Reader, q: ProcedureQuery & { search: string }, offset: number, limit: number) {
  return db.select().from(p).where(conditions(q)).orderBy(desc(rank(q.search)), asc(p.code)).offset(offset).limit(limit);
}

/** A page in code order: `limit` rows after the code `after`. */
export async function listProcedures(db: Reader, q: ProcedureQuery, after: string | undefined, limit: number) {
  return db
    .select()
    .from(p)
    .where(and(conditions(q), after === undefined ? undefined : gt(p.code, after)))
    .orderBy(asc(p.code))
    .limit(limit);
}

export async function countProcedures(db: Reader, q: ProcedureQuery): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(p).where(conditions(q));
  return Number(row?.n ?? 0);
}

/** Procedures per field (lĩnh vực) matching the query, largest first. */
export async function countByField(db: Reader, q: ProcedureQuery) {
  const count = sql<number>`count(*)::int`;
  const rows = await db
    .select({
      field: p.field,
      count,
      withReducedTime: sql<number>`(count(*) FILTER (WHERE ${p.committedDays} < ${p.statutoryDays}))::int`,
      iso9001: sql<number>`(count(*) FILTER (WHERE ${p.iso9001}))::int`,
    })
    .from(p)
    .where(conditions(q))
    .groupBy(p.field)
    .orderBy(desc(count), asc(p.field));
  return rows.map((row) => ({ ...row, count: Number(row.count), withReducedTime: Number(row.withReducedTime), iso9001: Number(row.iso9001) }));
}

/** What a dossier receipt needs of a procedure: its id, committed processing time and what the rollups count. */
export interface ProcedureFacts {
  id: number;
  code: string;
  committedDays: number;
  field: string;
  feeVnd: number | null;
}

/** The procedures with these codes (what a receipt needs of them), in one statement for any number of codes. */
export async function findProcedureFactsByCodes(db: Reader, codes: readonly string[]): Promise<ProcedureFacts[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ id: p.id, code: p.code, committedDays: p.committedDays, field: p.field, feeVnd: p.feeVnd })
    .from(p)
    .where(sql`${p.code} IN (SELECT json_array_elements_text(${JSON.stringify(codes)}::json))`);
  return rows.map((r) => ({ ...r, feeVnd: r.feeVnd === null ? null : Number(r.feeVnd) }));
}

/** Procedures by internal id, in no particular order. */
export async function findProceduresByIds(db: Reader, ids: readonly number[]): Promise<ProcedureRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(p).where(inArray(p.id, [...ids]));
}

export async function findProcedureByCode(db: Reader, code: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(p).where(eq(p.code, code));
  return row;
}

/**
 * Units by code, one per code: the unit valid on `asOf`, else the latest that carried the code (procedures keep
 * naming units dissolved in the 2025 reorganisation). One statement for any number of codes.
 */
export async function findUnitsForCodes(db: Reader, codes: readonly string[], asOf: string): Promise<Map<string, AgencyUnitRow>> {
  if (codes.length === 0) return new Map();
  const u = agencyUnits;
  const rows = await db
    .selectDistinctOn([u.code])
    .from(u)
    .where(inArray(u.code, [...new Set(codes)]))
    .orderBy(
      u.code,
      sql`((${u.validFrom} IS NULL OR ${u.validFrom} <= ${asOf}::date) AND (${u.validTo} IS NULL OR ${u.validTo} >= ${asOf}::date)) DESC`,
      sql`${u.validFrom} DESC NULLS LAST`,
    );
  return new Map(rows.map((row) => [row.code, row]));
}

/** Inserts a procedure; undefined when a concurrent writer inserted the same code first. */
export async function insertProcedure(tx: Tx, values: ProcedureValues): Promise<number | undefined> {
  const [row] = await tx.insert(p).values(values).onConflictDoNothing().returning({ id: p.id });
  return row?.id;
}

export async function updateProcedure(tx: Tx, id: number, values: ProcedureValues): Promise<void> {
  await tx.update(p).set({ ...values, updatedAt: new Date() }).where(eq(p.id, id));
}

/** Ids of the implementing units of a procedure, ascending. */
export async function agencyIdsOf(db: Reader, procedureId: number): Promise<number[]> {
  const rows = await db
    .select({ unitId: procedureAgencies.unitId })
    .from(procedureAgencies)
    .where(eq(procedureAgencies.procedureId, procedureId))
    .orderBy(asc(procedureAgencies.unitId));
  return rows.map((row) => row.unitId);
}

export async function replaceAgencies(tx: Tx, procedureId: number, unitIds: number[]): Promise<void> {
  await tx.delete(procedureAgencies).where(eq(procedureAgencies.procedureId, procedureId));
  await addAgencies(tx, procedureId, unitIds);
}

export async function addAgencies(tx: Tx, procedureId: number, unitIds: number[]): Promise<void> {
  if (unitIds.length > 0) await tx.insert(procedureAgencies).values(unitIds.map((unitId) => ({ procedureId, unitId })));
}

/** The implementing units of these procedures, in one statement. */
export async function agenciesOfProcedures(db: Reader, procedureIds: readonly number[]) {
  return db
    .select({ procedureId: procedureAgencies.procedureId, unit: getTableColumns(agencyUnits) })
    .from(procedureAgencies)
    .innerJoin(agencyUnits, eq(agencyUnits.id, procedureAgencies.unitId))
    .where(inArray(procedureAgencies.procedureId, [...procedureIds]))
    .orderBy(asc(agencyUnits.code), asc(agencyUnits.id));
}

/**
 * The first `first` procedures (in code order) that each unit implements or owns, in one statement: row_number()
 * per unit keeps a page per unit whatever the number of units.
 */
export async function proceduresOfUnits(db: Reader, unitIds: readonly number[], first: number) {
  const ids = [...unitIds];
  const implemented = db
    .select({ procedureId: procedureAgencies.procedureId, unitId: procedureAgencies.unitId })
    .from(procedureAgencies)
    .where(inArray(procedureAgencies.unitId, ids));
  const owned = db
    .select({ procedureId: p.id, unitId: sql<number>`${p.ownerUnitId}`.as("unit_id") })
    .from(p)
    .where(inArray(p.ownerUnitId, ids));
  const links = implemented.union(owned).as("links");
  const ranked = db
    .select({
      ...getTableColumns(p),
      forUnit: sql<number>`${links.unitId}`.as("for_unit"),
      position: sql<number>`row_number() OVER (PARTITION BY ${links.unitId} ORDER BY ${p.code})`.as("position"),
    })
    .from(p)
    .innerJoin(links, eq(links.procedureId, p.id))
    .as("ranked");
  const rows = await db.select().from(ranked).where(lte(ranked.position, first)).orderBy(asc(ranked.position));
  return rows.map(({ position: _position, forUnit, ...row }) => ({ unitId: Number(forUnit), row: row as ProcedureRow }));
}
