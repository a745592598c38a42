import { sql } from "drizzle-orm";
import {
  bigserial, boolean, date, index, uniqueIndex, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, varchar,
} from "drizzle-orm/pg-core";
import { agencyUnits } from "./agency-units.js";
import { rollupSpan } from "./dashboards.js";

/** Kiểm tra công vụ / kiểm tra CCHC: announced in the annual plan, unannounced (đột xuất), thematic (chuyên đề). */
export const inspectionKind = pgEnum("inspection_kind", ["ANNOUNCED", "UNANNOUNCED", "THEMATIC"]);
export const followUpStatus = pgEnum("follow_up_status", ["OPEN", "DONE", "CANCELLED"]);
/** Tiếp công dân: the regular desk, a leader's periodic day (Law on Citizen Reception 2013, art. 15), unscheduled. */
export const receptionKind = pgEnum("reception_kind", ["REGULAR", "LEADER_PERIODIC", "UNSCHEDULED"]);
/** Đơn thư: khiếu nại, tố cáo, kiến nghị, phản ánh. */
export const petitionKind = pgEnum("petition_kind", ["COMPLAINT", "DENUNCIATION", "RECOMMENDATION", "REFLECTION"]);
export const petitionChannel = pgEnum("petition_channel", ["DIRECT", "POST", "HOTLINE", "PORTAL"]);
export const petitionStatus = pgEnum("petition_status", ["RECEIVED", "ACCEPTED", "NOT_ACCEPTED", "TRANSFERRED", "RESOLVED", "WITHDRAWN"]);
export const petitionAction = pgEnum("petition_action", ["ACCEPTED", "NOT_ACCEPTED", "TRANSFERRED", "EXTENDED", "RESOLVED", "WITHDRAWN"]);
export const petitionOutcome = pgEnum("petition_outcome", ["UPHELD", "PARTLY_UPHELD", "REJECTED", "ANSWERED"]);
export const dayCount = pgEnum("day_count", ["CALENDAR", "WORKING"]);
export const feedbackTopic = pgEnum("feedback_topic", ["ATTITUDE", "DISCIPLINE", "HARASSMENT", "DELAY", "OTHER"]);
export const feedbackOutcome = pgEnum("feedback_outcome", ["SUBSTANTIATED", "PARTLY_SUBSTANTIATED", "UNSUBSTANTIATED", "ANSWERED"]);

const stamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
};

/** Inspections of public service and administrative reform; `key` is the sender's idempotency key. */
export const inspections = pgTable(
  "inspections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: varchar("key", { length: 100 }).notNull().unique(),
    inspectingUnitId: integer("inspecting_unit_id").notNull().references(() => agencyUnits.id),
    kind: inspectionKind("kind").notNull(),
    subject: varchar("subject", { length: 500 }),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    /** The plan (legal document symbol) the inspection implements, e.g. `53/KH-UBND`. */
    planSymbol: varchar("plan_symbol", { length: 60 }),
    findings: integer("findings").notNull().default(0),
    violations: integer("violations").notNull().default(0),
    ...stamps,
  },
  (t) => [index("inspections_unit_idx").on(t.inspectingUnitId, t.startedOn)],
);

/** The units an inspection inspected. */
export const inspectionTargets = pgTable(
  "inspection_targets",
  {
    inspectionId: integer("inspection_id").notNull().references(() => inspections.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").notNull().references(() => agencyUnits.id),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.unitId] }), index("inspection_targets_unit_idx").on(t.unitId)],
);

/** Follow-up actions an inspection required, in the sender's order. */
export const inspectionActions = pgTable(
  "inspection_actions",
  {
    inspectionId: integer("inspection_id").notNull().references(() => inspections.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: varchar("description", { length: 1000 }).notNull(),
    dueOn: date("due_on", { mode: "string" }),
    status: followUpStatus("status").notNull(),
    doneOn: date("done_on", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.position] })],
);

/** Citizen reception sessions (tiếp công dân). */
export const receptionSessions = pgTable(
  "reception_sessions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: varchar("key", { length: 100 }).notNull().unique(),
    unitId: integer("unit_id").notNull().references(() => agencyUnits.id),
    kind: receptionKind("kind").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    leaderName: varchar("leader_name", { length: 255 }),
    leaderTitle: varchar("leader_title", { length: 255 }),
    citizens: integer("citizens").notNull(),
    cases: integer("cases").notNull(),
    delegations: integer("delegations").notNull().default(0),
    ...stamps,
  },
  (t) => [index("reception_sessions_unit_idx").on(t.unitId, t.heldOn)],
);

/**
 * Statutory time limits per petition kind (defaults from the law, see the README; editable by an administrator).
 * Days count from acceptance (thụ lý), in calendar or working days as the law says.
 */
