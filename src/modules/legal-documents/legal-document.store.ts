import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agencyUnits, legalDocumentRelations, legalDocuments, type LegalDocumentRow } from "../../db/schema/index.js";
import type { DocumentStatus } from "./document-status.js";

type Reader = Db | Tx;
type RelationKind = (typeof legalDocumentRelations.$inferSelect)["kind"];
export type LegalDocumentValues = Omit<typeof legalDocuments.$inferInsert, "id" | "createdAt" | "updatedAt">;

const d = legalDocuments;
/** The searched text: exactly the expression of the indexes `legal_documents_trgm_idx` and `legal_documents_fts_idx`. */
const searchText = sql`lt_norm(${d.symbol} || ' ' || ${d.summary})`;
const searchVector = sql`to_tsvector('simple', ${searchText})`;

/** Full-text or substring match of the normalised `query`, both served by an index. */
function matches(query: string): SQL {
  const pattern = query.replace(/[\\%_]/g, "\\$&");
  return sql`(${searchVector} @@ plainto_tsquery('simple', lt_norm(${query})) OR ${searchText} ILIKE '%' || lt_norm(${pattern}) || '%')`;
}

function rank(query: string): SQL<number> {
  return sql<number>`(ts_rank(${searchVector}, plainto_tsquery('simple', lt_norm(${query}))) + similarity(${searchText}, lt_norm(${query})))`;
}

/** The status today from the dates, the relations and the stored status, as `deriveStatus` (document-status.ts) does. */
function effectiveStatus(today: string): SQL {
  const ended = (partial: boolean) => sql`EXISTS (SELECT 1 FROM ${legalDocumentRelations} r JOIN ${d} o ON o.id = r.from_id
    WHERE r.to_id = ${d.id} AND r.kind IN ('REPLACES', 'REPEALS') AND r.partial = ${partial}
      AND COALESCE(o.effective_from, o.issued_on) <= ${today}::date)`;
  return sql`CASE
    WHEN COALESCE(${d.effectiveFrom}, ${d.issuedOn}) > ${today}::date THEN 'NOT_YET_IN_FORCE'::legal_document_status
    WHEN ${d.expiresOn} IS NOT NULL AND ${d.expiresOn} <= ${today}::date THEN 'EXPIRED'::legal_document_status
    WHEN ${ended(false)} THEN 'EXPIRED'::legal_document_status
    WHEN ${ended(true)} THEN 'PARTLY_EXPIRED'::legal_document_status
    ELSE COALESCE(${d.status}, 'IN_FORCE'::legal_document_status) END`;
}

export interface DocumentQuery {
  search?: string;
  type?: string;
  issuerCode?: string;
  status?: DocumentStatus;
  issuedFrom?: string;
  issuedTo?: string;
  today: string;
}

function conditions(q: DocumentQuery): SQL | undefined {
  return and(
    q.search ? matches(q.search) : undefined,
    q.type ? eq(d.docType, q.type) : undefined,
    q.issuerCode
      ? inArray(d.issuerUnitId, sql`(SELECT ${agencyUnits.id} FROM ${agencyUnits} WHERE ${agencyUnits.code} = ${q.issuerCode})`)
      : undefined,
    q.status ? sql`${effectiveStatus(q.today)} = ${q.status}::legal_document_status` : undefined,
    q.issuedFrom ? gte(d.issuedOn, q.issuedFrom) : undefined,
    q.issuedTo ? lte(d.issuedOn, q.issuedTo) : undefined,
  );
}

/** A page by relevance (search given): `limit` rows after `offset`. */
export async function searchDocuments(db: Reader, q: DocumentQuery & { search: string }, offset: number, limit: number) {
  return db
    .select()
    .from(d)
    .where(conditions(q))
    .orderBy(desc(rank(q.search)), asc(d.id))
    .offset(offset)
    .limit(limit);
}

/** A page newest first: `limit` rows after the keyset position (issuedOn, id). */
export async function listDocuments(db: Reader, q: DocumentQuery, after: [string, number] | undefined, limit: number) {
  const position = after ? sql`(${d.issuedOn}, ${d.id}) < (${after[0]}::date, ${after[1]})` : undefined;
  return db
    .select()
    .from(d)
    .where(and(conditions(q), position))
    .orderBy(desc(d.issuedOn), desc(d.id))
    .limit(limit);
}

