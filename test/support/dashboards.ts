import { sql } from "drizzle-orm";
import { procedures } from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/client.js";
import { resultRows as rowsOf } from "../../src/db/rows.js";
import { newProvinceCodes } from "./codes.js";
import { RECORD, SUBMIT, dossierCode } from "./dossiers.js";
import { ok, type TestServer } from "./server.js";
import { mulberry32 } from "../../src/shared/random.js";

const COUNTS = "received resolved early onTime late onTimeRate stopped notAccepted";
const FIGURES = `${COUNTS} receivedDirect receivedOnline receivedPostal onlineShare postalShare feeDue paidOnline digitised electronicResult`;
const UNIT_FIGURES = `${FIGURES} pendingInTime overdue`;

export const DASHBOARD = `query($agencyCode: String!, $from: Date!, $to: Date!, $asOf: Date) {
  dashboard(agencyCode: $agencyCode, from: $from, to: $to, asOf: $asOf) {
    unit { code } from to asOf ${UNIT_FIGURES}
    own { ${UNIT_FIGURES} }
    byMonth { month ${FIGURES} }
    byField { field ${COUNTS} }
    byChannel { channel ${COUNTS} }
    byChildUnit { unit { code } ${UNIT_FIGURES} }
    ranking { rank unit { code } onTimeRate resolved late }
    mostOverdueProcedures { code name field overdue }
  }
}`;

export const DASHBOARD_FIELDS = `unit { code } from to asOf computedAt ${UNIT_FIGURES} own { ${UNIT_FIGURES} } byChildUnit { unit { code } ${UNIT_FIGURES} }`;


/** mulberry32 (`src/shared/random.ts`): a seeded generator, so a failing data set can be replayed from its seed. */
export const seeded = mulberry32;

const UPSERT_UNITS = `mutation($input: [AgencyUnitInput!]!) {
  upsertAgencyUnits(input: $input) { applied failed items { key ok error { code message field } } }
}`;

/**
 * A small province through the API: two districts with communes, a department, and a district dissolved at the end
 * of 2020 and merged into district 1 (its commune merged into commune 1 of district 1) on 2021-01-01.
 */
export async function seedDashboardTree(server: TestServer) {
  const c = newProvinceCodes();
  const codes = {
    province: c.province,
    department: c.child(1),
    d1: c.child(10),
    c11: c.commune(10, 1),
    c12: c.commune(10, 2),
    d2: c.child(11),
    c21: c.commune(11, 1),
    old: c.child(12),
    o1: c.commune(12, 1),
  };
  const unit = (code: string, name: string, kind: string, parentCode: string | null, extra: Record<string, unknown> = {}) => ({
    code, name, kind, parentCode, ...extra,
  });
  const merged = (into: string) => ({ validTo: "2020-12-31", successors: [{ code: into, kind: "MERGED_INTO", effectiveOn: "2021-01-01" }] });
  const input = [
    unit(codes.province, `Tỉnh Thống kê ${codes.province}`, "PROVINCE", null),
    unit(codes.department, "Sở Tư pháp", "PROVINCIAL_DEPARTMENT", codes.province),
    unit(codes.d1, "Huyện Một", "DISTRICT", codes.province),
    unit(codes.c11, "Xã Một Một", "COMMUNE", codes.d1),
    unit(codes.c12, "Thị trấn Một Hai", "TOWNSHIP", codes.d1),
    unit(codes.d2, "Huyện Hai", "DISTRICT", codes.province),
    unit(codes.c21, "Xã Hai Một", "COMMUNE", codes.d2),
    unit(codes.old, "Huyện Cũ", "DISTRICT", codes.province, merged(codes.d1)),
    unit(codes.o1, "Xã Cũ", "COMMUNE", codes.old, merged(codes.c11)),
  ];
  const res = ok(await server.admin(UPSERT_UNITS, { input })).upsertAgencyUnits;
  if (res.failed > 0) throw new Error(JSON.stringify(res.items));
  return codes;
}

let procedureCounter = Math.floor(Math.random() * 900_000);

