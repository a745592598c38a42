import { sql } from "drizzle-orm";
import {
  bigint, bigserial, boolean, date, index, integer, pgEnum, pgTable, timestamp, varchar,
} from "drizzle-orm/pg-core";
import { agencyUnits } from "./agency-units.js";
import { procedures } from "./procedures.js";

/** The national public-service portal's statuses, in portal-code order 1..10. */
export const dossierStatus = pgEnum("dossier_status", [
  "SUBMITTED",
  "ACCEPTED",
  "NOT_ACCEPTED",
  "IN_PROCESS",
  "SUPPLEMENT_REQUESTED",
  "PAYMENT_REQUESTED",
  "WITHDRAWAL_REQUESTED",
  "STOPPED",
  "RESOLVED",
  "RETURNED",
]);
export const dossierChannel = pgEnum("dossier_channel", ["DIRECT", "ONLINE", "POSTAL"]);
/** Only finished dossiers store a timeliness; open ones are IN_TIME/OVERDUE as of the query time. */
export const finishedTimeliness = pgEnum("finished_timeliness", ["EARLY", "ON_TIME", "LATE"]);
export const applicantKind = pgEnum("applicant_kind", ["CITIZEN", "ORGANISATION"]);
/** RECEIVED: the dossier was submitted; RECORDED: a sender's event; UPDATED: a resend changed mutable fields. */
export const dossierEventKind = pgEnum("dossier_event_kind", ["RECEIVED", "RECORDED", "UPDATED"]);
export const calendarExceptionKind = pgEnum("calendar_exception_kind", ["DAY_OFF", "WORKING_DAY"]);

/**
 * Citizen dossiers (hồ sơ). Besides the received facts, the row keeps what dashboards aggregate on so that no
 * rollup has to replay events: the current holder and status, the effective due date (extended by supplement
 * waits), and — once finished — the finish instant and its timeliness.
 */
export const dossiers = pgTable(
  "dossiers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Handling agency code + `-` + yymmdd + `-` + sequence, e.g. `000.17.22.H56-210531-0001`. */
    code: varchar("code", { length: 40 }).notNull().unique(),
    procedureId: integer("procedure_id").notNull().references(() => procedures.id),
    /** The receiving agency. */
    agencyId: integer("agency_id").notNull().references(() => agencyUnits.id),
    /** The agency holding the dossier now (changes with inter-agency hand-overs). */
    holderId: integer("holder_id").notNull().references(() => agencyUnits.id),
    channel: dossierChannel("channel").notNull(),
    status: dossierStatus("status").notNull(),
    /** The status the dossier was received with (SUBMITTED or ACCEPTED); immutable. */
    initialStatus: dossierStatus("initial_status").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }).notNull(),
    /** `due_at` moved by the working days spent waiting on completed supplement requests. */
    effectiveDueAt: timestamp("effective_due_at", { withTimezone: true, mode: "date" }).notNull(),
    supplementCount: integer("supplement_count").notNull().default(0),
    /** Working days spent in completed SUPPLEMENT_REQUESTED periods. */
    supplementDays: integer("supplement_days").notNull().default(0),
    /** Start of the current SUPPLEMENT_REQUESTED period; null when not waiting on the applicant. */
    supplementSince: timestamp("supplement_since", { withTimezone: true, mode: "date" }),
    /** The first RESOLVED, RETURNED, STOPPED or NOT_ACCEPTED event. */
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    timeliness: finishedTimeliness("timeliness"),
    /** `at` of the latest status event: later events may not be earlier. */
    lastEventAt: timestamp("last_event_at", { withTimezone: true, mode: "date" }).notNull(),
    paidOnline: boolean("paid_online").notNull().default(false),
    digitised: boolean("digitised").notNull().default(false),
    electronicResult: boolean("electronic_result").notNull().default(false),
    applicantKind: applicantKind("applicant_kind"),
    applicantName: varchar("applicant_name", { length: 255 }),
    applicantIdentity: varchar("applicant_identity", { length: 20 }),
    applicantPhone: varchar("applicant_phone", { length: 20 }),
    applicantEmail: varchar("applicant_email", { length: 255 }),
    applicantAddress: varchar("applicant_address", { length: 500 }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("dossiers_agency_received_idx").on(t.agencyId, t.receivedAt),
    index("dossiers_holder_idx").on(t.holderId, t.receivedAt),
    index("dossiers_status_idx").on(t.status),
    index("dossiers_procedure_idx").on(t.procedureId, t.receivedAt),
    index("dossiers_received_idx").on(t.receivedAt.desc(), t.code.desc()),
    // Open dossiers by due instant and by receipt, with what dashboards and the sweep read of them (index-only
    // scans): the few whose classification differs from the open-dossier counters' (see `countOpen`).
    index("dossiers_open_due_idx")
      .on(t.effectiveDueAt, t.agencyId, t.procedureId, t.supplementSince, t.receivedAt)
      .where(sql`${t.finishedAt} IS NULL`),
    // Lists of a unit's overdue or in-time dossiers.
    index("dossiers_open_agency_idx").on(t.agencyId, t.effectiveDueAt).where(sql`${t.finishedAt} IS NULL`),
    index("dossiers_open_received_idx")
      .on(t.receivedAt, t.agencyId, t.procedureId, t.effectiveDueAt, t.supplementSince)
      .where(sql`${t.finishedAt} IS NULL`),
  ],
);

/**
 * The dossier event log and transactional outbox: every change of a dossier appends one row in the same
 * transaction. `position` is the subscription cursor; appends are serialised by a transaction-level advisory lock
 * taken just before the insert (see `dossier-event.store.ts`), so positions become visible in increasing order.
 */
export const dossierEvents = pgTable(
  "dossier_events",
  {
    position: bigserial("position", { mode: "number" }).primaryKey(),
    /** The sender's event id (idempotency key); null for events the hub writes itself (RECEIVED, UPDATED). */
    eventId: varchar("event_id", { length: 100 }).unique(),
    dossierId: bigint("dossier_id", { mode: "number" }).notNull().references(() => dossiers.id),
    kind: dossierEventKind("kind").notNull(),
    fromStatus: dossierStatus("from_status"),
    toStatus: dossierStatus("to_status").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    /** The holder after the event. */
    agencyId: integer("agency_id").notNull().references(() => agencyUnits.id),
    /** The holder before the event; differs from `agency_id` on a hand-over; null for RECEIVED. */
    previousAgencyId: integer("previous_agency_id").references(() => agencyUnits.id),
    note: varchar("note", { length: 2000 }),
    /** The token that wrote the event (`bootstrap` for ADMIN_TOKEN). */
    recordedBy: varchar("recorded_by", { length: 64 }),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("dossier_events_dossier_idx").on(t.dossierId, t.position)],
);

/** Announced deviations from the default working calendar (days off added, weekend days worked). */
export const calendarExceptions = pgTable("calendar_exceptions", {
  date: date("date", { mode: "string" }).primaryKey(),
  kind: calendarExceptionKind("kind").notNull(),
  name: varchar("name", { length: 200 }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierInsert = typeof dossiers.$inferInsert;
export type DossierEventRow = typeof dossierEvents.$inferSelect;
export type CalendarExceptionRow = typeof calendarExceptions.$inferSelect;
