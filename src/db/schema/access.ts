import { bigserial, index, integer, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { agencyUnits } from "./agency-units.js";

export const apiRole = pgEnum("api_role", ["READER", "WRITER", "PERSONAL_DATA", "ADMIN"]);

/** API tokens: only a SHA-256 hash of the secret is stored; the secret is shown once when issued. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    /** The first characters of the secret, to recognise a token in listings. */
    prefix: varchar("prefix", { length: 12 }).notNull(),
    /** The scope: the token acts on this unit's subtree; null for the whole country. */
    unitId: integer("unit_id").references(() => agencyUnits.id),
    roles: apiRole("roles").array().notNull(),
    label: varchar("label", { length: 200 }).notNull(),
    createdBy: varchar("created_by", { length: 64 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("api_tokens_unit_idx").on(t.unitId)],
);

/** One row per applied write item, written in the item's transaction. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** The token's id, or `bootstrap` for ADMIN_TOKEN. */
    tokenId: varchar("token_id", { length: 64 }).notNull(),
    tokenLabel: varchar("token_label", { length: 200 }),
    operation: varchar("operation", { length: 64 }).notNull(),
    key: text("key").notNull(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_token_idx").on(t.tokenId, t.id),
    index("audit_log_operation_idx").on(t.operation, t.id),
  ],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
