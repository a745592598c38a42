import { sql } from "drizzle-orm";
import {
  boolean, date, index, integer, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { agencyUnits } from "./agency-units.js";

export const legalDocumentStatus = pgEnum("legal_document_status", [
  "NOT_YET_IN_FORCE",
  "IN_FORCE",
  "PARTLY_EXPIRED",
  "EXPIRED",
]);

export const legalDocumentRelationKind = pgEnum("legal_document_relation_kind", [
  "IMPLEMENTS",
  "BASED_ON",
  "AMENDS",
  "REPLACES",
  "REPEALS",
]);

/**
 * Legal documents. A number/symbol such as `53/KH-UBND` is reused by every People's Committee and every year, so
 * a document is identified by (symbol, issuer key, year issued).
 */
export const legalDocuments = pgTable(
  "legal_documents",
  {
    id: serial("id").primaryKey(),
    symbol: varchar("symbol", { length: 64 }).notNull(),
    number: integer("number").notNull(),
    /** Type code from the symbol (`KH`, `NĐ`…); `CV` for official letters, whose symbols carry none. */
    docType: varchar("doc_type", { length: 16 }).notNull(),
    /** The issuing body's abbreviation from the symbol (`UBND`, `TTg`, `UBND-NC`). */
    issuerAbbr: varchar("issuer_abbr", { length: 48 }).notNull(),
    issuerUnitId: integer("issuer_unit_id").references(() => agencyUnits.id),
    issuerName: varchar("issuer_name", { length: 255 }).notNull(),
    /** The issuer's agency code, or its normalised name for central bodies without a unit. */
    issuerKey: varchar("issuer_key", { length: 255 }).notNull(),
    issuedYear: smallint("issued_year").notNull(),
    signer: varchar("signer", { length: 255 }),
    summary: text("summary").notNull(),
    body: text("body"),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }),
    expiresOn: date("expires_on", { mode: "string" }),
    status: legalDocumentStatus("status"),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("legal_documents_key_idx").on(t.symbol, t.issuerKey, t.issuedYear),
    index("legal_documents_symbol_idx").on(t.symbol),
    index("legal_documents_issuer_idx").on(t.issuerUnitId),
    index("legal_documents_issued_idx").on(t.issuedOn),
    index("legal_documents_trgm_idx").using(
      "gin",
      sql`lt_norm(${t.symbol} || ' ' || ${t.summary}) gin_trgm_ops`,
    ),
    index("legal_documents_fts_idx").using(
      "gin",
      sql`to_tsvector('simple', lt_norm(${t.symbol} || ' ' || ${t.summary}))`,
    ),
  ],
);

/** `from` implements / is based on / amends / replaces / repeals `to`. */
export const legalDocumentRelations = pgTable(
  "legal_document_relations",
  {
    fromId: integer("from_id").notNull().references(() => legalDocuments.id, { onDelete: "cascade" }),
    toId: integer("to_id").notNull().references(() => legalDocuments.id, { onDelete: "cascade" }),
    kind: legalDocumentRelationKind("kind").notNull(),
    /** REPLACES / REPEALS of only a part of the other document (thay thế, bãi bỏ một phần). */
    partial: boolean("partial").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.kind] }), index("legal_document_relations_to_idx").on(t.toId)],
);

export type LegalDocumentRow = typeof legalDocuments.$inferSelect;
