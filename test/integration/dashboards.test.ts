import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows as rowsOf } from "../../src/db/rows.js";
import { rebuildAllRollups } from "../../src/modules/rollups/rollup.service.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import {
  counterSnapshot, DASHBOARD, expectedFigures, generateDossiers, independentCounts, seedDashboardTree, seedFieldProcedures, seeded,
} from "../support/dashboards.js";

const SEED = Number(process.env.DASHBOARD_SEED ?? Date.now() % 100_000);

interface UnitRow {
  id: number;
  code: string;
  path: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
}

describe(`dashboards (seed ${SEED})`, () => {
  let server: TestServer;
  let codes: Awaited<ReturnType<typeof seedDashboardTree>>;
  let units: UnitRow[];
  let links: { from_id: number; to_id: number; effective_on: string }[];

  const byCode = (code: string) => units.find((u) => u.code === code)!;
  const subtree = (id: number) => {
    const path = units.find((u) => u.id === id)!.path;
    return units.filter((u) => u.path === path || u.path.startsWith(`${path}.`)).map((u) => u.id);
  };
  /** `ids` with the subtrees of the units merged into any of them by `asOf` (the test tree has no merger chains). */
  const withPredecessors = (ids: number[], asOf: string) => {
    const set = new Set(ids);
    for (const link of links) if (link.effective_on <= asOf && ids.includes(link.to_id)) for (const id of subtree(link.from_id)) set.add(id);
    return [...set];
  };
  const dashboard = async (agencyCode: string, from: string, to: string, asOf: string | null = null) =>
    ok(await server.gql(DASHBOARD, { agencyCode, from, to, asOf })).dashboard;

  beforeAll(async () => {
    server = await startServer();
    codes = await seedDashboardTree(server);
    const procedures = await seedFieldProcedures(server.database.db);
    await generateDossiers(server, codes, procedures.map((p) => p.code), 320, seeded(SEED));
    units = rowsOf<UnitRow>(
      await server.database.db.execute(
        sql`SELECT id, code, path::text AS path, parent_id, valid_from::text, valid_to::text FROM agency_units WHERE code IN ${Object.values(codes)}`,
      ),
    );
    links = rowsOf(
      await server.database.db.execute(
        sql`SELECT from_id, to_id, effective_on::text FROM agency_unit_links WHERE from_id IN ${units.map((u) => u.id)}`,
      ),
    );
  }, 120_000);
  afterAll(() => server?.close());

  /** What a dashboard must show, from raw-dossier counts over unit sets computed here, independently of the service. */
  async function expected(rootCode: string, from: string, to: string, asOf: string) {
    const db = server.database.db;
    const root = byCode(rootCode);
    const total = withPredecessors(subtree(root.id), asOf);
    const own = withPredecessors([root.id], asOf).filter((id) => id === root.id || links.some((l) => l.from_id === id && l.to_id === root.id));
    const mergedAway = (id: number) => links.some((l) => l.from_id === id && l.effective_on <= asOf && total.includes(l.to_id));
    const children = units
      .filter((u) => u.parent_id === root.id && (u.valid_from ?? "0000") <= to && (u.valid_to ?? "9999") >= from && !mergedAway(u.id))
      .sort((a, b) => a.code.localeCompare(b.code));
    const months: string[] = [];
    for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) months.push(m);
    const fields = rowsOf<{ field: string }>(await db.execute(sql`SELECT DISTINCT field FROM procedures`)).map((r) => r.field);
    return {
      totals: expectedFigures(await independentCounts(db, total, from, to)),
      own: expectedFigures(await independentCounts(db, own, from, to)),
      children: await Promise.all(
        children.map(async (child) => ({
          unit: { code: child.code },
          ...expectedFigures(await independentCounts(db, withPredecessors(subtree(child.id), asOf), from, to)),
        })),
      ),
      months: await Promise.all(
        months.map(async (month) => {
          const first = `${month}-01` < from ? from : `${month}-01`;
          const last = lastDay(month) > to ? to : lastDay(month);
          return { month, ...expectedFigures(await independentCounts(db, total, first, last), false) };
        }),
      ),
      total,
      fields,
    };
  }

  it("every figure equals an independent count over the raw dossiers, for random subtrees, periods and tree dates", async () => {
    const random = seeded(SEED + 1);
    const roots = [codes.province, codes.d1, codes.d2, codes.c11, codes.department, codes.old];
    const cases: [string, string, string, string | null][] = [
      [codes.d1, "2020-03-01", "2021-06-30", null],
      [codes.d1, "2020-03-01", "2021-06-30", "2020-06-30"],
      [codes.province, "2020-01-01", "2022-12-31", null],
      [codes.province, "2020-05-01", "2020-05-31", null],
      [codes.c11, "2020-12-15", "2021-01-20", null],
    ];
    for (let i = 0; i < 12; i++) {
      const start = Date.UTC(2020, 1, 1) + Math.floor(random() * 560) * 86_400_000;
      const length = Math.floor(random() * (random() < 0.3 ? 40 : 400));
      const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      cases.push([roots[Math.floor(random() * roots.length)]!, iso(start), iso(start + length * 86_400_000), random() < 0.3 ? "2020-09-30" : null]);
    }
    // The data set exercises every counter.
    const whole = await dashboard(codes.province, "2020-01-01", "2021-12-31");
    for (const key of ["received", "receivedOnline", "receivedPostal", "early", "onTime", "late", "stopped", "notAccepted", "paidOnline", "digitised", "electronicResult", "feeDue", "pendingInTime", "overdue"]) {
      expect(whole[key], key).toBeGreaterThan(0);
    }
    expect(whole.byChildUnit.length).toBeGreaterThanOrEqual(3);
    expect(whole.byField.length).toBe(2);
    expect(whole.mostOverdueProcedures.length).toBeGreaterThan(0);
    for (const [rootCode, from, to, asOf] of cases) {
      const label = `${rootCode} ${from}..${to} asOf ${asOf}`;
      const got = await dashboard(rootCode, from, to, asOf);
      const want = await expected(rootCode, from, to, asOf ?? "9999-12-31");
      const { own, byMonth, byField, byChannel, byChildUnit, ranking, mostOverdueProcedures, unit, ...totals } = got;
      expect(unit.code, label).toBe(rootCode);
      expect(totals, label).toEqual({ from, to, asOf: asOf ?? expect.any(String), ...want.totals });
      expect(own, label).toEqual(want.own);
      expect(byChildUnit, label).toEqual(want.children);
      expect(byMonth, label).toEqual(want.months);

      // Fields and channels: independent counts through the raw dossiers grouped the other way round.
      const db = server.database.db;
      const raw = rowsOf<{ key: string; received: number; early: number; on_time: number; late: number; stopped: number; not_accepted: number; by: string }>(
        await db.execute(sql`
          WITH x AS (
            SELECT d.channel::text AS channel, p.field, d.status, d.timeliness,
              (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date AS r,
              (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date AS f
            FROM dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE d.agency_id IN ${[...want.total, -1]}
          ), y AS (SELECT 'channel' AS by, channel AS key, * FROM x UNION ALL SELECT 'field', field, * FROM x)
          SELECT by, key, count(*) FILTER (WHERE r)::int AS received,
            count(*) FILTER (WHERE f AND status IN ('RESOLVED', 'RETURNED') AND timeliness = 'EARLY')::int AS early,
            count(*) FILTER (WHERE f AND status IN ('RESOLVED', 'RETURNED') AND timeliness = 'ON_TIME')::int AS on_time,
            count(*) FILTER (WHERE f AND status IN ('RESOLVED', 'RETURNED') AND timeliness = 'LATE')::int AS late,
            count(*) FILTER (WHERE f AND status = 'STOPPED')::int AS stopped,
            count(*) FILTER (WHERE f AND status = 'NOT_ACCEPTED')::int AS not_accepted
          FROM y GROUP BY by, key`),
      );
      const counts = (by: string, key: string) => {
        const row = raw.find((r) => r.by === by && r.key === key);
        const c = { received: row?.received ?? 0, early: row?.early ?? 0, onTime: row?.on_time ?? 0, late: row?.late ?? 0 };
        const resolved = c.early + c.onTime + c.late;
        return { ...c, resolved, onTimeRate: resolved ? (c.early + c.onTime) / resolved : null, stopped: row?.stopped ?? 0, notAccepted: row?.not_accepted ?? 0 };
      };
      expect(byChannel, label).toEqual(["DIRECT", "ONLINE", "POSTAL"].map((channel) => ({ channel, ...counts("channel", channel) })));
      const fieldsWithData = want.fields.map((field) => ({ field, ...counts("field", field) })).filter((f) => f.received + f.resolved + f.stopped + f.notAccepted > 0);
      expect([...byField].sort((a, b) => a.field.localeCompare(b.field)), label).toEqual(fieldsWithData.sort((a, b) => a.field.localeCompare(b.field)));
      expect(byField.map((f: { received: number }) => f.received), label).toEqual(byField.map((f: { received: number }) => f.received).sort((a: number, b: number) => b - a));

      // The ranking orders the children by on-time rate; equal rates share a rank.
      const rated = byChildUnit.filter((c: { onTimeRate: number | null }) => c.onTimeRate !== null);
      expect(ranking.map((r: { unit: { code: string } }) => r.unit.code).sort(), label).toEqual(byChildUnit.map((c: { unit: { code: string } }) => c.unit.code).sort());
      const rates = ranking.filter((r: { rank: number | null }) => r.rank !== null).map((r: { onTimeRate: number }) => r.onTimeRate);
      expect(rates, label).toEqual([...rates].sort((a, b) => b - a));
      expect(rates.length, label).toBe(rated.length);
      expect(ranking[0]?.rank ?? 1, label).toBe(1);

      // The procedures with the most overdue dossiers.
      const overdue = rowsOf<{ code: string; overdue: number }>(
        await db.execute(sql`
          SELECT p.code, count(*)::int AS overdue FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
          WHERE d.agency_id IN ${[...want.total, -1]} AND d.finished_at IS NULL
            AND (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${to}::date
            AND d.effective_due_at < coalesce(d.supplement_since, now())
          GROUP BY p.code ORDER BY overdue DESC, p.code`),
      );
      expect(mostOverdueProcedures.map((p: { code: string; overdue: number }) => ({ code: p.code, overdue: p.overdue })), label).toEqual(overdue.slice(0, 10));
    }
  });

  it("counts merged units toward their successor in the current tree and keeps them apart as of an earlier date", async () => {
    const current = await dashboard(codes.d1, "2020-03-01", "2020-12-31");
    const before = await dashboard(codes.d1, "2020-03-01", "2020-12-31", "2020-12-31");
    const old = await dashboard(codes.old, "2020-03-01", "2020-12-31", "2020-12-31");
    expect(old.received).toBeGreaterThan(0);
    expect(current.received).toBe(before.received + old.received);
    // The old district itself counts as the district's own figures, its commune as part of commune 1.
    expect(current.own.received).toBe(before.own.received + old.own.received);
    const c11 = (d: { byChildUnit: { unit: { code: string }; received: number }[] }) => d.byChildUnit.find((c) => c.unit.code === codes.c11)!.received;
    const o1 = old.byChildUnit.find((c: { unit: { code: string } }) => c.unit.code === codes.o1)!.received;
    expect(c11(current)).toBe(c11(before) + o1);
    // In the province's current tree the old district has no entry of its own: its history counts for district 1.
    const province = await dashboard(codes.province, "2020-03-01", "2020-12-31");
    expect(province.byChildUnit.map((c: { unit: { code: string } }) => c.unit.code)).not.toContain(codes.old);
    const asOf = await dashboard(codes.province, "2020-03-01", "2020-12-31", "2020-12-31");
    expect(asOf.byChildUnit.map((c: { unit: { code: string } }) => c.unit.code)).toContain(codes.old);
    expect(province.received).toBe(asOf.received);
  });

  it("reads the counters in two statements whatever the period and the number of children", async () => {
    const month = await server.gql(DASHBOARD, { agencyCode: codes.province, from: "2020-05-01", to: "2020-05-31" });
    const decade = await server.gql(DASHBOARD, { agencyCode: codes.province, from: "2015-01-01", to: "2024-12-31" });
    expect(month.errors).toBeUndefined();
    expect(decade.errors).toBeUndefined();
    expect(decade.statements).toBe(month.statements);
    // The unit with its scope, then every figure: two statements.
    expect(decade.statements).toBe(2);
  });

  it("computes only the lists a query asks for, through fragments too, with the same totals", async () => {
    const vars = { agencyCode: codes.province, from: "2020-01-01", to: "2021-12-31" };
    const full = await dashboard(vars.agencyCode, vars.from, vars.to);
    const totals = ok(await server.gql(`query($agencyCode: String!, $from: Date!, $to: Date!) {
      dashboard(agencyCode: $agencyCode, from: $from, to: $to) { received resolved pendingInTime overdue } }`, vars)).dashboard;
    expect(totals).toEqual({ received: full.received, resolved: full.resolved, pendingInTime: full.pendingInTime, overdue: full.overdue });
    const viaFragments = ok(await server.gql(`query($agencyCode: String!, $from: Date!, $to: Date!) {
      dashboard(agencyCode: $agencyCode, from: $from, to: $to) { received ...Lists ... on Dashboard { byMonth { month received } } } }
      fragment Lists on Dashboard { byField { field received } mostOverdueProcedures { code overdue } }`, vars)).dashboard;
    expect(viaFragments.byField).toEqual(full.byField.map((f: { field: string; received: number }) => ({ field: f.field, received: f.received })));
    expect(viaFragments.byMonth).toEqual(full.byMonth.map((m: { month: string; received: number }) => ({ month: m.month, received: m.received })));
    expect(viaFragments.mostOverdueProcedures).toEqual(full.mostOverdueProcedures.map((p: { code: string; overdue: number }) => ({ code: p.code, overdue: p.overdue })));
    expect(viaFragments.mostOverdueProcedures.length).toBeGreaterThan(0);
  });

  it("a rebuild from the dossiers gives exactly the counters that incremental maintenance kept", async () => {
    const db = server.database.db;
    const incremental = await counterSnapshot(db);
    expect(incremental.main.length).toBeGreaterThan(100);
    expect(incremental.open.length).toBeGreaterThan(3);
    expect(incremental.overdueProcedures.length).toBeGreaterThan(3);
    const negative = rowsOf(await db.execute(sql`SELECT 1 FROM dossier_subtree_rollups WHERE LEAST(received, early, on_time, late, stopped, not_accepted, fee_due) < 0`));
    expect(negative).toEqual([]);
    const rebuilt = await rebuildAllRollups(db);
    expect(rebuilt.rows).toBeGreaterThanOrEqual(incremental.main.length);
    expect(await counterSnapshot(db)).toEqual(incremental);
  });

  it("rejects a period ending before it starts, a period over 10 years and an unknown unit, returning nothing", async () => {
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ agencyCode: codes.d1, from: "2021-02-01", to: "2021-01-31" }, "BAD_USER_INPUT", "to"],
      [{ agencyCode: codes.d1, from: "2015-01-01", to: "2025-01-01" }, "BAD_USER_INPUT", "to"],
      [{ agencyCode: "000.00.00.Z99", from: "2021-01-01", to: "2021-01-31" }, "NOT_FOUND", undefined],
    ];
    for (const [vars, code, field] of cases) {
      const res = await server.gql(DASHBOARD, vars);
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    const badDate = await server.gql(DASHBOARD, { agencyCode: codes.d1, from: "2021-02-30", to: "2021-03-01" });
    expect(badDate.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // Exactly ten years is allowed.
    expect((await server.gql(DASHBOARD, { agencyCode: codes.d1, from: "2015-01-01", to: "2024-12-31" })).errors).toBeUndefined();
  });
});

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}