export const petitionDeadlines = pgTable("petition_deadlines", {
  kind: petitionKind("kind").primaryKey(),
  acceptanceDays: integer("acceptance_days").notNull(),
  acceptanceCount: dayCount("acceptance_count").notNull(),
  resolutionDays: integer("resolution_days").notNull(),
  complicatedDays: integer("complicated_days").notNull(),
  remoteDays: integer("remote_days").notNull(),
  remoteComplicatedDays: integer("remote_complicated_days").notNull(),
  resolutionCount: dayCount("resolution_count").notNull(),
  legalBasis: varchar("legal_basis", { length: 500 }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Petitions (đơn thư). The petitioner's identity is personal data. */
export const petitions = pgTable(
  "petitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: varchar("key", { length: 100 }).notNull().unique(),
    kind: petitionKind("kind").notNull(),
    channel: petitionChannel("channel").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
    /** The unit competent to resolve it (counts go to its subtree). */
    unitId: integer("unit_id").notNull().references(() => agencyUnits.id),
    complicated: boolean("complicated").notNull().default(false),
    remoteArea: boolean("remote_area").notNull().default(false),
    summary: varchar("summary", { length: 1000 }),
    petitionerName: varchar("petitioner_name", { length: 255 }),
    petitionerIdentity: varchar("petitioner_identity", { length: 20 }),
    petitionerPhone: varchar("petitioner_phone", { length: 20 }),
    petitionerAddress: varchar("petitioner_address", { length: 500 }),
    status: petitionStatus("status").notNull().default("RECEIVED"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }),
    extendedDays: integer("extended_days").notNull().default(0),
    transferredToUnitId: integer("transferred_to_unit_id").references(() => agencyUnits.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    outcome: petitionOutcome("outcome"),
    /** Resolved by the due instant (null while open or when not accepted). */
    onTime: boolean("on_time"),
    ...stamps,
  },
  (t) => [
    index("petitions_unit_idx").on(t.unitId, t.receivedAt),
    index("petitions_open_due_idx").on(t.dueAt).where(sql`status = 'ACCEPTED'`),
  ],
);

/** What happened to a petition; `eventId` is the sender's idempotency key. */
export const petitionEvents = pgTable(
  "petition_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: varchar("event_id", { length: 100 }).notNull().unique(),
    petitionId: integer("petition_id").notNull().references(() => petitions.id),
    action: petitionAction("action").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    toUnitId: integer("to_unit_id").references(() => agencyUnits.id),
    outcome: petitionOutcome("outcome"),
    extensionDays: integer("extension_days"),
    note: varchar("note", { length: 1000 }),
    recordedBy: varchar("recorded_by", { length: 64 }),
  },
  (t) => [index("petition_events_petition_idx").on(t.petitionId, t.at)],
);

/** Hotline and portal feedback on officials' conduct (the Cao Bằng hotline of plan 53/KH-UBND). */
export const conductFeedback = pgTable(
  "conduct_feedback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: varchar("key", { length: 100 }).notNull().unique(),
    unitId: integer("unit_id").notNull().references(() => agencyUnits.id),
    channel: petitionChannel("channel").notNull(),
    topic: feedbackTopic("topic").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "date" }),
    outcome: feedbackOutcome("outcome"),
    summary: varchar("summary", { length: 1000 }),
    ...stamps,
  },
  (t) => [index("conduct_feedback_unit_idx").on(t.unitId, t.receivedAt)],
);

/**
 * Oversight counters of every unit's SUBTREE by day and month (as `dossier_subtree_rollups`): a fact counts in the
 * row of its unit and of each ancestor. `measure` names the counter (`inspections.ANNOUNCED`, `petitions.received`…).
 * Kept in the transaction of every oversight write.
 */
export const oversightSubtreeCounts = pgTable(
  "oversight_subtree_counts",
  {
    agencyId: integer("agency_id").notNull().references(() => agencyUnits.id),
    span: rollupSpan("span").notNull(),
    start: date("start", { mode: "string" }).notNull(),
    measure: varchar("measure", { length: 60 }).notNull(),
    value: integer("value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.span, t.start, t.measure] })],
);

/** The oversight change log (an outbox): one row per applied write, read by `oversightChanged` after a NOTIFY. */
export const oversightChanges = pgTable("oversight_changes", {
  position: bigserial("position", { mode: "number" }).primaryKey(),
  unitId: integer("unit_id").notNull().references(() => agencyUnits.id),
  family: varchar("family", { length: 30 }).notNull(),
  key: varchar("key", { length: 100 }).notNull(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Metrics a plan target may track: computed by the hub, or REPORTED by units. */
export const targetMetric = pgEnum("target_metric", [
  "REDUCED_TIME_SHARE", "ON_TIME_RATE", "ONLINE_SHARE", "UNITS_INSPECTED_SHARE", "PETITION_RESOLUTION_RATE", "SERVICE_INDEX", "REPORTED",
]);
/** ISSUER_SUBTREE: the issuer's subtree as one; EACH_UNIT: each unit of `unitKinds` in it, evaluated on its own. */
export const targetScope = pgEnum("target_scope", ["ISSUER_SUBTREE", "EACH_UNIT"]);

/** Targets of plans (kế hoạch); a plan is a legal document, its symbol the link. */
export const planTargets = pgTable(
  "plan_targets",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    planSymbol: varchar("plan_symbol", { length: 60 }).notNull(),
    code: varchar("code", { length: 40 }).notNull(),
    description: varchar("description", { length: 1000 }).notNull(),
    issuerUnitId: integer("issuer_unit_id").notNull().references(() => agencyUnits.id),
    metric: targetMetric("metric").notNull(),
    /** The metric's parameter, e.g. 20 for "committed time at least 20% below the statutory time". */
    parameter: numeric("parameter"),
    scope: targetScope("scope").notNull(),
    unitKinds: text("unit_kinds").array().notNull().default(sql`'{}'::text[]`),
    /** A share in percent (0–100) or an index value; met when the value is at least the threshold. */
    threshold: numeric("threshold").notNull(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    ...stamps,
  },
  (t) => [uniqueIndex("plan_targets_key_uq").on(t.planSymbol, t.code)],
);

/** Values of REPORTED targets, per unit (the latest report counts). */
export const planTargetReports = pgTable(
  "plan_target_reports",
  {
    targetId: integer("target_id").notNull().references(() => planTargets.id, { onDelete: "cascade" }),
    unitId: integer("unit_id").notNull().references(() => agencyUnits.id),
    value: numeric("value").notNull(),
    reportedOn: date("reported_on", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.unitId] })],
);
