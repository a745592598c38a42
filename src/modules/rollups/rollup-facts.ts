/**
 * What one dossier contributes to the rollup tables, and the difference a write makes. Pure: the write services
 * compute the facts of the dossier before and after the write, and `rollup.store.ts` applies the difference in the
 * same transaction. The same rules are written in SQL once more in `rebuildRollups` (a test proves they agree).
 *
 * Rules:
 * - A dossier counts for its RECEIVING agency (the national portal attributes dossiers to the agency that received
 *   them; hand-overs do not move counts).
 * - Receipt counters count on the Vietnamese date of receipt; outcome counters on the Vietnamese date the handling
 *   ended (`finishedAt`): "resolved in a period" is "finished with a result in that period", the portal's way.
 * - The outcome is STOPPED or NOT_ACCEPTED when the handling ended that way, else the finished timeliness (EARLY,
 *   ON_TIME, LATE) of a dossier resolved (RESOLVED, later RETURNED).
 * - Every fact counts in a DAY row and in a MONTH row.
 * - An open dossier (not finished) is counted by the open-dossier counters with what classifies it in time or
 *   overdue (its effective due instant and the start of a supplement wait); the SQL classifies it against the
 *   sweep watermark (`rollup.store.ts`).
 * - The rows name the receiving unit; the store adds them to the subtree rows of the unit and of its ancestors.
 */
import type { DossierRow } from "../../db/schema/index.js";
import { toVnDate } from "../../shared/calendar/index.js";

export type RollupSpan = "DAY" | "MONTH";
export type RollupChannel = "DIRECT" | "ONLINE" | "POSTAL";
export type RollupOutcome = "EARLY" | "ON_TIME" | "LATE" | "STOPPED" | "NOT_ACCEPTED";

/** The facts of one dossier that the rollups count. */
export interface RollupFacts {
  agencyId: number;
  channel: RollupChannel;
  field: string;
  receivedDay: string;
  finishedDay: string | null;
  outcome: RollupOutcome | null;
  paidOnline: boolean;
  digitised: boolean;
  electronicResult: boolean;
  feeDue: boolean;
  /** Null once the handling ended. */
  open: OpenFacts | null;
}

/** What classifies an open dossier in time or overdue, and what it is counted by. */
export interface OpenFacts {
  procedureId: number;
  effectiveDueAt: Date;
  supplementSince: Date | null;
}

/** What the rollups need of the dossier's procedure, as it is when the dossier is written. */
export interface RollupProcedure {
  field: string;
  feeVnd: number | null;
}

type FactsRow = Pick<
  DossierRow,
  | "agencyId" | "procedureId" | "channel" | "status" | "receivedAt" | "finishedAt" | "timeliness" | "paidOnline" | "digitised"
  | "electronicResult" | "effectiveDueAt" | "supplementSince"
>;

/** The rollup facts of a stored (or about to be stored) dossier row. */
export function rollupFactsOf(row: FactsRow, procedure: RollupProcedure): RollupFacts {
  return {
    agencyId: row.agencyId,
    channel: row.channel,
    field: procedure.field,
    receivedDay: toVnDate(row.receivedAt),
    finishedDay: row.finishedAt ? toVnDate(row.finishedAt) : null,
    outcome: outcomeOf(row),
    paidOnline: row.paidOnline,
    digitised: row.digitised,
    electronicResult: row.electronicResult,
    feeDue: row.paidOnline || (procedure.feeVnd ?? 0) > 0,
    open: row.finishedAt ? null : { procedureId: row.procedureId, effectiveDueAt: row.effectiveDueAt, supplementSince: row.supplementSince },
  };
}

function outcomeOf(row: FactsRow): RollupOutcome | null {
  if (!row.finishedAt) return null;
  if (row.status === "STOPPED" || row.status === "NOT_ACCEPTED") return row.status;
  return row.timeliness;
}

/** The outcome counters of both tables. */
export interface OutcomeCounters {
  received: number;
  early: number;
  onTime: number;
  late: number;
  stopped: number;
  notAccepted: number;
}

/** A change of the `dossier_subtree_rollups` rows of a receiving unit (the store adds it to its ancestors too). */
export interface MainDelta extends OutcomeCounters {
  agencyId: number;
  span: RollupSpan;
  start: string;
  channel: RollupChannel;
  paidOnline: number;
  digitised: number;
  electronicResult: number;
  feeDue: number;
}

/** A change of the `dossier_subtree_field_rollups` rows of a receiving unit. */
export interface FieldDelta extends OutcomeCounters {
  agencyId: number;
  span: RollupSpan;
  start: string;
  field: string;
}

/** An open dossier counted (+1) or no longer counted (-1) as it was classified. */
export interface OpenDelta {
  agencyId: number;
  procedureId: number;
  effectiveDueAt: Date;
  supplementSince: Date | null;
  sign: number;
}

export interface RollupDelta {
  main: MainDelta[];
  field: FieldDelta[];
  open: OpenDelta[];
}

const OUTCOME_COUNTER: Record<RollupOutcome, keyof OutcomeCounters> = {
  EARLY: "early",
  ON_TIME: "onTime",
  LATE: "late",
  STOPPED: "stopped",
  NOT_ACCEPTED: "notAccepted",
};

const MAIN_COUNTERS = ["received", "paidOnline", "digitised", "electronicResult", "feeDue", "early", "onTime", "late", "stopped", "notAccepted"] as const;
const FIELD_COUNTERS = ["received", "early", "onTime", "late", "stopped", "notAccepted"] as const;