/** Three procedures of two fields, one with a fee. */
export async function seedFieldProcedures(db: Db) {
  const specs = [
    { field: "Tư pháp", feeVnd: null },
    { field: "Tư pháp", feeVnd: 50_000 },
    { field: "Đất đai", feeVnd: null },
  ];
  const out: { code: string; field: string }[] = [];
  for (const spec of specs) {
    procedureCounter = (procedureCounter + 1) % 1_000_000;
    const code = `2.${String(procedureCounter).padStart(6, "0")}`;
    await db.insert(procedures).values({
      code, name: `Thủ tục ${code}`, field: spec.field, level: "COMMUNE", statutoryDays: 5, committedDays: 5, feeVnd: spec.feeVnd,
    });
    out.push({ code, field: spec.field });
  }
  return out;
}

const DAY = 86_400_000;
const VN = 7 * 3_600_000;
/** An instant at `hour` (Vietnam time) of the Vietnamese date `day` days after 2020-03-01. */
const vnInstant = (day: number, hour: number) => new Date(Date.UTC(2020, 2, 1) + day * DAY + hour * 3_600_000 - VN);

interface Plan {
  input: Record<string, unknown>;
  events: Record<string, unknown>[];
  resend?: Record<string, unknown>;
}

/**
 * Generates `n` dossiers over the tree through the real mutations: random receipt dates from March 2020 to June
 * 2021 (the merged units only until 2020), channels, flags and fates — resolved early, on time or late (some after
 * two supplement requests), returned, stopped, refused, or still open (some waiting on a supplement) — plus resends
 * that change the channel, flags or due date of some dossiers.
 */
export async function generateDossiers(
  server: TestServer,
  codes: Awaited<ReturnType<typeof seedDashboardTree>>,
  procedureCodes: string[],
  n: number,
  random: () => number,
): Promise<number> {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const current = [codes.province, codes.department, codes.d1, codes.c11, codes.c12, codes.d2, codes.c21];
  const plans: Plan[] = [];
  for (let i = 0; i < n; i++) {
    const mergedUnit = random() < 0.2;
    const agencyCode = mergedUnit ? pick([codes.old, codes.o1]) : pick(current);
    // A merged unit ends on 2020-12-31 and takes no event after that: its dossiers are received by early December
    // (day 280), so that their last event (at most ~22 days later) still falls within its lifetime.
    const day = mergedUnit ? Math.floor(random() * 280) : Math.floor(random() * 485);
    const receivedAt = vnInstant(day, 7 + Math.floor(random() * 9));
    const dueDay = day + 1 + Math.floor(random() * 8);
    const dueAt = vnInstant(dueDay, 17);
    const channel = pick(["DIRECT", "DIRECT", "DIRECT", "ONLINE", "ONLINE", "POSTAL"]);
    const code = dossierCode(agencyCode, receivedAt.toISOString(), i + 1);
    const input = {
      code, agencyCode, channel, procedureCode: pick(procedureCodes), receivedAt: receivedAt.toISOString(), dueAt: dueAt.toISOString(),
      initialStatus: channel === "DIRECT" ? "ACCEPTED" : "SUBMITTED",
      paidOnline: random() < 0.2, digitised: random() < 0.4, electronicResult: random() < 0.15,
    };
    const events: Record<string, unknown>[] = [];
    let at = receivedAt.getTime();
    const event = (status: string, time: number) => {
      at = Math.max(at + 60_000, time);
      events.push({ id: `${code}/${events.length + 1}`, dossierCode: code, status, at: new Date(at).toISOString() });
    };
    if (channel !== "DIRECT" && random() < 0.15) {
      event("NOT_ACCEPTED", at + 3_600_000);
    } else {
      if (channel !== "DIRECT") event("ACCEPTED", at + 1_800_000);
      const fate = random();
      if (fate < 0.15) {
        event("IN_PROCESS", at + 3_600_000);
        if (random() < 0.5) event("SUPPLEMENT_REQUESTED", at + DAY * Math.floor(random() * 10));
      } else if (fate < 0.25) {
        event("IN_PROCESS", at + 3_600_000);
        event("STOPPED", at + DAY * (1 + Math.floor(random() * 10)));
      } else {
        event("IN_PROCESS", at + 3_600_000);
        if (random() < 0.1) {
          event("SUPPLEMENT_REQUESTED", at + 3_600_000);
          event("IN_PROCESS", at + DAY);
          event("SUPPLEMENT_REQUESTED", at + 3_600_000);
          event("IN_PROCESS", at + DAY);
        }
        const kind = random();
        const finish =
          kind < 0.5
            ? receivedAt.getTime() + random() * (vnInstant(dueDay, 0).getTime() - receivedAt.getTime())
            : kind < 0.8
              ? vnInstant(dueDay, 8 + Math.floor(random() * 8)).getTime()
              : vnInstant(dueDay + 1 + Math.floor(random() * 10), 10).getTime();
        event("RESOLVED", finish);
        if (random() < 0.6) event("RETURNED", at + DAY);
      }
    }
    const plan: Plan = { input, events };
    if (random() < 0.1) {
      plan.resend = { ...input, channel: pick(["DIRECT", "ONLINE", "POSTAL"]), paidOnline: !input.paidOnline, digitised: random() < 0.5 };
      if (random() < 0.5) plan.resend.dueAt = vnInstant(dueDay + Math.floor(random() * 6) - 3, 17).toISOString();
      if (new Date(plan.resend.dueAt as string) <= receivedAt) plan.resend.dueAt = input.dueAt;
    }
    plans.push(plan);
  }
  for (let i = 0; i < plans.length; i += 200) {
    const res = ok(await server.admin(SUBMIT, { input: plans.slice(i, i + 200).map((p) => p.input) })).submitDossiers;
    if (res.failed > 0) throw new Error(JSON.stringify(res.items.filter((x: { ok: boolean }) => !x.ok)));
  }
  const events = plans.flatMap((p) => p.events);
  for (let i = 0; i < events.length; i += 500) {
    const res = ok(await server.admin(RECORD, { input: events.slice(i, i + 500) })).recordDossierEvents;
    if (res.failed > 0) throw new Error(JSON.stringify(res.items.filter((x: { ok: boolean }) => !x.ok)));
  }
  const resends = plans.flatMap((p) => (p.resend ? [p.resend] : []));
  if (resends.length > 0) {
    const res = ok(await server.admin(SUBMIT, { input: resends })).submitDossiers;
    if (res.failed > 0) throw new Error(JSON.stringify(res.items.filter((x: { ok: boolean }) => !x.ok)));
  }
  return plans.length;
}

