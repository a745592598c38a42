/**
 * One dossier's life as the services would have recorded it: the receipt, then status events in time order, with
 * the stored lifecycle facts (effective due date, supplements, finish, timeliness) computed by the same pure
 * functions `recordDossierEvents` uses, so that generated rows are indistinguishable from ingested ones.
 */
import { addDays, toVnDate, vnDateTime, type WorkingCalendar } from "../../src/shared/calendar/index.js";
import { canTransition, DossierStatus } from "../../src/modules/dossiers/dossier-status.js";
import { applyStatusEvent, computeDueAt, type LifecycleState } from "../../src/modules/dossiers/dossier-timeliness.js";
import type { Random } from "./random.js";

const S = DossierStatus;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type ChannelName = "DIRECT" | "ONLINE" | "POSTAL";

/** Shares of the outcomes, tuned so that ~90% end resolved and ~97% of those on time. */
export const MIX = {
  notAcceptedOnline: 0.04,
  withdrawn: 0.012,
  stalled: 0.05,
  twoSupplements: 0.008,
  oneSupplement: 0.08,
  payment: 0.05,
  handOver: 0.25,
  early: 0.64,
  late: 0.012,
  returned: 0.92,
};

export interface GeneratedEvent {
  kind: "RECEIVED" | "RECORDED";
  eventId: string | null;
  from: DossierStatus | null;
  to: DossierStatus;
  at: Date;
  agencyId: number;
  previousAgencyId: number | null;
}

export interface GeneratedLife {
  state: LifecycleState;
  initialStatus: DossierStatus;
  holderId: number;
  lastEventAt: Date;
  events: GeneratedEvent[];
}

export interface LifeInput {
  code: string;
  unitId: number;
  /** Where an inter-agency hand-over sends the dossier (the district of a commune, a department of a district…). */
  handOverTo: number | null;
  channel: ChannelName;
  receivedAt: Date;
  committedDays: number;
  /** Nothing after this instant is recorded: the dossier stays as it was then. */
  end: Date;
}

/** A time during office hours (07:30–16:45, Vietnam time) of `date`. */
function officeTime(random: Random, date: string): Date {
  return vnDateTime(date, 7.5 + random.next() * 9.25);
}

function nthWorkingDay(calendar: WorkingCalendar, date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = calendar.nextWorkingDay(d);
  return d;
}

/** Simulates one dossier from receipt to its end (or to `input.end`). */
export function simulateLife(random: Random, calendar: WorkingCalendar, input: LifeInput, cutoffHour: number): GeneratedLife {
  const initialStatus = input.channel === "DIRECT" ? S.ACCEPTED : S.SUBMITTED;
  const dueAt = computeDueAt(calendar, input.receivedAt, input.committedDays, cutoffHour);
  let state: LifecycleState = {
    status: initialStatus,
    dueAt,
    effectiveDueAt: dueAt,
    supplementCount: 0,
    supplementDays: 0,
    supplementSince: null,
    finishedAt: null,
    timeliness: null,
  };
  let holder = input.unitId;
  let t = input.receivedAt.getTime();
  const events: GeneratedEvent[] = [
    { kind: "RECEIVED", eventId: null, from: null, to: initialStatus, at: input.receivedAt, agencyId: holder, previousAgencyId: null },
  ];
  const endMs = input.end.getTime();
  let stopped = false;

  /** Records `to` at `at` (never before the previous event); false once the simulated period is over. */
  const step = (to: DossierStatus, atMs: number, newHolder: number | null = null): boolean => {
    if (stopped) return false;
    const at = Math.max(atMs, t + MINUTE);
    if (at > endMs) {
      stopped = true;
      return false;
    }
    if (!canTransition(state.status, to)) throw new Error(`generator bug: ${state.status} → ${to}`);
    const date = new Date(at);
    state = applyStatusEvent(calendar, state, to, date);
    const agencyId = newHolder ?? holder;
    events.push({ kind: "RECORDED", eventId: `${input.code}-e${events.length}`, from: events.at(-1)!.to, to, at: date, agencyId, previousAgencyId: holder });
    holder = agencyId;
    t = at;
    return true;
  };
  /** A delay of up to `cap`, shortened to a share of the time left before the due instant (agencies keep pace). */
  const soon = (cap: number): number => {
    const left = state.effectiveDueAt.getTime() - t;
    return MINUTE + random.next() * Math.max(0, Math.min(cap, 0.3 * left));
  };
  const result = (): GeneratedLife => ({ state, initialStatus, holderId: holder, lastEventAt: new Date(t), events });

  if (initialStatus === S.SUBMITTED) {
    const acceptAt = t + soon(20 * HOUR);
    if (input.channel === "ONLINE" && random.chance(MIX.notAcceptedOnline)) {
      step(S.NOT_ACCEPTED, acceptAt);
      return result();
    }
    if (!step(S.ACCEPTED, acceptAt)) return result();
  }
  if (random.chance(MIX.withdrawn)) {
    if (step(S.WITHDRAWAL_REQUESTED, t + DAY * (1 + random.next() * 3))) step(S.STOPPED, t + HOUR * (2 + random.next() * 30));
    return result();
  }
  const handOver = input.handOverTo !== null && random.chance(MIX.handOver) ? input.handOverTo : null;
  if (!step(S.IN_PROCESS, t + soon(4 * HOUR), handOver)) return result();

  const supplements = random.chance(MIX.twoSupplements) ? 2 : random.chance(MIX.oneSupplement) ? 1 : 0;
  for (let i = 0; i < supplements; i++) {
    if (!step(S.SUPPLEMENT_REQUESTED, t + soon(40 * HOUR))) return result();
    if (!step(S.IN_PROCESS, t + DAY * (1 + random.next() * 6))) return result();
  }
  if (random.chance(MIX.payment)) {
    if (!step(S.PAYMENT_REQUESTED, t + soon(20 * HOUR))) return result();
    if (!step(S.IN_PROCESS, t + soon(30 * HOUR))) return result();
  }
  if (random.chance(MIX.stalled)) return result();

  const dueDate = toVnDate(state.effectiveDueAt);
  const lastDate = toVnDate(new Date(t));
  const roll = random.next();
  let finish: number;
  if (roll < MIX.late) {
    finish = officeTime(random, nthWorkingDay(calendar, dueDate, random.int(1, 8))).getTime();
  } else {
    let date = dueDate;
    if (roll < MIX.late + MIX.early) {
      // A working day after the last event and before the due date, when there is one.
      const candidates: string[] = [];
      for (let d = lastDate; d < dueDate && candidates.length < 30; d = addDays(d, 1)) {
        if (calendar.isWorkingDay(d)) candidates.push(d);
      }
      if (candidates.length > 0) date = random.pick(candidates);
    }
    finish = officeTime(random, date).getTime();
    // Same-day procedures and busy days: finish in what is left before the due instant.
    if (finish <= t) finish = t + soon(8 * HOUR);
  }
  if (!step(S.RESOLVED, finish)) return result();
  if (random.chance(MIX.returned)) {
    const back = officeTime(random, nthWorkingDay(calendar, toVnDate(new Date(t)), random.int(0, 2))).getTime();
    step(S.RETURNED, back, holder === input.unitId ? null : input.unitId);
  }
  return result();
}
