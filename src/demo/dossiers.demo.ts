import { inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type dossiers, procedures } from "../db/schema/index.js";
import { addDays, toVnDate, vnDateTime, type WorkingCalendar } from "../shared/calendar/index.js";
import { findUnitsByCodes } from "../modules/agency-units/agency-unit.store.js";
import { loadWorkingCalendar } from "../modules/calendar/calendar.service.js";
import { computeDueAt } from "../modules/calendar/due-date.js";
import { resultRows } from "../db/rows.js";
import { rebuildRollups } from "../modules/rollups/rollup.store.js";
import { finishedTimeliness } from "../modules/dossiers/dossier-timeliness.js";
import { insertDossiers, insertEvents, withoutSecondaryIndexes } from "./dossiers-bulk.demo.js";
import { demoProcedureCodes } from "./procedures.demo.js";
import { demoUnitCodes } from "./units.demo.js";
import { mulberry32 } from "../shared/random.js";

/*
 * Demo dossiers of Gia Lâm for 1 January – 31 May 2017, reproducing the figures of facts.json (`dossierStats`):
 * the district one-stop office received 4,921 dossiers and resolved 4,356, 99.96% of them on time; its 22 communes
 * together received 41,972 and resolved 38,390, 99.79% on time. Integer counts cannot give 99.96% of 4,356 exactly
 * (4,354 is 99.954%, 4,355 is 99.977%): the district has 2 late dossiers (99.95%), the communes 81 (99.79%).
 *
 * Everything else is generated, deterministically (a seeded generator): receipts on working days between 07:30 and
 * 16:30, split between communes by random weights; channels (2017: mostly at the desk), flags, due dates from the
 * procedures' committed working days; the dossiers not resolved in the period were stopped or refused in it,
 * resolved in June–July, or — a few — left open (overdue now). Dossiers are bulk-loaded (multi-row INSERTs in one
 * transaction) with minimal events (receipt, acceptance, end of handling, return), all `recorded_by = 'demo'`;
 * the rollups are rebuilt once at the end.
 */

const SEED = 20170101;
const FROM = "2017-01-01";
const TO = "2017-05-31";

/** Per group: receipts in the period, resolved in it (of which late), stopped / refused in it, still open today. */
const GROUPS = {
  district: { received: 4921, resolved: 4356, late: 2, stopped: 20, notAccepted: 8, open: 6 },
  communes: { received: 41972, resolved: 38390, late: 81, stopped: 120, notAccepted: 45, open: 36 },
} as const;


type Channel = "DIRECT" | "ONLINE" | "POSTAL";
type Fate = "RESOLVED" | "LATE" | "STOPPED" | "NOT_ACCEPTED" | "AFTER" | "OPEN";
interface Procedure {
  id: number;
  committedDays: number;
  fee: boolean;
}
interface Receipt {
  agencyId: number;
  agencyCode: string;
  procedure: Procedure;
  receivedAt: Date;
  dueAt: Date;
  channel: Channel;
  fate: Fate;
}
type DossierInsert = typeof dossiers.$inferInsert;

/** The working days of 2017 and early 2018, precomputed: the generator looks up thousands of ranges. */
class WorkingDays {
  private readonly days: string[] = [];

  constructor(calendar: WorkingCalendar) {
    for (let d = "2017-01-01"; d <= "2018-03-31"; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) this.days.push(d);
  }

  /** The working days from `from` to `to`, inclusive. */
  between(from: string, to: string): string[] {
    return this.days.slice(this.indexOf(from), this.indexOf(addDays(to, 1)));
  }

  /** The first working day strictly after `day`. */
  next(day: string): string {
    return this.days[this.indexOf(addDays(day, 1))]!;
  }

  /** The first working day on or after `day`. */
  onOrAfter(day: string): string {
    return this.days[this.indexOf(day)]!;
  }