/** Ids of the units with these codes valid on `asOf` (or their most recent). */
export async function unitIds(db: Db, codes: string[]): Promise<Map<string, { id: number; path: string }>> {
  const rows = rowsOf<{ code: string; id: number; path: string }>(
    await db.execute(sql`SELECT code, id, path::text AS path FROM agency_units WHERE code IN ${codes}`),
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, path: r.path }]));
}

export interface IndependentCounts {
  received: number; receivedDirect: number; receivedOnline: number; receivedPostal: number;
  early: number; onTime: number; late: number; stopped: number; notAccepted: number;
  paidOnline: number; digitised: number; electronicResult: number; feeDue: number;
  pendingInTime: number; overdue: number;
}

/**
 * Counts over the raw dossiers received by the units `ids`, written independently of the rollups: Vietnamese dates
 * through the Asia/Ho_Chi_Minh time zone, "resolved" by the finishing status and date.
 */
export async function independentCounts(db: Db, ids: number[], from: string, to: string, at?: Date): Promise<IndependentCounts> {
  if (ids.length === 0) ids = [-1];
  const now = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  const rows = rowsOf<IndependentCounts>(
    await db.execute(sql`
      WITH x AS (
        SELECT d.*, p.fee_vnd,
          (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rd,
          (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS fd
        FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
        WHERE d.agency_id IN ${ids}
      )
      SELECT
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date)::int AS received,
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date AND channel = 'DIRECT')::int AS "receivedDirect",
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date AND channel = 'ONLINE')::int AS "receivedOnline",
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date AND channel = 'POSTAL')::int AS "receivedPostal",
        count(*) FILTER (WHERE fd BETWEEN ${from}::date AND ${to}::date AND status IN ('RESOLVED', 'RETURNED') AND timeliness = 'EARLY')::int AS early,
        count(*) FILTER (WHERE fd BETWEEN ${from}::date AND ${to}::date AND status IN ('RESOLVED', 'RETURNED') AND timeliness = 'ON_TIME')::int AS "onTime",
        count(*) FILTER (WHERE fd BETWEEN ${from}::date AND ${to}::date AND status IN ('RESOLVED', 'RETURNED') AND timeliness = 'LATE')::int AS late,
        count(*) FILTER (WHERE fd BETWEEN ${from}::date AND ${to}::date AND status = 'STOPPED')::int AS stopped,
        count(*) FILTER (WHERE fd BETWEEN ${from}::date AND ${to}::date AND status = 'NOT_ACCEPTED')::int AS "notAccepted",
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date AND paid_online)::int AS "paidOnline",
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date AND digitised)::int AS digitised,
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date AND electronic_result)::int AS "electronicResult",
        count(*) FILTER (WHERE rd BETWEEN ${from}::date AND ${to}::date AND (paid_online OR fee_vnd > 0))::int AS "feeDue",
        count(*) FILTER (WHERE finished_at IS NULL AND rd <= ${to}::date AND effective_due_at >= coalesce(supplement_since, ${now}))::int AS "pendingInTime",
        count(*) FILTER (WHERE finished_at IS NULL AND rd <= ${to}::date AND effective_due_at < coalesce(supplement_since, ${now}))::int AS overdue
      FROM x`),
  );
  return rows[0]!;
}

