import { sql } from "drizzle-orm";
import type { Context } from "../../context.js";
import { BadInputError, NotFoundError } from "../../shared/errors.js";
import { pageRequest, toConnection } from "../../shared/pagination.js";
import { vnToday } from "../../shared/scalars.js";
import { unitRowByCode } from "../agency-units/agency-unit.service.js";
import { assertAdmin, recordAudit } from "./access.service.js";
import { countAudit, countTokens, findTokenById, insertToken, listAudit, listTokens, revokeToken, type AuditFilter } from "./access.store.js";
import { toApiToken, toAuditEntry } from "./access.mapper.js";
import type { IssueApiTokenInput, IssuedToken } from "./access.types.js";
import { TOKEN_REVOKED_CHANNEL } from "./authenticator.js";
import { generateToken, hashToken } from "./token.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Issues a token (administrators only); the secret is returned once and only its hash is stored. */
export async function issueApiToken(ctx: Context, input: IssueApiTokenInput): Promise<IssuedToken> {
  assertAdmin(ctx.viewer);
  const label = input.label.normalize("NFC").trim();
  if (label.length === 0 || label.length > 200) throw new BadInputError("input.label", "must be 1 to 200 characters");
  if (input.roles.length === 0) throw new BadInputError("input.roles", "must name at least one role");
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new BadInputError("input.expiresAt", "must be in the future");
  }
  let unit: Awaited<ReturnType<typeof unitRowByCode>>;
  if (input.agencyCode != null) {
    unit = await unitRowByCode(ctx.db, input.agencyCode, vnToday());
    if (!unit) throw new BadInputError("input.agencyCode", `no agency unit has the code ${JSON.stringify(input.agencyCode)}`);
  }
  const token = generateToken();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertToken(tx, {
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      unitId: unit?.id ?? null,
      roles: [...new Set(input.roles)],
      label,
      createdBy: ctx.viewer.tokenId!,
      expiresAt: input.expiresAt ?? null,
    });
    await recordAudit(tx, ctx.viewer, "issueApiToken", inserted.id);
    return inserted;
  });
  return { token, apiToken: toApiToken({ ...row, scopePath: unit?.path ?? null, scopeCode: unit?.code ?? null }) };
}

/**
 * Revokes a token at once: every instance hears it through NOTIFY (delivered at commit), drops it from its cache
 * and closes the token's open WebSocket connections.
 */
export async function revokeApiToken(ctx: Context, id: string) {
  assertAdmin(ctx.viewer);
  if (!UUID.test(id)) throw new BadInputError("id", "must be a token id (UUID)");
  const row = await ctx.db.transaction(async (tx) => {
    const revoked = await revokeToken(tx, id, new Date());
    if (!revoked) return undefined;
    await recordAudit(tx, ctx.viewer, "revokeApiToken", id);
    await tx.execute(sql`SELECT pg_notify(${TOKEN_REVOKED_CHANNEL}, ${id})`);
    return revoked;
  });
  if (!row) throw new NotFoundError("API token", id);
  return toApiToken((await findTokenById(ctx.db, id))!);
}

/** All tokens, newest first, without secrets. */
export async function apiTokens(ctx: Context, first?: number | null, after?: string | null) {
  assertAdmin(ctx.viewer);
  const page = pageRequest("ApiToken", first, after);
  const position = page.after as [string, string] | undefined;
  if (position && !(UUID.test(String(position[1])) && !Number.isNaN(Date.parse(String(position[0]))))) {
    throw new BadInputError("after", "is not a cursor of this list");
  }
  const rows = await listTokens(ctx.db, page.first + 1, position);
  return toConnection("ApiToken", rows, page, (r) => [r.createdAt.toISOString(), r.id], (r) => toApiToken(r), () => countTokens(ctx.db));
}

/** The audit trail, newest first. */
export async function auditLog(ctx: Context, filter: AuditFilter, first?: number | null, after?: string | null) {
  assertAdmin(ctx.viewer);
  if (filter.from && filter.to && filter.to < filter.from) throw new BadInputError("filter.to", "must not be before filter.from");
  const page = pageRequest("AuditEntry", first, after);
  const beforeId = page.after ? Number(page.after[0]) : undefined;
  if (beforeId !== undefined && !Number.isSafeInteger(beforeId)) throw new BadInputError("after", "is not a cursor of this list");
  const rows = await listAudit(ctx.db, filter, page.first + 1, beforeId);
  return toConnection("AuditEntry", rows, page, (r) => [r.id], toAuditEntry, () => countAudit(ctx.db, filter));
}
