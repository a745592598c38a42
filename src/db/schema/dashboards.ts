import { date, integer, pgEnum, pgTable, primaryKey, varchar } from "drizzle-orm/pg-core";
import { agencyUnits } from "./agency-units.js";
import { dossierChannel } from "./dossiers.js";

/**
 * The time grain of a rollup row: a Vietnamese calendar day, or a calendar month (`start` is its first day). Every
 * dossier fact is counted in both, so that a period is answered by its whole months from MONTH rows and only its
 * partial months at either end from DAY rows (see `dashboard-period.ts`).
 */
export const rollupSpan = pgEnum("rollup_span", ["DAY", "MONTH"]);

/**
 * Dossier counters by RECEIVING agency, day or month, and channel, kept current in the transaction of every dossier
 * write (`rollup.store.ts`) and rebuilt from the dossiers by `npm run rollups:rebuild`.
 *
 * Receipt counters (`received` and the flags) count on the Vietnamese date of receipt; outcome counters (`early`,
 * `on_time`, `late` for dossiers resolved — finished by RESOLVED/RETURNED —, `stopped`, `not_accepted`) on the date
 * the handling ended (`finished_at`), as the national portal reports "resolved in the period".
 */
export const dossierRollups = pgTable(
  "dossier_rollups",
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
 * The same receipt and outcome counters by the procedure's field (lĩnh vực) instead of the channel. The field is
 * the procedure's when the dossier was written; `npm run rollups:rebuild` re-attributes history after a procedure
 * changes field.
 */
export const dossierFieldRollups = pgTable(
  "dossier_field_rollups",
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

export type DossierRollupRow = typeof dossierRollups.$inferSelect;
export type DossierFieldRollupRow = typeof dossierFieldRollups.$inferSelect;
