import { sql } from "drizzle-orm";
import {
  bigint, boolean, index, integer, numeric, pgEnum, pgTable, primaryKey, serial, timestamp, varchar,
} from "drizzle-orm/pg-core";
import { agencyUnitKind, agencyUnits } from "./agency-units.js";
import { legalDocuments } from "./legal-documents.js";

export const procedureLevel = pgEnum("procedure_level", ["CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE"]);
export const onlineKind = pgEnum("online_kind", ["FULL", "PARTIAL", "NONE"]);
export const oneStopKind = pgEnum("one_stop_kind", ["ONE_STOP", "INTER_AGENCY"]);

/** Administrative procedures (TTHC): national code `1.001445`, local variants `2.000815.000.00.00.H55`. */
export const procedures = pgTable(
  "procedures",
  {
    id: serial("id").primaryKey(),
    code: varchar("code", { length: 40 }).notNull().unique(),
    name: varchar("name", { length: 1000 }).notNull(),
    /** Lĩnh vực, e.g. "Tư pháp". */
    field: varchar("field", { length: 255 }).notNull(),
    level: procedureLevel("level").notNull(),
    /** The unit that published a local variant (the agency suffix of its code). */
    ownerUnitId: integer("owner_unit_id").references(() => agencyUnits.id),
    implementingKinds: agencyUnitKind("implementing_kinds").array().notNull().default(sql`'{}'`),
    /** Statutory processing time, working days (half days exist). */
    statutoryDays: numeric("statutory_days", { precision: 6, scale: 1, mode: "number" }).notNull(),
    /** The committed (reduced) time; equal to the statutory one when not reduced. */
    committedDays: numeric("committed_days", { precision: 6, scale: 1, mode: "number" }).notNull(),
    feeVnd: bigint("fee_vnd", { mode: "number" }),
    feeNote: varchar("fee_note", { length: 1000 }),
    onlineKind: onlineKind("online_kind").notNull().default("NONE"),
    oneStopKind: oneStopKind("one_stop_kind").notNull().default("ONE_STOP"),
    postal: boolean("postal").notNull().default(false),
    iso9001: boolean("iso9001").notNull().default(false),
    publishedById: integer("published_by_id").references(() => legalDocuments.id),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("procedures_field_idx").on(t.field),
    index("procedures_level_idx").on(t.level),
    index("procedures_owner_idx").on(t.ownerUnitId),
    index("procedures_trgm_idx").using("gin", sql`lt_norm(${t.code} || ' ' || ${t.name}) gin_trgm_ops`),
    index("procedures_fts_idx").using("gin", sql`to_tsvector('simple', lt_norm(${t.name}))`),
  ],
);

/** Units that implement (receive and resolve) a procedure. */
export const procedureAgencies = pgTable(
  "procedure_agencies",
  {
    procedureId: integer("procedure_id").notNull().references(() => procedures.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").notNull().references(() => agencyUnits.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.unitId] }), index("procedure_agencies_unit_idx").on(t.unitId)],
);

export type ProcedureRow = typeof procedures.$inferSelect;
