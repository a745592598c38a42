import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { agencyUnits, apiTokens, auditLog, type ApiTokenRow, type AuditRow } from "../../db/schema/index.js";

export interface TokenWithScope extends ApiTokenRow {
  /** The scope unit's current ltree path and code; null for a national token. */
  scopePath: string | null;
  scopeCode: string | null;
}

const withScope = {
  token: apiTokens,
  scopePath: agencyUnits.path,
  scopeCode: agencyUnits.code,
};

function flatten(row: { token: ApiTokenRow; scopePath: string | null; scopeCode: string | null }): TokenWithScope {
  return { ...row.token, scopePath: row.scopePath, scopeCode: row.scopeCode };
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenWithScope | undefined> {
  const [row] = await db
    .select(withScope)
    .from(apiTokens)
    .leftJoin(agencyUnits, eq(agencyUnits.id, apiTokens.unitId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row && flatten(row);
}

export async function findTokenById(db: Db, id: string): Promise<TokenWithScope | undefined> {
  const [row] = await db
    .select(withScope)
    .from(apiTokens)
    .leftJoin(agencyUnits, eq(agencyUnits.id, apiTokens.unitId))
    .where(eq(apiTokens.id, id));
  return row && flatten(row);
}

export async function insertToken(tx: Tx, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await tx.insert(apiTokens).values(values).returning();
  return row!;
}

export async function revokeToken(tx: Tx, id: string, at: Date): Promise<ApiTokenRow | undefined> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`COALESCE(${apiTokens.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(apiTokens.id, id))
    .returning();
  return row;
}

/** Tokens newest first, keyset-paginated on (created_at, id). */
export async function listTokens(db: Db, limit: number, after?: [string, string]): Promise<TokenWithScope[]> {
  const where = after ? sql`(${apiTokens.createdAt}, ${apiTokens.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined;
  const rows = await db
    .select(withScope)
    .from(apiTokens)
    .leftJoin(agencyUnits, eq(agencyUnits.id, apiTokens.unitId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit);
  return rows.map(flatten);
}

export async function countTokens(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(apiTokens);
  return row!.n;
}

/** Appends one audit row inside the write's transaction. */
export async function appendAudit(tx: Tx, entry: typeof auditLog.$inferInsert): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/**
 * Appends one audit row per key (one token, one operation) in one statement, inside the write's transaction. The
 * keys travel as one JSON parameter, so that the statement text is the same whatever their number.
 */
export async function appendAudits(tx: Tx, entry: { tokenId: string; tokenLabel: string | null; operation: string }, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(sql`
    INSERT INTO ${auditLog} (token_id, token_label, operation, key)
    SELECT ${entry.tokenId}, ${entry.tokenLabel}, ${entry.operation}, k FROM json_array_elements_text(${JSON.stringify(keys)}::json) AS k`);
}

export interface AuditFilter {
  tokenId?: string | null;
  operation?: string | null;
  key?: string | null;
  from?: Date | null;
  to?: Date | null;
}

function auditWhere(filter: AuditFilter): SQL | undefined {
  return and(
    filter.tokenId ? eq(auditLog.tokenId, filter.tokenId) : undefined,
    filter.operation ? eq(auditLog.operation, filter.operation) : undefined,
    filter.key ? eq(auditLog.key, filter.key) : undefined,
    filter.from ? sql`${auditLog.at} >= ${filter.from.toISOString()}::timestamptz` : undefined,
    filter.to ? sql`${auditLog.at} < ${filter.to.toISOString()}::timestamptz` : undefined,
  );
}

/** Audit rows newest first, keyset-paginated on id. */
export async function listAudit(db: Db, filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(auditWhere(filter), beforeId !== undefined ? lt(auditLog.id, beforeId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export async function countAudit(db: Db, filter: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(auditWhere(filter));
  return row!.n;
}
