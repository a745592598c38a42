import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { DOSSIER, RECORD, SUBMIT, dossierCode, dossierTableCounts, seedProcedure } from "../support/dossiers.js";

const LIST = `query($filter: DossierFilter, $first: Int, $after: String) {
  dossiers(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { code status timeliness receivedAt } }
  }
}`;

describe("dossiers", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  let sequence = 0;

  const submit = async (input: Record<string, unknown>[]) => ok(await server.admin(SUBMIT, { input })).submitDossiers;
  const record = async (input: Record<string, unknown>[]) => ok(await server.admin(RECORD, { input })).recordDossierEvents;
  const read = async (code: string) => ok(await server.admin(DOSSIER, { code })).dossier;
  /** A dossier of commune A received at `receivedAt`, with a fresh code. */
  const newDossier = (receivedAt: string, extra: Record<string, unknown> = {}) => ({
    code: dossierCode(tree.communeA.code, receivedAt, ++sequence),
    procedureCode: procedure.code,
    agencyCode: tree.communeA.code,
    channel: "ONLINE",
    receivedAt,
    ...extra,
  });

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 3);
  });
  afterAll(() => server?.close());

  it("a dossier lives from submission through a supplement to its return, with hand-overs on its control slip, and finishes EARLY", async () => {
    // Monday 31 May 2021; 3 committed working days: due Wednesday 2 June 17:00.
    const dossier = newDossier("2021-05-31T08:30:00+07:00", {
      applicant: { name: "Nguyễn Thị Bình", identityNumber: "001234567812", phone: "0912 345 678", email: "binh@example.vn" },
      paidOnline: true,
    });
    expect(await submit([dossier])).toMatchObject({ applied: 1, failed: 0 });
    const code = dossier.code;
    const events = [
      { id: `${code}/1`, dossierCode: code, status: "ACCEPTED", at: "2021-05-31T09:00:00+07:00" },
      { id: `${code}/2`, dossierCode: code, status: "IN_PROCESS", at: "2021-05-31T10:00:00+07:00", agencyCode: tree.justice.code, note: "Chuyển Sở Tư pháp" },
      { id: `${code}/3`, dossierCode: code, status: "SUPPLEMENT_REQUESTED", at: "2021-05-31T11:00:00+07:00" },
      { id: `${code}/4`, dossierCode: code, status: "IN_PROCESS", at: "2021-06-02T09:00:00+07:00" },
      { id: `${code}/5`, dossierCode: code, status: "RESOLVED", at: "2021-06-03T16:00:00+07:00", agencyCode: tree.communeA.code },
      { id: `${code}/6`, dossierCode: code, status: "RETURNED", at: "2021-06-04T08:00:00+07:00" },
    ];
    expect(await record(events)).toMatchObject({ applied: 6, unchanged: 0, failed: 0 });

    const stored = await read(code);
    expect(stored).toMatchObject({
      code,
      status: "RETURNED",
      statusPortalCode: 10,
      channel: "ONLINE",
      channelPortalCode: 2,
      receivedAt: "2021-05-31T08:30:00.000+07:00",
      dueAt: "2021-06-02T17:00:00.000+07:00",
      // Two working days waited on the applicant (1 and 2 June): due moves to Friday.
      effectiveDueAt: "2021-06-04T17:00:00.000+07:00",
      finishedAt: "2021-06-03T16:00:00.000+07:00",
      timeliness: "EARLY",
      supplementCount: 1,
      paidOnline: true,
      procedure: { code: procedure.code },
      agency: { code: tree.communeA.code },
      holder: { code: tree.communeA.code },
      applicant: { name: "Nguyễn Thị Bình", identityNumber: "001234567812", phone: "0912345678", masked: false },
    });
    expect(stored.events.map((e: { kind: string; from: string | null; to: string }) => [e.kind, e.from, e.to])).toEqual([
      ["RECEIVED", null, "SUBMITTED"],
      ["RECORDED", "SUBMITTED", "ACCEPTED"],
      ["RECORDED", "ACCEPTED", "IN_PROCESS"],
      ["RECORDED", "IN_PROCESS", "SUPPLEMENT_REQUESTED"],
      ["RECORDED", "SUPPLEMENT_REQUESTED", "IN_PROCESS"],
      ["RECORDED", "IN_PROCESS", "RESOLVED"],
      ["RECORDED", "RESOLVED", "RETURNED"],
    ]);
    const handOver = stored.events[2];
    expect(handOver).toMatchObject({
      id: `${code}/2`,
      handOver: true,
      note: "Chuyển Sở Tư pháp",
      previousAgency: { code: tree.communeA.code },
      agency: { code: tree.justice.code },
      fromPortalCode: 2,
      toPortalCode: 4,
    });
    expect(stored.events[5]).toMatchObject({ handOver: true, previousAgency: { code: tree.justice.code }, agency: { code: tree.communeA.code } });
    expect(stored.events[6]).toMatchObject({ handOver: false });
    const cursors = stored.events.map((e: { cursor: string }) => e.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
  });

  it("sending the same dossier and the same events again changes nothing", async () => {
    const dossier = newDossier("2021-06-01T08:00:00+07:00", { channel: "DIRECT" });
    const events = [
      { id: `${dossier.code}/a`, dossierCode: dossier.code, status: "IN_PROCESS", at: "2021-06-01T09:00:00+07:00", agencyCode: tree.justice.code },
      { id: `${dossier.code}/b`, dossierCode: dossier.code, status: "RESOLVED", at: "2021-06-01T10:00:00+07:00" },
    ];
    await submit([dossier]);
    await record(events);
    const before = await dossierTableCounts(server.database.db);
    const stored = await read(dossier.code);

    expect(await submit([dossier])).toMatchObject({ applied: 0, unchanged: 1, failed: 0 });
    expect(await record(events)).toMatchObject({ applied: 0, unchanged: 2, failed: 0 });
    // The first event again, also after later ones: still unchanged, not out of order.
    expect(await record([events[0]!])).toMatchObject({ unchanged: 1 });
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
    expect(await read(dossier.code)).toEqual(stored);
  });

  it("a dossier received at the one-stop desk starts ACCEPTED unless told otherwise", async () => {
    const desk = newDossier("2021-06-01T08:00:00+07:00", { channel: "DIRECT" });
    const postal = newDossier("2021-06-01T08:00:00+07:00", { channel: "POSTAL" });
    const accepted = newDossier("2021-06-01T08:00:00+07:00", { channel: "ONLINE", initialStatus: "ACCEPTED" });
    expect(await submit([desk, postal, accepted])).toMatchObject({ applied: 3 });
    expect(await read(desk.code)).toMatchObject({ status: "ACCEPTED", statusPortalCode: 2, channelPortalCode: 1 });
    expect(await read(postal.code)).toMatchObject({ status: "SUBMITTED", statusPortalCode: 1, channelPortalCode: 3 });
    expect(await read(accepted.code)).toMatchObject({ status: "ACCEPTED", channel: "ONLINE" });
  });

  it("a resend with other flags, applicant or due date updates the dossier and its history; fixed fields cannot change", async () => {
    const dossier = newDossier("2021-06-01T08:00:00+07:00");
    await submit([dossier]);
    const changed = { ...dossier, digitised: true, electronicResult: true, dueAt: "2021-06-10T17:00:00+07:00", applicant: { name: "Công ty TNHH Hoa Sen", kind: "ORGANISATION" } };
    expect(await submit([changed])).toMatchObject({ applied: 1, unchanged: 0 });
    const stored = await read(dossier.code);
    expect(stored).toMatchObject({
      digitised: true,
      electronicResult: true,
      paidOnline: false,
      dueAt: "2021-06-10T17:00:00.000+07:00",
      effectiveDueAt: "2021-06-10T17:00:00.000+07:00",
      status: "SUBMITTED",
      applicant: { name: "Công ty TNHH Hoa Sen", kind: "ORGANISATION" },
    });
    expect(stored.events.at(-1)).toMatchObject({ kind: "UPDATED", from: "SUBMITTED", to: "SUBMITTED", handOver: false });
    expect(stored.events.at(-1).note).toContain("digitised");
    // Left-out optional fields keep their stored values.
    expect(await submit([{ ...dossier }])).toMatchObject({ unchanged: 1 });

    const before = await dossierTableCounts(server.database.db);
    const other = await seedProcedure(server.database.db, 5);
    const conflicts = await submit([
      { ...dossier, procedureCode: other.code },
      { ...dossier, receivedAt: "2021-06-01T09:00:00+07:00" },
      { ...dossier, initialStatus: "ACCEPTED" },
    ]);
    expect(conflicts.items.map((i: { error: { code: string; field: string } }) => [i.error.code, i.error.field])).toEqual([
      ["CONFLICT", "procedureCode"],
      ["CONFLICT", "receivedAt"],
      ["CONFLICT", "initialStatus"],
    ]);
    expect(await dossierTableCounts(server.database.db)).toEqual(before);
    expect(await read(dossier.code)).toEqual(stored);
  });

  it("computes timeliness for each way a dossier can end, and filters on it", async () => {
    const own = await seedProcedure(server.database.db, 2);
    // Monday 7 June 2021 08:00, 2 working days: due Tuesday 8 June 17:00.
    const at = "2021-06-07T08:00:00+07:00";
    const make = () => newDossier(at, { procedureCode: own.code, channel: "DIRECT" });
    const onTime = make();
    const late = make();
    const twoSupplements = make();
    const refused = newDossier(at, { procedureCode: own.code, channel: "ONLINE" });
    const stopped = make();
    const overdue = make();
    const waiting = make();
    await submit([onTime, late, twoSupplements, refused, stopped, overdue, waiting]);
    const ev = (d: { code: string }, n: number, status: string, when: string) => ({ id: `${d.code}/${n}`, dossierCode: d.code, status, at: when });
    const res = await record([
      ev(onTime, 1, "RESOLVED", "2021-06-08T16:59:00+07:00"),
      ev(late, 1, "IN_PROCESS", "2021-06-07T09:00:00+07:00"),
      ev(late, 2, "RESOLVED", "2021-06-09T08:00:00+07:00"),
      ev(twoSupplements, 1, "SUPPLEMENT_REQUESTED", "2021-06-07T09:00:00+07:00"),
      ev(twoSupplements, 2, "IN_PROCESS", "2021-06-07T10:00:00+07:00"),
      ev(twoSupplements, 3, "SUPPLEMENT_REQUESTED", "2021-06-07T11:00:00+07:00"),
      ev(twoSupplements, 4, "IN_PROCESS", "2021-06-07T12:00:00+07:00"),
      ev(twoSupplements, 5, "RESOLVED", "2021-06-07T13:00:00+07:00"),
      ev(refused, 1, "NOT_ACCEPTED", "2021-06-07T09:00:00+07:00"),
      ev(stopped, 1, "STOPPED", "2021-06-08T17:30:00+07:00"),
      ev(overdue, 1, "IN_PROCESS", "2021-06-07T09:00:00+07:00"),
      // Waiting on the applicant since before the due date: the clock is stopped, so it is still in time.
      ev(waiting, 1, "SUPPLEMENT_REQUESTED", "2021-06-08T09:00:00+07:00"),
    ]);
    expect(res).toMatchObject({ failed: 0, applied: 12 });

    const timeliness = async (d: { code: string }) => (await read(d.code)).timeliness;
    expect(await timeliness(onTime)).toBe("ON_TIME");
    expect(await timeliness(late)).toBe("LATE");
    expect(await timeliness(twoSupplements)).toBe("LATE");
    expect(await timeliness(refused)).toBe("EARLY");
    expect(await timeliness(stopped)).toBe("LATE");
    expect(await timeliness(overdue)).toBe("OVERDUE");
    expect(await timeliness(waiting)).toBe("IN_TIME");
    expect((await read(twoSupplements.code)).supplementCount).toBe(2);

    const codesWith = async (values: string[]) =>
      ok(await server.admin(LIST, { filter: { procedureCode: own.code, timeliness: values }, first: 100 }))
        .dossiers.edges.map((e: { node: { code: string } }) => e.node.code)
        .sort();
    expect(await codesWith(["LATE"])).toEqual([late.code, twoSupplements.code, stopped.code].sort());
    expect(await codesWith(["ON_TIME", "EARLY"])).toEqual([onTime.code, refused.code].sort());
    expect(await codesWith(["OVERDUE"])).toEqual([overdue.code]);
    expect(await codesWith(["IN_TIME"])).toEqual([waiting.code]);
    expect(await codesWith(["IN_TIME", "OVERDUE"])).toEqual([overdue.code, waiting.code].sort());
  });

  it("an open dossier received recently with a long processing time is IN_TIME", async () => {
    const long = await seedProcedure(server.database.db, 30);
    const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
    const dossier = newDossier(receivedAt, { procedureCode: long.code });
    await submit([dossier]);
    expect(await read(dossier.code)).toMatchObject({ timeliness: "IN_TIME", finishedAt: null });
  });

  it("lists dossiers newest first with keyset pages, filters and a fixed number of statements", async () => {
    const own = await seedProcedure(server.database.db, 3);
    const days = ["2021-07-01", "2021-07-02", "2021-07-05", "2021-07-06", "2021-07-07"];
    const all = days.map((d) => newDossier(`${d}T08:00:00+07:00`, { procedureCode: own.code }));
    const inB = {
      ...newDossier("2021-07-08T08:00:00+07:00", { procedureCode: own.code }),
      agencyCode: tree.communeB.code,
      code: dossierCode(tree.communeB.code, "2021-07-08T08:00:00+07:00", ++sequence),
    };
    expect(await submit([...all, inB])).toMatchObject({ applied: 6 });
    await record([{ id: `${all[0]!.code}/x`, dossierCode: all[0]!.code, status: "ACCEPTED", at: "2021-07-01T09:00:00+07:00" }]);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = ok(await server.admin(LIST, { filter: { procedureCode: own.code }, first: 2, after })).dossiers;
      expect(page.totalCount).toBe(6);
      seen.push(...page.edges.map((e: { node: { code: string } }) => e.node.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([inB.code, ...all.map((d) => d.code).reverse()]);

    const codes = async (filter: Record<string, unknown>) =>
      ok(await server.admin(LIST, { filter: { procedureCode: own.code, ...filter }, first: 100 })).dossiers.edges.map(
        (e: { node: { code: string } }) => e.node.code,
      );
    expect(await codes({ status: ["ACCEPTED"] })).toEqual([all[0]!.code]);
    expect(await codes({ receivedFrom: "2021-07-02", receivedTo: "2021-07-05" })).toEqual([all[2]!.code, all[1]!.code]);
    expect(await codes({ agencyCode: tree.communeB.code })).toEqual([inB.code]);
    expect(await codes({ agencyCode: tree.district.code, includeDescendants: false })).toEqual([]);
    expect((await codes({ agencyCode: tree.district.code })).length).toBe(6);

    const statements = async (first: number) => {
      const res = await server.admin(
        `query($f: DossierFilter, $n: Int) { dossiers(filter: $f, first: $n) { totalCount edges { node {
          code procedure { name } agency { name } holder { name } events { to agency { code } previousAgency { code } } } } } }`,
        { f: { procedureCode: own.code }, n: first },
      );
      ok(res);
      return res.statements;
    };
    const many = await statements(6);
    expect(many).toBe(await statements(1));
    expect(many).toBeLessThanOrEqual(8);
  });

  it("rejects a bad list filter naming the argument", async () => {
    const unknownUnit = await server.admin(LIST, { filter: { agencyCode: "000.99.99.Z99" } });
    expect(unknownUnit.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.agencyCode" });
    const reversed = await server.admin(LIST, { filter: { receivedFrom: "2021-07-05", receivedTo: "2021-07-01" } });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.receivedTo" });
    const cursor = await server.admin(LIST, { after: "bm90LWEtY3Vyc29y" });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