export async function countDocuments(db: Reader, q: DocumentQuery): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(d).where(conditions(q));
  return Number(row?.n ?? 0);
}

/** Documents with this symbol, optionally narrowed by issuer key and year; at most `limit`, newest first. */
export async function findDocumentsBySymbol(
  db: Reader,
  symbol: string,
  narrow: { issuerKey?: string | null; year?: number | null },
  limit = 10,
): Promise<LegalDocumentRow[]> {
  return db
    .select()
    .from(d)
    .where(
      and(
        eq(d.symbol, symbol),
        narrow.issuerKey ? eq(d.issuerKey, narrow.issuerKey) : undefined,
        narrow.year ? eq(d.issuedYear, narrow.year) : undefined,
      ),
    )
    .orderBy(desc(d.issuedOn), desc(d.id))
    .limit(limit);
}

export async function findDocumentByKey(db: Reader, symbol: string, issuerKey: string, year: number) {
  const [row] = await db
    .select()
    .from(d)
    .where(and(eq(d.symbol, symbol), eq(d.issuerKey, issuerKey), eq(d.issuedYear, year)));
  return row;
}

export async function findDocumentsByIds(db: Reader, ids: readonly number[]): Promise<LegalDocumentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(d).where(inArray(d.id, [...ids]));
}

/** Inserts a document; undefined when a concurrent writer inserted the same key first. */
export async function insertDocument(tx: Tx, values: LegalDocumentValues): Promise<number | undefined> {
  const [row] = await tx.insert(d).values(values).onConflictDoNothing().returning({ id: d.id });
  return row?.id;
}

export async function updateDocument(tx: Tx, id: number, values: LegalDocumentValues): Promise<void> {
  await tx.update(d).set({ ...values, updatedAt: new Date() }).where(eq(d.id, id));
}

/** Outgoing relations of `fromId` as (kind, target id), sorted for comparison. */
export async function relationKeysFrom(db: Reader, fromId: number): Promise<{ kind: RelationKind; toId: number; partial: boolean }[]> {
  return db
    .select({ kind: legalDocumentRelations.kind, toId: legalDocumentRelations.toId, partial: legalDocumentRelations.partial })
    .from(legalDocumentRelations)
    .where(eq(legalDocumentRelations.fromId, fromId))
    .orderBy(asc(legalDocumentRelations.toId), asc(legalDocumentRelations.kind));
}

export async function replaceRelations(tx: Tx, fromId: number, relations: { kind: RelationKind; toId: number; partial: boolean }[]): Promise<void> {
  await tx.delete(legalDocumentRelations).where(eq(legalDocumentRelations.fromId, fromId));
  if (relations.length > 0) {
    await tx.insert(legalDocumentRelations).values(relations.map((r) => ({ fromId, toId: r.toId, kind: r.kind, partial: r.partial })));
  }
}

/** Relations touching `ids` on one side, with the document on the other side, in one statement. */
export async function relationsWithDocuments(db: Reader, side: "from" | "to", ids: readonly number[]) {
  const r = legalDocumentRelations;
  const [own, other] = side === "from" ? [r.fromId, r.toId] : [r.toId, r.fromId];
  return db
    .select({ ownId: own, kind: r.kind, partial: r.partial, document: getTableColumns(d) })
    .from(r)
    .innerJoin(d, eq(d.id, other))
    .where(inArray(own, [...ids]))
    .orderBy(asc(r.kind), desc(d.issuedOn), asc(d.id));
}

/**
 * The `first` newest documents of each unit in one statement: row_number() per issuer unit keeps a page per unit
 * whatever the number of units asked for.
 */
export async function latestIssuedByUnits(db: Reader, unitIds: readonly number[], first: number): Promise<LegalDocumentRow[]> {
  const ranked = db
    .select({
      ...getTableColumns(d),
      position: sql<number>`row_number() OVER (PARTITION BY ${d.issuerUnitId} ORDER BY ${d.issuedOn} DESC, ${d.id} DESC)`.as("position"),
    })
    .from(d)
    .where(inArray(d.issuerUnitId, [...unitIds]))
    .as("ranked");
  const rows = await db.select().from(ranked).where(lte(ranked.position, first)).orderBy(asc(ranked.position));
  return rows.map(({ position: _position, ...row }) => row as LegalDocumentRow);
}
