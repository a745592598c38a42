import type { AuditRow } from "../../db/schema/index.js";
import type { TokenWithScope } from "./access.store.js";
import { ApiToken, AuditEntry, type ApiRole } from "./access.types.js";

export function toApiToken(row: TokenWithScope, now = new Date()): ApiToken {
  return Object.assign(new ApiToken(), {
    scopeUnitId: row.unitId,
    id: row.id,
    label: row.label,
    prefix: row.prefix,
    roles: row.roles as ApiRole[],
    agencyCode: row.scopeCode,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    active: !row.revokedAt && (!row.expiresAt || row.expiresAt > now),
  });
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: String(row.id),
    at: row.at,
    tokenId: row.tokenId,
    tokenLabel: row.tokenLabel,
    operation: row.operation,
    key: row.key,
  });
}