/** The first day of the month of a `YYYY-MM-DD` date. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

const zeroMain = (agencyId: number, span: RollupSpan, start: string, channel: RollupChannel): MainDelta => ({
  agencyId, span, start, channel,
  received: 0, paidOnline: 0, digitised: 0, electronicResult: 0, feeDue: 0, early: 0, onTime: 0, late: 0, stopped: 0, notAccepted: 0,
});

const zeroField = (agencyId: number, span: RollupSpan, start: string, field: string): FieldDelta => ({
  agencyId, span, start, field, received: 0, early: 0, onTime: 0, late: 0, stopped: 0, notAccepted: 0,
});

function addFacts(main: Map<string, MainDelta>, field: Map<string, FieldDelta>, facts: RollupFacts, sign: 1 | -1): void {
  const spans: [RollupSpan, (day: string) => string][] = [["DAY", (day) => day], ["MONTH", monthStart]];
  for (const [span, startOf] of spans) {
    const mainRow = (day: string) => {
      const start = startOf(day);
      const key = `${facts.agencyId}|${span}|${start}|${facts.channel}`;
      let row = main.get(key);
      if (!row) main.set(key, (row = zeroMain(facts.agencyId, span, start, facts.channel)));
      return row;
    };
    const fieldRow = (day: string) => {
      const start = startOf(day);
      const key = `${facts.agencyId}|${span}|${start}|${facts.field}`;
      let row = field.get(key);
      if (!row) field.set(key, (row = zeroField(facts.agencyId, span, start, facts.field)));
      return row;
    };
    const received = mainRow(facts.receivedDay);
    received.received += sign;
    if (facts.paidOnline) received.paidOnline += sign;
    if (facts.digitised) received.digitised += sign;
    if (facts.electronicResult) received.electronicResult += sign;
    if (facts.feeDue) received.feeDue += sign;
    fieldRow(facts.receivedDay).received += sign;
    if (facts.finishedDay && facts.outcome) {
      const counter = OUTCOME_COUNTER[facts.outcome];
      mainRow(facts.finishedDay)[counter] += sign;
      fieldRow(facts.finishedDay)[counter] += sign;
    }
  }
}

/**
 * The rollup changes of a write that turns `before` (null for a new dossier) into `after`: rows whose counters
 * all cancel out are left out, so most status events (neither receipt nor end of handling) change nothing. Rows
 * are sorted by key, so that concurrent writers lock rollup rows in the same order.
 */
export function rollupDelta(before: RollupFacts | null, after: RollupFacts | null): RollupDelta {
  const main = new Map<string, MainDelta>();
  const field = new Map<string, FieldDelta>();
  const open = new Map<string, OpenDelta>();
  if (before) addFacts(main, field, before, -1);
  if (after) addFacts(main, field, after, 1);
  if (before?.open) addOpen(open, { agencyId: before.agencyId, ...before.open, sign: -1 });
  if (after?.open) addOpen(open, { agencyId: after.agencyId, ...after.open, sign: 1 });
  return {
    main: sortedRows(main, MAIN_COUNTERS, (row) => row.channel),
    field: sortedRows(field, FIELD_COUNTERS, (row) => row.field),
    open: openRows(open),
  };
}

/** Adds an open-dossier count change; a count and an uncount of the same facts cancel out. */
function addOpen(open: Map<string, OpenDelta>, delta: OpenDelta): void {
  const key = `${delta.agencyId}|${delta.procedureId}|${delta.effectiveDueAt.getTime()}|${delta.supplementSince?.getTime() ?? ""}`;
  const sum = open.get(key);
  if (sum) sum.sign += delta.sign;
  else open.set(key, { ...delta });
}

function openRows(open: Map<string, OpenDelta>): OpenDelta[] {
  return [...open.values()].filter((row) => row.sign !== 0);
}

/** The rows with a non-zero counter, by key (so that concurrent writers lock rollup rows in the same order). */
function sortedRows<T extends { agencyId: number; span: string; start: string }>(rows: Map<string, T>, counters: readonly (keyof T)[], key: (row: T) => string): T[] {
  return [...rows.values()]
    .filter((row) => counters.some((c) => row[c] !== 0))
    .sort((a, b) => a.agencyId - b.agencyId || a.span.localeCompare(b.span) || a.start.localeCompare(b.start) || key(a).localeCompare(key(b)));
}

/**
 * The sum of several deltas, as one delta (a batch of writes applies its rollup changes in one statement): rows
 * of the same key added up, rows that cancel out left out, sorted as {@link rollupDelta} sorts them.
 */
export function mergeRollupDeltas(deltas: readonly RollupDelta[]): RollupDelta {
  const main = new Map<string, MainDelta>();
  const field = new Map<string, FieldDelta>();
  const open = new Map<string, OpenDelta>();
  for (const delta of deltas) {
    for (const row of delta.open) addOpen(open, row);
    for (const row of delta.main) {
      const key = `${row.agencyId}|${row.span}|${row.start}|${row.channel}`;
      const sum = main.get(key);
      if (!sum) main.set(key, { ...row });
      else for (const c of MAIN_COUNTERS) sum[c] += row[c];
    }
    for (const row of delta.field) {
      const key = `${row.agencyId}|${row.span}|${row.start}|${row.field}`;
      const sum = field.get(key);
      if (!sum) field.set(key, { ...row });
      else for (const c of FIELD_COUNTERS) sum[c] += row[c];
    }
  }
  return {
    main: sortedRows(main, MAIN_COUNTERS, (row) => row.channel),
    field: sortedRows(field, FIELD_COUNTERS, (row) => row.field),
    open: openRows(open),
  };
}

/** True when a delta changes nothing. */
export function isEmptyDelta(delta: RollupDelta): boolean {
  return delta.main.length === 0 && delta.field.length === 0 && delta.open.length === 0;
}