  /** Index of the first working day on or after `day`. */
  private indexOf(day: string): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** `n` distinct indices from `candidates`, by a seeded partial shuffle. */
function choose(random: () => number, candidates: number[], n: number): number[] {
  const pool = [...candidates];
  for (let i = 0; i < n && i < pool.length; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

interface GroupSpec {
  counts: (typeof GROUPS)[keyof typeof GROUPS];
  units: { id: number; code: string; weight: number }[];
  procedures: Procedure[];
}

/** The receipts of one group (the district office, or the communes together), with their fates. */
function receiptsOf(random: () => number, calendar: WorkingCalendar, days: string[], spec: GroupSpec, cutoffHour: number): Receipt[] {
  const { counts, units, procedures } = spec;
  const totalWeight = units.reduce((sum, u) => sum + u.weight, 0);
  const receipts: Receipt[] = [];
  const dues = new Map<string, Date>();
  for (let i = 0; i < counts.received; i++) {
    let r = random() * totalWeight;
    const unit = units.find((u) => (r -= u.weight) < 0) ?? units.at(-1)!;
    const procedure = procedures[Math.floor(random() * procedures.length)]!;
    const receivedAt = vnDateTime(days[Math.floor(random() * days.length)]!, 7.5 + Math.floor(random() * 540) / 60);
    const c = random();
    const channel: Channel = c < 0.04 ? "ONLINE" : c < 0.055 ? "POSTAL" : "DIRECT";
    // The due instant depends only on the receipt day, whether before the cut-off, and the days: cached.
    const dueKey = `${toVnDate(receivedAt)}|${receivedAt.getTime() < vnDateTime(toVnDate(receivedAt), cutoffHour).getTime()}|${procedure.committedDays}`;
    let dueAt = dues.get(dueKey);
    if (!dueAt) dues.set(dueKey, (dueAt = computeDueAt(calendar, receivedAt, procedure.committedDays, cutoffHour)));
    receipts.push({ agencyId: unit.id, agencyCode: unit.code, procedure, receivedAt, dueAt, channel, fate: "AFTER" });
  }
  receipts.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const all = receipts.map((_, i) => i);
  const taken = new Set<number>();
  const assign = (indices: number[], fate: Fate) => {
    for (const i of indices) {
      receipts[i]!.fate = fate;
      taken.add(i);
    }
  };
  assign(choose(random, all, counts.stopped), "STOPPED");
  assign(choose(random, all.filter((i) => !taken.has(i)), counts.notAccepted), "NOT_ACCEPTED");
  // The earliest remaining receipts are the ones resolved within the period; late ones among those due early enough.
  const remaining = all.filter((i) => !taken.has(i));
  const resolved = remaining.slice(0, counts.resolved);
  assign(resolved, "RESOLVED");
  const lateBefore = vnDateTime(addDays(TO, -7), 0).getTime();
  assign(choose(random, resolved.filter((i) => receipts[i]!.dueAt.getTime() < lateBefore), counts.late), "LATE");
  assign(choose(random, remaining.slice(counts.resolved), counts.open), "OPEN");
  for (const r of receipts) if (r.fate === "NOT_ACCEPTED" && r.channel === "DIRECT") r.channel = "ONLINE";
  return receipts;
}

/** An instant on working day `day` after `after` (08:00–16:30, or shortly after `after` on its own day). */
function instantOn(random: () => number, day: string, after: Date): Date {
  const at = vnDateTime(day, 8 + Math.floor(random() * 510) / 60);
  return at.getTime() > after.getTime() ? at : new Date(after.getTime() + (20 + Math.floor(random() * 60)) * 60_000);
}

/** When the handling of a receipt ends, by its fate; checked against the timeliness rules. */
function finishOf(random: () => number, calendar: WorkingDays, r: Receipt): { at: Date; status: "RESOLVED" | "STOPPED" | "NOT_ACCEPTED" } | null {
  const receiptDay = toVnDate(r.receivedAt);
  const dueDay = toVnDate(r.dueAt);
  const pick = (from: string, to: string) => {
    const days = calendar.between(from, to);
    return days.length === 0 ? receiptDay : days[Math.floor(random() * days.length)]!;
  };
  switch (r.fate) {
    case "OPEN":
      return null;
    case "STOPPED":
    case "NOT_ACCEPTED": {
      const day = pick(receiptDay, [addDays(receiptDay, 6), TO].sort()[0]!);
      return { at: instantOn(random, day, r.receivedAt), status: r.fate };
    }
    case "LATE": {
      let day = dueDay;
      for (let i = 1 + Math.floor(random() * 3); i > 0; i--) day = calendar.next(day);
      return { at: vnDateTime(day, 10), status: "RESOLVED" };
    }
    case "RESOLVED": {
      // 85% early when the due date allows a day before it within the period; else on the due day by 17:00.
      const lastEarly = [addDays(dueDay, -1), TO].sort()[0]!;
      if ((random() < 0.85 || dueDay > TO) && lastEarly >= receiptDay && calendar.between(receiptDay, lastEarly).length > 0) {
        return { at: instantOn(random, pick(receiptDay, lastEarly), r.receivedAt), status: "RESOLVED" };
      }
      const at = instantOn(random, dueDay, r.receivedAt);
      return { at: at.getTime() < r.dueAt.getTime() ? at : new Date(r.dueAt.getTime() - 60_000), status: "RESOLVED" };
    }
    case "AFTER": {
      const start = calendar.onOrAfter("2017-06-01");
      const day = pick(start, [addDays(start, 10), addDays(dueDay, 2)].sort().at(-1)!);
      return { at: instantOn(random, day, r.receivedAt), status: "RESOLVED" };
    }
  }
}

/** The dossier row of a receipt (its events are derived from it, see `insertEvents`); `sequence` numbers the unit's receipts of the day. */
function dossierRowOf(random: () => number, calendar: WorkingDays, r: Receipt, sequence: number): DossierInsert {
  const initialStatus = r.channel === "DIRECT" ? "ACCEPTED" : "SUBMITTED";
  const yymmdd = toVnDate(r.receivedAt).slice(2).replaceAll("-", "");
  const code = `${r.agencyCode}-${yymmdd}-${String(sequence).padStart(4, "0")}`;
  const finish = finishOf(random, calendar, r);
  // After the acceptance event (15 minutes after receipt) of online and postal receipts.
  const finishedAt = finish && new Date(Math.max(finish.at.getTime(), r.receivedAt.getTime() + 20 * 60_000));
  const timeliness = finishedAt ? finishedTimeliness({ effectiveDueAt: r.dueAt, finishedAt, supplementCount: 0 }) : null;
  if ((r.fate === "LATE") !== (timeliness === "LATE") && (r.fate === "LATE" || r.fate === "RESOLVED")) {
    throw new Error(`demo dossier ${code}: generated ${timeliness} for fate ${r.fate}`);
  }
  if (r.fate !== "AFTER" && r.fate !== "OPEN" && toVnDate(finishedAt!) > TO) throw new Error(`demo dossier ${code}: finished after the period`);
  const returned = finish?.status === "RESOLVED" && random() < 0.95;
  const returnedAt = returned ? instantOn(random, calendar.next(toVnDate(finishedAt!)), finishedAt!) : null;
  return {
    code,
    procedureId: r.procedure.id,
    agencyId: r.agencyId,
    holderId: r.agencyId,
    channel: r.channel,
    status: finish ? (returned ? "RETURNED" : finish.status) : "IN_PROCESS",
    initialStatus,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    effectiveDueAt: r.dueAt,
    finishedAt,
    timeliness,
    lastEventAt: returnedAt ?? finishedAt ?? new Date(r.receivedAt.getTime() + 45 * 60_000),
    paidOnline: r.channel === "ONLINE" && r.procedure.fee && random() < 0.4,
    digitised: random() < 0.08,
    electronicResult: random() < 0.03,
  };
}

/**
 * Loads the demo dossiers (about 47,000) in one transaction and rebuilds the rollups once. Needs the demo units and
 * procedures; call it on an empty dossier table (the demo loader runs only on an empty database).
 */
export async function loadDemoDossiers(db: Db, cutoffHour = 15): Promise<{ dossiers: number }> {
  const random = mulberry32(SEED);
  const calendar = await loadWorkingCalendar(db, 2017, 2018);
  const workingDays = new WorkingDays(calendar);
  const days = workingDays.between(FROM, TO);
  const communeCodes = Object.values(demoUnitCodes.giaLamCommunes);
  const units = await findUnitsByCodes(db, [demoUnitCodes.giaLam, ...communeCodes], FROM);
  const unitOf = (code: string) => {
    const unit = units.get(code);
    if (!unit) throw new Error(`demo dossiers: unit ${code} is missing`);
    return unit;
  };
  const codes = demoProcedureCodes();
  const rows = await db
    .select({ id: procedures.id, code: procedures.code, committedDays: procedures.committedDays, feeVnd: procedures.feeVnd })
    .from(procedures)
    .where(inArray(procedures.code, [...codes.giaLamDistrict, ...codes.giaLamCommunes]));
  const procedureOf = new Map(rows.map((p) => [p.code, { id: p.id, committedDays: p.committedDays, fee: (p.feeVnd ?? 0) > 0 }]));
  const list = (wanted: string[]) => wanted.map((code) => procedureOf.get(code)).filter((p): p is Procedure => p !== undefined);

  const district = unitOf(demoUnitCodes.giaLam);
  const receipts = [
    ...receiptsOf(random, calendar, days, {
      counts: GROUPS.district,
      units: [{ id: district.id, code: district.code, weight: 1 }],
      procedures: list(codes.giaLamDistrict),
    }, cutoffHour),
    ...receiptsOf(random, calendar, days, {
      counts: GROUPS.communes,
      units: communeCodes.map((code) => ({ id: unitOf(code).id, code, weight: 0.6 + random() * 0.8 })),
      procedures: list(codes.giaLamCommunes),
    }, cutoffHour),
  ];
  const sequences = new Map<string, number>();
  const generated = receipts.map((r) => {
    const key = `${r.agencyCode}|${toVnDate(r.receivedAt)}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    return dossierRowOf(random, workingDays, r, sequence);
  });
  await db.transaction(async (tx) => {
    // Every reference of the generated rows is an id read from the database: when allowed (a superuser, as on the
    // embedded database), the per-row foreign-key triggers — two thirds of the load time on PGlite — are skipped.
    const [role] = resultRows<{ superuser: string }>(await tx.execute(sql`SELECT current_setting('is_superuser') AS superuser`));
    const skipChecks = role?.superuser === "on";
    if (skipChecks) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await withoutSecondaryIndexes(tx, ["dossiers", "dossier_events"], async () => {
      await insertDossiers(tx, generated);
      await insertEvents(tx);
    });
    if (skipChecks) await tx.execute(sql`SET LOCAL session_replication_role = origin`);
    await rebuildRollups(tx);
  });
  return { dossiers: generated.length };
}
