import { date, integer, pgEnum, pgTable, primaryKey, timestamp, varchar } from "drizzle-orm/pg-core";
import { agencyUnits } from "./agency-units.js";
import { dossierChannel } from "./dossiers.js";
import { procedures } from "./procedures.js";

/**
 * The time grain of a rollup row: a Vietnamese calendar day, or a calendar month (`start` is its first day). Every
 * dossier fact is counted in both, so that a period is answered by its whole months from MONTH rows and only its
 * partial months at either end from DAY rows (see `dashboard-period.ts`).
 */
export const rollupSpan = pgEnum("rollup_span", ["DAY", "MONTH"]);

/**
 * Dossier counters of every unit's whole SUBTREE, by day or month and channel: a dossier counts in the row of its
 * RECEIVING agency (the national portal attributes dossiers to the agency that received them; hand-overs do not move
 * counts) and in the row of each ancestor of it (by `path`). Kept current in the transaction of every dossier write
 * (`rollup.store.ts`) and rebuilt from the dossiers by `npm run rollups:rebuild`.
 *
 * Receipt counters (`received` and the flags) count on the Vietnamese date of receipt; outcome counters (`early`,
 * `on_time`, `late` for dossiers resolved — finished by RESOLVED/RETURNED —, `stopped`, `not_accepted`) on the date
 * the handling ended (`finished_at`), as the national portal reports "resolved in the period".
 *
 * A dashboard of any unit reads the rows of the few units that bound its buckets (itself, its children, merged
 * predecessors) instead of one row per unit below it: a province-year is ~50 × 12 × 3 rows rather than
 * ~650 × 12 × 3. Moving a unit to another parent moves its subtree's rows between the old and new ancestors in the
 * same transaction.
 */
export const dossierSubtreeRollups = pgTable(
  "dossier_subtree_rollups",
  {
    agencyId: integer("agency_id").notNull().references(() => agencyUnits.id),
    span: rollupSpan("span").notNull(),
    start: date("start", { mode: "string" }).notNull(),
    channel: dossierChannel("channel").notNull(),
    received: integer("received").notNull().default(0),
    /** Received dossiers whose fees were paid online. */
    paidOnline: integer("paid_online").notNull().default(0),
    /** Received dossiers with digitised documents. */
    digitised: integer("digitised").notNull().default(0),
    /** Received dossiers whose result is issued electronically. */
    electronicResult: integer("electronic_result").notNull().default(0),
    /** Received dossiers with a fee to pay: the procedure had a fee when the dossier was written, or it was paid online. */
    feeDue: integer("fee_due").notNull().default(0),
    early: integer("early").notNull().default(0),
    onTime: integer("on_time").notNull().default(0),
    late: integer("late").notNull().default(0),
    stopped: integer("stopped").notNull().default(0),
    notAccepted: integer("not_accepted").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.span, t.start, t.channel] })],
);

/**
 * The same receipt and outcome counters by the procedure's field (lĩnh vực) instead of the channel, for every unit's
 * subtree. The field is the procedure's when the dossier was written; `npm run rollups:rebuild` re-attributes history
 * after a procedure changes field.
 */
export const dossierSubtreeFieldRollups = pgTable(
  "dossier_subtree_field_rollups",
  {
    agencyId: integer("agency_id").notNull().references(() => agencyUnits.id),
    span: rollupSpan("span").notNull(),
    start: date("start", { mode: "string" }).notNull(),
    field: varchar("field", { length: 255 }).notNull(),
    received: integer("received").notNull().default(0),
    early: integer("early").notNull().default(0),
    onTime: integer("on_time").notNull().default(0),
    late: integer("late").notNull().default(0),
    stopped: integer("stopped").notNull().default(0),
    notAccepted: integer("not_accepted").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.span, t.start, t.field] })],
);

/**
 * Open dossiers of every unit's subtree (by receiving agency), in time or overdue as of the sweep watermark
 * (`dossier_open_sweep`): a dossier waiting on a supplement is overdue when its effective due instant was before
 * the wait began (fixed), any other open one when its effective due instant is before the watermark. Dashboards add
 * the few dossiers whose due instant lies between the watermark and now, read from the dossiers.
 */
export const dossierOpenCounts = pgTable("dossier_open_counts", {
  agencyId: integer("agency_id").primaryKey().references(() => agencyUnits.id),
  inTime: integer("in_time").notNull().default(0),
  overdue: integer("overdue").notNull().default(0),
});

/** The overdue open dossiers of every unit's subtree per procedure, as {@link dossierOpenCounts} classifies them. */
export const dossierOverdueProcedures = pgTable(
  "dossier_overdue_procedures",
  {
    agencyId: integer("agency_id").notNull().references(() => agencyUnits.id),
    procedureId: integer("procedure_id").notNull().references(() => procedures.id),
    overdue: integer("overdue").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.procedureId] })],
);

/**
 * One row: the instant up to which the open-dossier counters have classified running dossiers as overdue. Writers
 * classify against it under a shared advisory lock; the sweeper (`open-sweeper.ts`) moves it forward under the
 * exclusive lock, moving the dossiers that fell due in between from in time to overdue.
 */
export const dossierOpenSweep = pgTable("dossier_open_sweep", {
  id: integer("id").primaryKey().default(1),
  sweptUntil: timestamp("swept_until", { withTimezone: true, mode: "date" }).notNull(),
});