/** The figures a dashboard shows for these counts (derived the way the API documents them). */
export function expectedFigures(c: IndependentCounts, withPending = true) {
  const resolved = c.early + c.onTime + c.late;
  const figures: Record<string, unknown> = {
    received: c.received, resolved, early: c.early, onTime: c.onTime, late: c.late,
    onTimeRate: resolved === 0 ? null : (c.early + c.onTime) / resolved,
    stopped: c.stopped, notAccepted: c.notAccepted,
    receivedDirect: c.receivedDirect, receivedOnline: c.receivedOnline, receivedPostal: c.receivedPostal,
    onlineShare: c.received === 0 ? null : c.receivedOnline / c.received,
    postalShare: c.received === 0 ? null : c.receivedPostal / c.received,
    feeDue: c.feeDue, paidOnline: c.paidOnline, digitised: c.digitised, electronicResult: c.electronicResult,
  };
  if (withPending) Object.assign(figures, { pendingInTime: c.pendingInTime, overdue: c.overdue });
  return figures;
}

/** Every dashboard counter row that is not all zeros, in key order (to compare incremental upkeep with a rebuild). */
export async function counterSnapshot(db: Db) {
  return {
    main: rowsOf(
      await db.execute(sql`SELECT agency_id, span, start::text, channel, received, paid_online, digitised, electronic_result, fee_due,
        early, on_time, late, stopped, not_accepted FROM dossier_subtree_rollups
        WHERE received <> 0 OR paid_online <> 0 OR digitised <> 0 OR electronic_result <> 0 OR fee_due <> 0 OR early <> 0
          OR on_time <> 0 OR late <> 0 OR stopped <> 0 OR not_accepted <> 0
        ORDER BY agency_id, span, start, channel`),
    ),
    field: rowsOf(
      await db.execute(sql`SELECT agency_id, span, start::text, field, received, early, on_time, late, stopped, not_accepted
        FROM dossier_subtree_field_rollups
        WHERE received <> 0 OR early <> 0 OR on_time <> 0 OR late <> 0 OR stopped <> 0 OR not_accepted <> 0
        ORDER BY agency_id, span, start, field`),
    ),
    open: rowsOf(
      await db.execute(sql`SELECT agency_id, in_time, overdue FROM dossier_open_counts WHERE in_time <> 0 OR overdue <> 0 ORDER BY agency_id`),
    ),
    overdueProcedures: rowsOf(
      await db.execute(sql`SELECT agency_id, procedure_id, overdue FROM dossier_overdue_procedures WHERE overdue <> 0 ORDER BY agency_id, procedure_id`),
    ),
  };
}
