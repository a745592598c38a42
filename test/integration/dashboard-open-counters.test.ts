import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows as rowsOf } from "../../src/db/rows.js";
import { OpenSweeper } from "../../src/modules/rollups/open-sweeper.js";
import { rebuildAllRollups } from "../../src/modules/rollups/rollup.service.js";
import { computeDashboard, resolveTarget } from "../../src/modules/dashboards/query/dashboard.service.js";
import {
  counterSnapshot, DASHBOARD, expectedFigures, independentCounts, seedDashboardTree, seedFieldProcedures, unitIds,
} from "../support/dashboards.js";
import { dossierCode, RECORD, SUBMIT } from "../support/dossiers.js";
import { ok, startServer, type TestServer } from "../support/server.js";

const HOUR = 3_600_000;

const UPSERT_UNITS = `mutation($input: [AgencyUnitInput!]!) {
  upsertAgencyUnits(input: $input) { applied failed items { key ok error { code message field } } }
}`;

/**
 * The open-dossier counters classify open dossiers against a watermark that the sweeper moves forward; dashboards
 * correct the dossiers that fell due in between. Time is moved by asking for the dashboard "as of" later instants
 * through the service (the API always answers at the real now), and by sweeping to them.
 */
describe("open-dossier counters", () => {
  let server: TestServer;
  let codes: Awaited<ReturnType<typeof seedDashboardTree>>;
  let procedures: { code: string; field: string }[];
  const started = Date.now();
  const today = new Date(started + 7 * HOUR).toISOString().slice(0, 10);

  beforeAll(async () => {
    server = await startServer();
    codes = await seedDashboardTree(server);
    procedures = await seedFieldProcedures(server.database.db);
    // Open dossiers received in the last days, due from an hour ago to a month ahead; two wait on a supplement.
    const receipts: { agency: string; hoursAgo: number; dueInHours: number }[] = [];
    const agencies = [codes.c11, codes.c12, codes.c21, codes.d1, codes.department];
    const dues = [-1, 2, 20, 30, 50, 70, 100, 170, 200, 400, 720];
    dues.forEach((dueInHours, i) => receipts.push({ agency: agencies[i % agencies.length]!, hoursAgo: 30 + i, dueInHours }));
    const input = receipts.map((r, i) => {
      const receivedAt = new Date(started - r.hoursAgo * HOUR).toISOString();
      return {
        code: dossierCode(r.agency, receivedAt, 9000 + i),
        procedureCode: procedures[i % procedures.length]!.code,
        agencyCode: r.agency,
        channel: "DIRECT",
        receivedAt,
        dueAt: new Date(started + r.dueInHours * HOUR).toISOString(),
      };
    });
    expect(ok(await server.admin(SUBMIT, { input })).submitDossiers).toMatchObject({ failed: 0 });
    const events = [input[3]!, input[8]!].flatMap((d, i) => [
      { id: `OC-${d.code}-1`, dossierCode: d.code, status: "IN_PROCESS", at: new Date(started - 10 * HOUR + i).toISOString() },
      { id: `OC-${d.code}-2`, dossierCode: d.code, status: "SUPPLEMENT_REQUESTED", at: new Date(started - 5 * HOUR + i).toISOString() },
    ]);
    expect(ok(await server.admin(RECORD, { input: events })).recordDossierEvents).toMatchObject({ failed: 0 });
  }, 120_000);
  afterAll(() => server?.close());

  /** The pending figures of the province at `at`, from the service and from the raw dossiers. */
  async function pendingAt(at: Date) {
    const db = server.database.db;
    const target = await resolveTarget(db, { agencyCode: codes.province, from: "2020-01-01", to: today });
    const got = await computeDashboard(db, target, at);
    const ids = await unitIds(db, Object.values(codes));
    const subtree = (code: string) => {
      const path = ids.get(code)!.path;
      return [...ids.values()].filter((u) => u.path === path || u.path.startsWith(`${path}.`)).map((u) => u.id);
    };
    const want = expectedFigures(await independentCounts(db, subtree(codes.province), "2020-01-01", today, at));
    const d1 = expectedFigures(await independentCounts(db, subtree(codes.d1), "2020-01-01", today, at));
    const overdue = rowsOf<{ code: string; overdue: number }>(
      await db.execute(sql`
        SELECT p.code, count(*)::int AS overdue FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
        WHERE d.agency_id IN ${subtree(codes.province)} AND d.finished_at IS NULL
          AND d.effective_due_at < coalesce(d.supplement_since, ${at.toISOString()}::timestamptz)
        GROUP BY p.code ORDER BY overdue DESC, p.code`),
    );
    return {
      got: {
        pendingInTime: got.pendingInTime,
        overdue: got.overdue,
        d1: got.byChildUnit.find((c) => c.unit.code === codes.d1)!,
        mostOverdue: got.mostOverdueProcedures.map((p) => ({ code: p.code, overdue: p.overdue })),
      },
      want: { pendingInTime: want.pendingInTime, overdue: want.overdue, d1, mostOverdue: overdue },
    };
  }

  const later = (hours: number) => new Date(started + hours * HOUR);

  it("counts open dossiers in time or overdue exactly at any instant, whatever the watermark", async () => {
    for (const hours of [0, 1, 10, 40, 120, 300, 1000]) {
      const { got, want } = await pendingAt(later(hours));
      expect(got.pendingInTime, `+${hours} h`).toBe(want.pendingInTime);
      expect(got.overdue, `+${hours} h`).toBe(want.overdue);
      expect({ pendingInTime: got.d1.pendingInTime, overdue: got.d1.overdue }, `+${hours} h`).toEqual({
        pendingInTime: want.d1.pendingInTime,
        overdue: want.d1.overdue,
      });
      expect(got.mostOverdue, `+${hours} h`).toEqual(want.mostOverdue);
    }
    // The data set moves: more overdue later, fewer in time.
    const [first, last] = [(await pendingAt(later(0))).want, (await pendingAt(later(1000))).want];
    expect(last.overdue as number).toBeGreaterThan((first.overdue as number) + 5);
  });

  it("a sweep moves the dossiers that fell due to overdue, keeps every figure exact and agrees with a rebuild", async () => {
    const db = server.database.db;
    const sweeper = new OpenSweeper(db);
    const [{ fellDue }] = rowsOf<{ fellDue: number }>(
      await db.execute(sql`
        SELECT count(*)::int AS "fellDue" FROM dossiers WHERE finished_at IS NULL AND supplement_since IS NULL
          AND effective_due_at >= (SELECT swept_until FROM dossier_open_sweep) AND effective_due_at < ${later(120).toISOString()}::timestamptz`),
    ) as [{ fellDue: number }];
    expect(fellDue).toBeGreaterThan(3);
    expect(await sweeper.sweep(later(120))).toBe(fellDue);
    // A sweep never moves the watermark back.
    expect(await sweeper.sweep(later(60))).toBe(0);
    const [{ same }] = rowsOf<{ same: boolean }>(
      await db.execute(sql`SELECT swept_until = ${later(120).toISOString()}::timestamptz AS same FROM dossier_open_sweep`),
    ) as [{ same: boolean }];
    expect(same).toBe(true);
    // Exact before the watermark (now is earlier than it), at it, and after it.
    for (const hours of [0, 60, 120, 300, 1000]) {
      const { got, want } = await pendingAt(later(hours));
      expect({ pendingInTime: got.pendingInTime, overdue: got.overdue, top: got.mostOverdue }, `+${hours} h`).toEqual({
        pendingInTime: want.pendingInTime,
        overdue: want.overdue,
        top: want.mostOverdue,
      });
    }
    // Through the API, at the real now (before the watermark).
    const api = ok(await server.gql(DASHBOARD, { agencyCode: codes.province, from: "2020-01-01", to: today })).dashboard;
    const { want } = await pendingAt(new Date());
    expect({ pendingInTime: api.pendingInTime, overdue: api.overdue }).toEqual({ pendingInTime: want.pendingInTime, overdue: want.overdue });

    const incremental = await counterSnapshot(db);
    await rebuildAllRollups(db);
    expect(await counterSnapshot(db)).toEqual(incremental);
  });

  it("moving a unit to another parent moves its history in every dashboard, as a rebuild counts it", async () => {
    const db = server.database.db;
    const before = {
      d1: ok(await server.gql(DASHBOARD, { agencyCode: codes.d1, from: "2020-01-01", to: today })).dashboard,
      d2: ok(await server.gql(DASHBOARD, { agencyCode: codes.d2, from: "2020-01-01", to: today })).dashboard,
      c21: ok(await server.gql(DASHBOARD, { agencyCode: codes.c21, from: "2020-01-01", to: today })).dashboard,
    };
    expect(before.c21.received + before.c21.pendingInTime + before.c21.overdue).toBeGreaterThan(0);
    const moved = ok(
      await server.admin(UPSERT_UNITS, { input: [{ code: codes.c21, name: "Xã Hai Một", kind: "COMMUNE", parentCode: codes.d1 }] }),
    ).upsertAgencyUnits;
    expect(moved).toMatchObject({ applied: 1, failed: 0 });
    const after = {
      d1: ok(await server.gql(DASHBOARD, { agencyCode: codes.d1, from: "2020-01-01", to: today })).dashboard,
      d2: ok(await server.gql(DASHBOARD, { agencyCode: codes.d2, from: "2020-01-01", to: today })).dashboard,
    };
    for (const key of ["received", "pendingInTime", "overdue"] as const) {
      expect(after.d1[key], key).toBe(before.d1[key] + before.c21[key]);
      expect(after.d2[key], key).toBe(before.d2[key] - before.c21[key]);
    }
    expect(after.d1.byChildUnit.map((c: { unit: { code: string } }) => c.unit.code)).toContain(codes.c21);

    const incremental = await counterSnapshot(db);
    await rebuildAllRollups(db);
    expect(await counterSnapshot(db)).toEqual(incremental);
  });
});
