/**
 * Dossiers and their event log for a generated province, month by month: each month's dossiers are streamed into
 * `COPY dossiers`, then every event dated before the month's end into `COPY dossier_events`, in time order. Events
 * of a dossier received in one month but handled in the next wait for that month, so log positions follow event
 * time across the whole data set (as a live log would) and every event's dossier is already stored.
 */
import type { Sql } from "postgres";
import { addDays, vnDateTime, type WorkingCalendar } from "../../src/shared/calendar/index.js";
import type { GeneratedProcedure, GeneratedUnit, UnitLevel } from "./catalogue.js";
import { copyInto, copyLine } from "./copy.js";
import { simulateLife, type ChannelName, type GeneratedEvent } from "./lifecycle.js";
import type { Random, WeightedPicker } from "./random.js";

export interface DossierPlan {
  total: number;
  /** First and last receipt dates (Vietnam), inclusive. */
  from: string;
  to: string;
  cutoffHour: number;
}

export interface DossierStats {
  dossiers: number;
  events: number;
  byStatus: Record<string, number>;
  byTimeliness: Record<string, number>;
  online: { first: [number, number]; last: [number, number] };
  supplements: [number, number, number];
}

const DOSSIER_COLUMNS = [
  "id", "code", "procedure_id", "agency_id", "holder_id", "channel", "status", "initial_status", "received_at", "due_at",
  "effective_due_at", "supplement_count", "supplement_days", "supplement_since", "finished_at", "timeliness",
  "last_event_at", "paid_online", "digitised", "electronic_result", "applicant_kind", "applicant_name",
  "applicant_identity", "applicant_phone", "applicant_email", "applicant_address", "created_at", "updated_at",
];
const EVENT_COLUMNS = [
  "event_id", "dossier_id", "kind", "from_status", "to_status", "at", "agency_id", "previous_agency_id", "recorded_by", "recorded_at",
];
/** Who wrote the generated rows, in `recorded_by`: no real token did. */
const RECORDED_BY = "generator";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu"];
const GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy"];

interface PendingEvent {
  at: number;
  line: string;
}

/** The receipt dates of the plan with the number of dossiers received on each (more on working days, growing). */
function dailyCounts(calendar: WorkingCalendar, plan: DossierPlan): { date: string; count: number; progress: number }[] {
  const dates: string[] = [];
  for (let d = plan.from; d <= plan.to; d = addDays(d, 1)) dates.push(d);
  const weights = dates.map((d, i) => (1 + 0.35 * (i / Math.max(dates.length - 1, 1))) * (calendar.isWorkingDay(d) ? 1 : 0.06));
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  let cumulative = 0;
  return dates.map((date, i) => {
    cumulative += weights[i]!;
    const upTo = Math.round((plan.total * cumulative) / total);
    const count = upTo - assigned;
    assigned = upTo;
    return { date, count, progress: i / Math.max(dates.length - 1, 1) };
  });
}

function channelOf(random: Random, procedure: GeneratedProcedure, progress: number, working: boolean): ChannelName {
  const online = procedure.online === "NONE" ? 0 : (procedure.online === "FULL" ? 0.2 : 0.12) + (procedure.online === "FULL" ? 0.5 : 0.35) * progress;
  if (!working) return "ONLINE";
  const roll = random.next();
  return roll < online ? "ONLINE" : roll < online + 0.03 ? "POSTAL" : "DIRECT";
}

function receiptTime(random: Random, date: string, channel: ChannelName): Date {
  if (channel === "ONLINE" && random.chance(0.3)) return vnDateTime(date, random.next() * 23.99);
  return vnDateTime(date, 7.5 + random.next() * 9.5);
}

