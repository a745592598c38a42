import { sql } from "drizzle-orm";
import {
  boolean, check, index, integer, numeric, pgEnum, pgTable, primaryKey, serial, timestamp, unique, varchar,
} from "drizzle-orm/pg-core";
import { agencyUnitKind, agencyUnits } from "./agency-units.js";

/** How a criterion is scored: by appraisal of the unit's reports, by the sociological survey, or both. */
export const indexCriterionMethod = pgEnum("index_criterion_method", ["APPRAISAL", "SURVEY", "MIXED"]);

/**
 * Index frameworks (bộ chỉ số): the PAR Index of provinces, SIPAS, a province's own index of its departments and
 * communes… Points are numeric(7,2): published results have two decimals (82.74).
 */
export const indexFrameworks = pgTable(
  "index_frameworks",
  {
    id: serial("id").primaryKey(),
    /** Public code, e.g. `PAR_PROVINCE`, `SIPAS`. */
    code: varchar("code", { length: 40 }).notNull().unique(),
    name: varchar("name", { length: 500 }).notNull(),
    description: varchar("description", { length: 4000 }),
    /** The kinds of unit this framework scores (provinces; or departments and communes). */
    scoredKinds: agencyUnitKind("scored_kinds").array().notNull(),
    maxTotal: numeric("max_total", { precision: 7, scale: 2, mode: "number" }).notNull(),
    /** The first and last year the framework applies to; null: open. */
    fromYear: integer("from_year"),
    toYear: integer("to_year"),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Bumped by every change of the framework or its criteria: score writers re-read the criteria when it moves. */
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [check("index_frameworks_years_check", sql`${t.fromYear} IS NULL OR ${t.toYear} IS NULL OR ${t.fromYear} <= ${t.toYear}`)],
);

/**
 * The criteria tree of a framework: fields (lĩnh vực, code `1`) → criteria (tiêu chí, `1.4`) → sub-criteria
 * (tiêu chí thành phần, `1.4.2`). The parent of a code is the code without its last segment.
 */
export const indexCriteria = pgTable(
  "index_criteria",
  {
    id: serial("id").primaryKey(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => indexFrameworks.id, { onDelete: "cascade" }),
    code: varchar("code", { length: 40 }).notNull(),
    parentId: integer("parent_id").references((): any => indexCriteria.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 1000 }).notNull(),
    maxPoints: numeric("max_points", { precision: 7, scale: 2, mode: "number" }).notNull(),
    /** The department that scores or answers for it, e.g. `Sở Nội vụ`. */
    responsible: varchar("responsible", { length: 255 }),
    method: indexCriterionMethod("method").notNull().default("APPRAISAL"),
    /** Order among all criteria of the framework, as sent. */
    position: integer("position").notNull(),
  },
  (t) => [
    unique("index_criteria_framework_code_unique").on(t.frameworkId, t.code),
    index("index_criteria_parent_idx").on(t.parentId),
    check("index_criteria_max_check", sql`${t.maxPoints} >= 0`),
  ],
);

/** Scores of one unit for one leaf criterion in one year. A row with no score at all is deleted, not kept. */
export const indexScores = pgTable(
  "index_scores",
  {
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => indexFrameworks.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => agencyUnits.id, { onDelete: "cascade" }),
    criterionId: integer("criterion_id")
      .notNull()
      .references(() => indexCriteria.id),
    selfScore: numeric("self_score", { precision: 7, scale: 2, mode: "number" }),
    appraisedScore: numeric("appraised_score", { precision: 7, scale: 2, mode: "number" }),
    surveyScore: numeric("survey_score", { precision: 7, scale: 2, mode: "number" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.frameworkId, t.year, t.unitId, t.criterionId] }),
    index("index_scores_unit_idx").on(t.unitId),
    index("index_scores_criterion_idx").on(t.criterionId),
    check(
      "index_scores_nonnegative_check",
      sql`coalesce(${t.selfScore}, 0) >= 0 AND coalesce(${t.appraisedScore}, 0) >= 0 AND coalesce(${t.surveyScore}, 0) >= 0`,
    ),
  ],
);

/**
 * Officially published results (total and rank) of a unit, e.g. Bắc Giang's PAR Index 2017: 82.74, 13th of 63.
 * Kept apart from the scores: the other units' scores of a published ranking are usually not known.
 */
export const indexResults = pgTable(
  "index_results",
  {
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => indexFrameworks.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => agencyUnits.id, { onDelete: "cascade" }),
    total: numeric("total", { precision: 7, scale: 2, mode: "number" }).notNull(),
    rank: integer("rank"),
    rankOf: integer("rank_of"),
    /** Where the result was published, e.g. `Quyết định 1154/QĐ-BNV`. */
    source: varchar("source", { length: 1000 }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.frameworkId, t.year, t.unitId] }),
    index("index_results_unit_idx").on(t.unitId),
    check("index_results_rank_check", sql`${t.rank} IS NULL OR (${t.rank} >= 1 AND (${t.rankOf} IS NULL OR ${t.rank} <= ${t.rankOf}))`),
  ],
);

export type IndexFrameworkRow = typeof indexFrameworks.$inferSelect;
export type IndexCriterionRow = typeof indexCriteria.$inferSelect;
export type IndexScoreRow = typeof indexScores.$inferSelect;
export type IndexResultRow = typeof indexResults.$inferSelect;
