import { sql } from "drizzle-orm";
import {
  boolean, date, index, integer, pgEnum, pgTable, primaryKey, serial, timestamp, varchar,
} from "drizzle-orm/pg-core";
import { ltree } from "./columns.js";

export const agencyUnitKind = pgEnum("agency_unit_kind", [
  "MINISTRY",
  "PROVINCE",
  "PROVINCIAL_DEPARTMENT",
  "DISTRICT",
  "DISTRICT_OFFICE",
  "COMMUNE",
  "WARD",
  "TOWNSHIP",
  "SERVICE_UNIT",
]);

export const agencyUnitLinkKind = pgEnum("agency_unit_link_kind", ["MERGED_INTO", "SPLIT_INTO", "RENAMED"]);

/**
 * Agency units. The electronic code (Decision 20/2020) is reused by successor units, so it is unique only within a
 * validity period: an exclusion constraint (migration 0002) forbids two units with the same code on the same day.
 */
export const agencyUnits = pgTable(
  "agency_units",
  {
    id: serial("id").primaryKey(),
    code: varchar("code", { length: 13 }).notNull(),
    gsoCode: varchar("gso_code", { length: 5 }),
    name: varchar("name", { length: 255 }).notNull(),
    kind: agencyUnitKind("kind").notNull(),
    parentId: integer("parent_id").references((): any => agencyUnits.id),
    /** ids from the root down to this unit, e.g. `1.5.27`. */
    path: ltree("path").notNull(),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    address: varchar("address", { length: 500 }),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("agency_units_code_idx").on(t.code),
    index("agency_units_parent_idx").on(t.parentId),
    index("agency_units_path_idx").using("gist", t.path),
    index("agency_units_gso_idx").on(t.gsoCode),
    index("agency_units_name_trgm_idx").using("gin", sql`lt_norm(${t.name}) gin_trgm_ops`),
  ],
);

/** Typed predecessor → successor links (a merge, a split, a rename). */
export const agencyUnitLinks = pgTable(
  "agency_unit_links",
  {
    fromId: integer("from_id").notNull().references(() => agencyUnits.id, { onDelete: "cascade" }),
    toId: integer("to_id").notNull().references(() => agencyUnits.id, { onDelete: "cascade" }),
    kind: agencyUnitLinkKind("kind").notNull(),
    effectiveOn: date("effective_on", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.kind] }), index("agency_unit_links_to_idx").on(t.toId)],
);

export type AgencyUnitRow = typeof agencyUnits.$inferSelect;
export type AgencyUnitLinkRow = typeof agencyUnitLinks.$inferSelect;