function applicant(random: Random, unit: GeneratedUnit): [string, string, string | null, string | null, string | null, string] {
  if (random.chance(0.1)) {
    const name = `Công ty TNHH ${random.pick(GIVEN)} ${random.pick(GIVEN)}`;
    return ["ORGANISATION", name, String(random.int(1_000_000_000, 9_999_999_999)), `02${random.int(10_000_000, 99_999_999)}`, `lienhe${random.int(1, 9999)}@congty.vn`, `Số ${random.int(1, 300)}, ${unit.name}`];
  }
  const name = `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
  const identity = `0${random.int(10, 99)}${random.int(100_000_000, 999_999_999)}`;
  const phone = random.chance(0.9) ? `09${random.int(10_000_000, 99_999_999)}` : null;
  return ["CITIZEN", name, identity, phone, null, `Thôn ${random.int(1, 15)}, ${unit.name}`];
}

function eventLine(dossierId: number, e: GeneratedEvent): string {
  return copyLine([e.eventId, dossierId, e.kind, e.from, e.to, e.at, e.agencyId, e.previousAgencyId, RECORDED_BY, e.at]);
}

/**
 * Generates and stores the dossiers of `plan` with their events; `onProgress` hears the dossiers stored so far.
 * Dossier ids are assigned here (after the highest stored one) and the id sequence moved past them at the end.
 */
export async function generateDossiers(
  sql: Sql,
  random: Random,
  calendar: WorkingCalendar,
  plan: DossierPlan,
  units: WeightedPicker<GeneratedUnit>,
  procedures: Record<UnitLevel, WeightedPicker<GeneratedProcedure>>,
  onProgress: (done: number) => void,
): Promise<DossierStats> {
  const [{ max }] = (await sql`SELECT COALESCE(max(id), 0)::bigint AS max FROM dossiers`) as unknown as [{ max: string }];
  let nextId = Number(max) + 1;
  const stats: DossierStats = {
    dossiers: 0,
    events: 0,
    byStatus: {},
    byTimeliness: {},
    online: { first: [0, 0], last: [0, 0] },
    supplements: [0, 0, 0],
  };
  const end = vnDateTime(addDays(plan.to, 1), 0);
  const days = dailyCounts(calendar, plan);
  const firstMonth = plan.from.slice(0, 7);
  const lastMonth = plan.to.slice(0, 7);
  let pending: PendingEvent[] = [];
  let events = Promise.resolve(0);

  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))];
  for (const month of months) {
    const monthDays = days.filter((d) => d.date.startsWith(month));
    function* dossierLines(): Generator<string> {
      for (const day of monthDays) {
        const working = calendar.isWorkingDay(day.date);
        const drafts: { unit: GeneratedUnit; procedure: GeneratedProcedure; channel: ChannelName; receivedAt: Date }[] = [];
        for (let i = 0; i < day.count; i++) {
          const unit = units.pick(random);
          let procedure = procedures[unit.level].pick(random);
          // Days off only see online submissions: take a procedure that has an online service.
          for (let tries = 0; !working && procedure.online === "NONE" && tries < 20; tries++) procedure = procedures[unit.level].pick(random);
          const channel = channelOf(random, procedure, day.progress, working);
          drafts.push({ unit, procedure, channel, receivedAt: receiptTime(random, day.date, channel) });
        }
        drafts.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
        const sequence = new Map<number, number>();
        const yymmdd = `${day.date.slice(2, 4)}${day.date.slice(5, 7)}${day.date.slice(8, 10)}`;
        for (const draft of drafts) {
          const seq = (sequence.get(draft.unit.id) ?? 0) + 1;
          sequence.set(draft.unit.id, seq);
          const code = `${draft.unit.code}-${yymmdd}-${String(seq).padStart(4, "0")}`;
          const life = simulateLife(
            random,
            calendar,
            { code, unitId: draft.unit.id, handOverTo: draft.unit.handOverTo, channel: draft.channel, receivedAt: draft.receivedAt, committedDays: draft.procedure.committedDays, end },
            plan.cutoffHour,
          );
          const id = nextId++;
          for (const e of life.events) pending.push({ at: e.at.getTime(), line: eventLine(id, e) });
          const s = life.state;
          const [kind, name, identity, phone, email, address] = applicant(random, draft.unit);
          const online = draft.channel === "ONLINE";
          stats.dossiers++;
          stats.byStatus[s.status] = (stats.byStatus[s.status] ?? 0) + 1;
          const timeliness = s.timeliness ?? (s.effectiveDueAt.getTime() < (s.supplementSince ?? end).getTime() ? "OVERDUE" : "IN_TIME");
          stats.byTimeliness[timeliness] = (stats.byTimeliness[timeliness] ?? 0) + 1;
          if (month === firstMonth) stats.online.first = [stats.online.first[0] + (online ? 1 : 0), stats.online.first[1] + 1];
          if (month === lastMonth) stats.online.last = [stats.online.last[0] + (online ? 1 : 0), stats.online.last[1] + 1];
          stats.supplements[Math.min(s.supplementCount, 2)]!++;
          yield copyLine([
            id, code, draft.procedure.id, draft.unit.id, life.holderId, draft.channel, s.status, life.initialStatus, draft.receivedAt,
            s.dueAt, s.effectiveDueAt, s.supplementCount, s.supplementDays, s.supplementSince, s.finishedAt, s.timeliness,
            life.lastEventAt, online && random.chance(0.35), random.chance(0.3 + 0.5 * day.progress), random.chance(0.1 + 0.3 * day.progress),
            kind, name, identity, phone, email, address, draft.receivedAt, life.lastEventAt,
          ]);
        }
        onProgress(stats.dossiers);
      }
    }
    await copyInto(sql, "dossiers", DOSSIER_COLUMNS, dossierLines());
    // Every event before the next month's first instant is known now: nothing generated later can precede it.
    const monthEnd = vnDateTime(addDays(monthDays.at(-1)!.date, 1), 0).getTime();
    const ready = pending.filter((e) => e.at < monthEnd).sort((a, b) => a.at - b.at);
    pending = pending.filter((e) => e.at >= monthEnd);
    // The events are stored while the next month's dossiers are generated (on the pool's second connection); the
    // next month's events wait for these, so positions keep following time.
    events = events.then(async (n) => n + (await copyInto(sql, "dossier_events", EVENT_COLUMNS, ready.map((e) => e.line))));
    events.catch(() => {});
  }
  pending.sort((a, b) => a.at - b.at);
  stats.events = await events.then(async (n) => n + (await copyInto(sql, "dossier_events", EVENT_COLUMNS, pending.map((e) => e.line))));
  await sql`SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT max(id) FROM dossiers))`;
  return stats;
}

/** The Vietnamese date `months` months before the day after `to` (so that `from`..`to` spans whole months). */
export function monthsBefore(to: string, months: number): string {
  const next = addDays(to, 1);
  const [y, m] = [Number(next.slice(0, 4)), Number(next.slice(5, 7))];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-${next.slice(8, 10)}`;
}

