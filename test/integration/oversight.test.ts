import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "../../src/db/rows.js";
import { errorsOf, issueToken } from "../support/dossiers.js";
import {
  OVERSIGHT, RECORD_PETITION_EVENTS, SUBMIT_FEEDBACK, SUBMIT_INSPECTIONS, SUBMIT_PETITIONS, SUBMIT_RECEPTIONS, oversightTableCounts, recount,
} from "../support/oversight.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";

describe("oversight: inspections, citizen reception, petitions, feedback", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let districtWriter: string;
  const period = () => ({ agencyCode: tree.province.code, from: "2021-07-01", to: "2021-12-31" });

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    districtWriter = await issueToken(server, ["WRITER"], tree.district.code, "district one-stop");
   }, 180_000);
  afterAll(() => server?.close());

  const inspection = (key: string, over: Record<string, unknown> = {}) => ({
    key, inspectingUnitCode: tree.district.code, inspectedUnitCodes: [tree.communeA.code], kind: "ANNOUNCED", startedOn: "2021-08-03",
    findings: 4, violations: 1, planSymbol: "12/KH-UBND", followUps: [{ description: "Niêm yết lại thủ tục", dueOn: "2021-09-01" }], ...over,
  });

  it("counts inspections by kind with the units inspected, and a resend changes nothing", async () => {
    const res = ok(await server.gql(SUBMIT_INSPECTIONS, {
      input: [
        inspection("kt-2021-01"),
        inspection("kt-2021-02", { kind: "UNANNOUNCED", inspectedUnitCodes: [tree.communeA.code, tree.communeB.code] }),
        inspection("kt-2021-03", { kind: "THEMATIC", inspectingUnitCode: tree.province.code, inspectedUnitCodes: [tree.justice.code] }),
      ],
    }, districtWriter)).submitInspections;
    // The district's writer may not record the province's inspection: that item alone is refused.
    expect(errorsOf(res.items)).toEqual(["ok", "ok", ["FORBIDDEN", "inspectingUnitCode"]]);
    const admin = ok(await server.admin(SUBMIT_INSPECTIONS, {
      input: [inspection("kt-2021-03", { kind: "THEMATIC", inspectingUnitCode: tree.province.code, inspectedUnitCodes: [tree.justice.code] }), inspection("kt-2021-01")],
    })).submitInspections;
    expect([admin.applied, admin.unchanged]).toEqual([1, 1]);

    const o = ok(await server.gql(OVERSIGHT, period())).oversight;
    expect(o.inspections).toMatchObject({ total: 3, announced: 1, unannounced: 1, thematic: 1, findings: 12, violations: 3, followUps: 3, unitsInspected: 3 });
    // 5 units below the province: 2 departments, the district, 2 communes.
    expect(o.inspections.unitsInspectedShare).toBeCloseTo(3 / 5);
    const district = o.byChildUnit.find((c: any) => c.unit.code === tree.district.code);
    expect(district.inspections).toMatchObject({ total: 2, unitsInspected: 2, unitsInspectedShare: 1 });
    expect(o.own.inspections.total).toBe(1);
  });

  it("rejects bad inspections naming the field and rule, leaving nothing behind", async () => {
    const before = await oversightTableCounts(server.database.db);
    const res = ok(await server.admin(SUBMIT_INSPECTIONS, {
      input: [
        inspection("kt-bad-1", { startedOn: "2099-01-01" }),
        inspection("kt-bad-2", { findings: 1, violations: 2 }),
        inspection("kt-bad-3", { inspectedUnitCodes: [tree.justice.code] }),
        inspection("kt bad 4"),
        inspection("kt-bad-5", { planSymbol: "53 KH" }),
        inspection("kt-bad-6", { followUps: [{ description: " " }] }),
        inspection("kt-bad-7", { inspectingUnitCode: "000.00.99.Z99" }),
      ],
    })).submitInspections;
    expect(errorsOf(res.items)).toEqual([
      ["INVALID_DATE", "startedOn"], ["OUT_OF_RANGE", "violations"], ["FORBIDDEN", "inspectedUnitCodes[0]"], ["INVALID_FORMAT", "key"],
      ["INVALID_FORMAT", "planSymbol"], ["REQUIRED", "followUps[0].description"], ["UNKNOWN_REFERENCE", "inspectingUnitCode"],
    ]);
    expect(res.items[1].error.message).toBe("violations: must not exceed findings");
    expect(await oversightTableCounts(server.database.db)).toEqual(before);
  });

  it("counts reception sessions and requires the leader of a periodic reception", async () => {
    const res = ok(await server.gql(SUBMIT_RECEPTIONS, {
      input: [
        { key: "tcd-1", unitCode: tree.district.code, kind: "LEADER_PERIODIC", heldOn: "2021-08-10", leaderName: "Nguyễn Văn A", citizens: 12, cases: 4 },
        { key: "tcd-2", unitCode: tree.communeA.code, kind: "REGULAR", heldOn: "2021-08-11", citizens: 5, cases: 2, delegations: 1 },
        { key: "tcd-3", unitCode: tree.district.code, kind: "LEADER_PERIODIC", heldOn: "2021-08-12", citizens: 1, cases: 1 },
        { key: "tcd-4", unitCode: tree.district.code, kind: "REGULAR", heldOn: "2021-08-12", citizens: 1, cases: 3 },
      ],
    }, districtWriter)).submitReceptionSessions;
    expect(errorsOf(res.items)).toEqual(["ok", "ok", ["REQUIRED", "leaderName"], ["OUT_OF_RANGE", "cases"]]);
    // A corrected resend replaces the counts.
    ok(await server.gql(SUBMIT_RECEPTIONS, { input: [{ key: "tcd-2", unitCode: tree.communeA.code, kind: "REGULAR", heldOn: "2021-08-11", citizens: 6, cases: 2, delegations: 1 }] }, districtWriter));
    const o = ok(await server.gql(OVERSIGHT, period())).oversight;
    expect(o.receptions).toEqual({ sessions: 2, leaderSessions: 1, citizens: 18, cases: 6, delegations: 1 });
  });

  it("computes petition due instants from the statutory table, in calendar or working days, and judges them", async () => {
    const deadlines = ok(await server.gql(`{ petitionDeadlines { kind resolutionDays complicatedDays remoteDays remoteComplicatedDays resolutionCount legalBasis } }`)).petitionDeadlines;
    expect(deadlines.find((d: any) => d.kind === "COMPLAINT")).toMatchObject({ resolutionDays: 30, complicatedDays: 45, remoteDays: 45, remoteComplicatedDays: 60, resolutionCount: "CALENDAR" });
    expect(deadlines.find((d: any) => d.kind === "DENUNCIATION")).toMatchObject({ resolutionDays: 30, resolutionCount: "CALENDAR" });
    expect(deadlines.find((d: any) => d.kind === "COMPLAINT").legalBasis).toContain("Điều 28");

    const base = { channel: "DIRECT", unitCode: tree.district.code, receivedAt: "2021-07-26T09:00:00+07:00" };
    ok(await server.gql(SUBMIT_PETITIONS, {
      input: [
        { ...base, key: "don-1", kind: "COMPLAINT", petitioner: { name: "Trần Thị B", identityNumber: "001190012345", phone: "0912 345 678", address: "Đông Dư" } },
        { ...base, key: "don-2", kind: "RECOMMENDATION", channel: "PORTAL" },
        { ...base, key: "don-3", kind: "COMPLAINT", remoteArea: true, complicated: true },
        { ...base, key: "don-4", kind: "DENUNCIATION", channel: "POST" },
      ],
    }, districtWriter));
    const at = (d: string) => `${d}T09:00:00+07:00`;
    const events = ok(await server.gql(RECORD_PETITION_EVENTS, {
      input: [
        { id: "e1", petitionKey: "don-1", action: "ACCEPTED", at: at("2021-08-02") },
        { id: "e2", petitionKey: "don-2", action: "ACCEPTED", at: at("2021-08-02") },
        { id: "e3", petitionKey: "don-3", action: "ACCEPTED", at: at("2021-08-02") },
        { id: "e4", petitionKey: "don-1", action: "RESOLVED", at: at("2021-08-20"), outcome: "PARTLY_UPHELD" },
        { id: "e5", petitionKey: "don-2", action: "RESOLVED", at: at("2021-08-17") },
        { id: "e6", petitionKey: "don-2", action: "RESOLVED", at: at("2021-08-17"), outcome: "ANSWERED" },
        { id: "e7", petitionKey: "don-4", action: "RESOLVED", at: at("2021-08-17"), outcome: "REJECTED" },
        { id: "e8", petitionKey: "don-4", action: "TRANSFERRED", at: at("2021-07-01"), toUnitCode: tree.province.code },
        { id: "e9", petitionKey: "don-3", action: "EXTENDED", at: at("2021-08-03"), extensionDays: 16 },
        { id: "e10", petitionKey: "nope", action: "ACCEPTED", at: at("2021-08-03") },
        { id: "e1", petitionKey: "don-1", action: "ACCEPTED", at: at("2021-08-02") },
      ],
    }, districtWriter)).recordPetitionEvents;
    expect(errorsOf(events.items)).toEqual([
      "ok", "ok", "ok", "ok", ["REQUIRED", "outcome"], "ok", ["INVALID_TRANSITION", "action"], ["INVALID_DATE", "at"],
      ["OUT_OF_RANGE", "extensionDays"], ["UNKNOWN_REFERENCE", "petitionKey"], "ok",
    ]);
    expect(events.unchanged).toBe(1);

    const PETITION = `query($key: String!) { petition(key: $key) { status acceptedAt dueAt resolvedAt onTime petitioner { name identityNumber phone address } events { id action } } }`;
    const personal = await issueToken(server, ["READER", "PERSONAL_DATA"], tree.district.code, "inspector");
    const reader = await issueToken(server, ["READER"], tree.district.code, "reader");
    // Complaint: 30 calendar days from acceptance on 2 August ⇒ due at the end of 1 September.
    const one = ok(await server.gql(PETITION, { key: "don-1" }, personal)).petition;
    expect(one).toMatchObject({ status: "RESOLVED", dueAt: "2021-09-02T00:00:00.000+07:00", onTime: true });
    expect(one.petitioner).toEqual({ name: "Trần Thị B", identityNumber: "001190012345", phone: "0912345678", address: "Đông Dư" });
    const masked = ok(await server.gql(PETITION, { key: "don-1" }, reader)).petition;
    expect(masked.petitioner).toEqual({ name: "Trần Thị B", identityNumber: "0*********45", phone: "0*******78", address: null });
    const audits = resultRows<{ n: number }>(await server.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'readPetitioner' AND key = 'don-1'`));
    expect(audits[0]!.n).toBe(1);
    // A reader of another unit does not learn that the key exists.
    const other = await issueToken(server, ["READER", "PERSONAL_DATA"], tree.justice.code, "other");
    expect((await server.gql(PETITION, { key: "don-1" }, other)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    // Recommendation: 10 WORKING days from Monday 2 August ⇒ end of Monday 16 August; resolved on the 17th: late.
    expect(ok(await server.gql(PETITION, { key: "don-2" }, reader)).petition).toMatchObject({ dueAt: "2021-08-17T00:00:00.000+07:00", onTime: false });
    // Complicated complaint in a remote area: 60 days ⇒ end of 1 October.
    expect(ok(await server.gql(PETITION, { key: "don-3" }, reader)).petition).toMatchObject({ status: "ACCEPTED", dueAt: "2021-10-02T00:00:00.000+07:00" });

    const o = ok(await server.gql(OVERSIGHT, period())).oversight;
    expect(o.petitions).toMatchObject({ received: 4, accepted: 3, resolved: 2, onTime: 1, late: 1, pendingInTime: 0, overdue: 1, resolutionRate: 0.5 });
    expect(o.petitions.byKind.find((k: any) => k.kind === "COMPLAINT")).toEqual({ kind: "COMPLAINT", received: 2, accepted: 2, resolved: 1 });
  });

  it("lets an administrator edit the deadlines, and no one else", async () => {
    const SET = `mutation($input: [PetitionDeadlineInput!]!) { setPetitionDeadlines(input: $input) { applied unchanged failed items { error { code field } } } }`;
    const row = { kind: "REFLECTION", acceptanceDays: 5, acceptanceCount: "WORKING", resolutionDays: 15, complicatedDays: 20, remoteDays: 15, remoteComplicatedDays: 20, resolutionCount: "WORKING", legalBasis: "Quyết định của UBND tỉnh (thử)" };
    expect((await server.gql(SET, { input: [row] }, districtWriter)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = ok(await server.admin(SET, { input: [{ ...row, complicatedDays: 10 }] })).setPetitionDeadlines;
    expect(bad.items[0].error).toEqual({ code: "OUT_OF_RANGE", field: "complicatedDays" });
    expect(ok(await server.admin(SET, { input: [row] })).setPetitionDeadlines.applied).toBe(1);
    expect(ok(await server.admin(SET, { input: [row] })).setPetitionDeadlines.unchanged).toBe(1);
    const list = ok(await server.gql(`{ petitionDeadlines { kind resolutionDays } }`)).petitionDeadlines;
    expect(list.find((d: any) => d.kind === "REFLECTION").resolutionDays).toBe(15);
  });

  it("counts hotline feedback, answered and overdue", async () => {
    const res = ok(await server.gql(SUBMIT_FEEDBACK, {
      input: [
        { key: "dd-1", unitCode: tree.communeA.code, channel: "HOTLINE", topic: "HARASSMENT", receivedAt: "2021-09-06T08:00:00+07:00", answeredAt: "2021-09-08T08:00:00+07:00", outcome: "SUBSTANTIATED" },
        { key: "dd-2", unitCode: tree.communeB.code, channel: "PORTAL", topic: "ATTITUDE", receivedAt: "2021-09-06T08:00:00+07:00" },
        { key: "dd-3", unitCode: tree.communeB.code, channel: "PORTAL", topic: "ATTITUDE", receivedAt: "2021-09-06T08:00:00+07:00", answeredAt: "2021-09-05T08:00:00+07:00", outcome: "ANSWERED" },
        { key: "dd-4", unitCode: tree.communeB.code, channel: "PORTAL", topic: "ATTITUDE", receivedAt: "2021-09-06T08:00:00+07:00", outcome: "ANSWERED" },
      ],
    }, districtWriter)).submitConductFeedback;
    expect(errorsOf(res.items)).toEqual(["ok", "ok", ["INVALID_DATE", "answeredAt"], ["REQUIRED", "outcome"]]);
    const o = ok(await server.gql(OVERSIGHT, period())).oversight;
    expect(o.feedback).toEqual({ received: 2, answered: 1, overdue: 1 });
  });

  it("keeps counters equal to a recount from the rows, for every unit", async () => {
    const o = ok(await server.gql(OVERSIGHT, period())).oversight;
    for (const [unit, figures] of [[tree.province, o], ...o.byChildUnit.map((c: any) => [[tree.justice, tree.home, tree.district].find((u) => u.code === c.unit.code), c])]) {
      const r = await recount(server.database.db, unit.path, "2021-07-01", "2021-12-31");
      expect({
        inspections: figures.inspections.total, announced: figures.inspections.announced, citizens: figures.receptions.citizens, cases: figures.receptions.cases,
        received: figures.petitions.received, resolved: figures.petitions.resolved, onTime: figures.petitions.onTime, feedback: figures.feedback.received,
        answered: figures.feedback.answered,
      }).toEqual(r);
    }
  });
});
