import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "../../src/db/rows.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { DOSSIER, RECORD, SUBMIT, dossierCode, dossierTableCounts, issueToken, seedProcedure } from "../support/dossiers.js";

const LIST = `query($filter: DossierFilter) { dossiers(filter: $filter, first: 100) { totalCount edges { node { code } } } }`;
const APPLICANT = `query($code: String!) { dossier(code: $code) { code applicant { name identityNumber phone email address masked } } }`;

describe("dossier access", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  const at = "2021-05-31T08:30:00+07:00";
  const inCommuneA = () => ({ code: dossierCode(tree.communeA.code, at, 1), procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "DIRECT", receivedAt: at });
  const inCommuneB = () => ({ code: dossierCode(tree.communeB.code, at, 1), procedureCode: procedure.code, agencyCode: tree.communeB.code, channel: "DIRECT", receivedAt: at });
  const atJustice = () => ({ code: dossierCode(tree.justice.code, at, 1), procedureCode: procedure.code, agencyCode: tree.justice.code, channel: "ONLINE", receivedAt: at });

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 3);
    const applicant = { name: "Nguyễn Văn A", identityNumber: "001234567812", phone: "0912345678", email: "d@example.vn", address: "Số 12 ngõ 5, Đông Dư, Gia Lâm" };
    ok(await server.admin(SUBMIT, { input: [{ ...inCommuneA(), applicant }, inCommuneB(), atJustice()] }));
  });
  afterAll(() => server?.close());

  it("a writer of one commune cannot push dossiers or events for another, and nothing is stored", async () => {
    const writerA = await issueToken(server, ["WRITER"], tree.communeA.code);
    const before = await dossierTableCounts(server.database.db);
    const other = { ...inCommuneB(), code: dossierCode(tree.communeB.code, at, 2) };
    const submitted = ok(await server.gql(SUBMIT, { input: [other] }, writerA)).submitDossiers;
    expect(submitted.items[0]).toMatchObject({ ok: false, error: { code: "FORBIDDEN", field: "agencyCode" } });
    const recorded = ok(
      await server.gql(RECORD, { input: [{ id: "b-1", dossierCode: inCommuneB().code, status: "IN_PROCESS", at: "2021-05-31T09:00:00+07:00" }] }, writerA),
    ).recordDossierEvents;
    expect(recorded.items[0]).toMatchObject({ ok: false, error: { code: "FORBIDDEN", field: "dossierCode" } });
    expect(await dossierTableCounts(server.database.db)).toEqual(before);

    const own = ok(await server.gql(SUBMIT, { input: [{ ...inCommuneA(), code: dossierCode(tree.communeA.code, at, 2) }] }, writerA)).submitDossiers;
    expect(own).toMatchObject({ applied: 1 });
  });

  it("the receiving agency's writer may record events after handing the dossier over; the new holder's writer too", async () => {
    const code = dossierCode(tree.communeA.code, at, 3);
    ok(await server.admin(SUBMIT, { input: [{ ...inCommuneA(), code }] }));
    const writerA = await issueToken(server, ["WRITER"], tree.communeA.code);
    const writerJustice = await issueToken(server, ["WRITER"], tree.justice.code);
    const writerB = await issueToken(server, ["WRITER"], tree.communeB.code);
    const ev = (n: number, status: string, time: string, agencyCode?: string) => ({ id: `${code}/${n}`, dossierCode: code, status, at: `2021-05-31T${time}:00+07:00`, agencyCode });
    expect(ok(await server.gql(RECORD, { input: [ev(1, "IN_PROCESS", "09:00", tree.justice.code)] }, writerA)).recordDossierEvents.applied).toBe(1);
    expect(ok(await server.gql(RECORD, { input: [ev(2, "RESOLVED", "10:00", tree.communeA.code)] }, writerJustice)).recordDossierEvents.applied).toBe(1);
    expect(ok(await server.gql(RECORD, { input: [ev(3, "RETURNED", "11:00")] }, writerB)).recordDossierEvents.items[0].error.code).toBe("FORBIDDEN");
    expect(ok(await server.gql(RECORD, { input: [ev(3, "RETURNED", "11:00")] }, writerA)).recordDossierEvents.applied).toBe(1);
  });

  it("anonymous callers and tokens without a reading role cannot read dossiers, known or not", async () => {
    for (const code of [inCommuneA().code, "000.00.00.Z00-210531-0001"]) {
      expect((await server.gql(DOSSIER, { code })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await server.gql(LIST, {})).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a reader of a district sees the dossiers of its communes, and not those of a provincial department", async () => {
    const reader = await issueToken(server, ["READER"], tree.district.code);
    const listed = ok(await server.gql(LIST, { filter: {} }, reader)).dossiers.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(listed).toContain(inCommuneA().code);
    expect(listed).toContain(inCommuneB().code);
    expect(listed).not.toContain(atJustice().code);
    // A filter reaching outside the scope does not widen it.
    expect(ok(await server.gql(LIST, { filter: { agencyCode: tree.justice.code } }, reader)).dossiers.totalCount).toBe(0);
    expect(ok(await server.gql(DOSSIER, { code: inCommuneA().code }, reader)).dossier.code).toBe(inCommuneA().code);
    const outside = await server.gql(DOSSIER, { code: atJustice().code }, reader);
    expect(outside.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(outside.data?.dossier ?? null).toBeNull();
    expect(ok(await server.gql(DOSSIER, { code: "000.00.00.Z00-210531-0001" }, reader)).dossier).toBeNull();
  });

  it("a dossier handed over into the reader's scope becomes readable there", async () => {
    const code = dossierCode(tree.justice.code, at, 2);
    ok(await server.admin(SUBMIT, { input: [{ ...atJustice(), code }] }));
    const reader = await issueToken(server, ["READER"], tree.district.code);
    expect((await server.gql(DOSSIER, { code }, reader)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    ok(await server.admin(RECORD, { input: [{ id: `${code}/1`, dossierCode: code, status: "ACCEPTED", at: "2021-05-31T09:00:00+07:00", agencyCode: tree.communeB.code }] }));
    expect(ok(await server.gql(DOSSIER, { code }, reader)).dossier.code).toBe(code);
  });

  it("masks name, identity number, phone, e-mail and address unless the token has the personal-data role", async () => {
    const reader = await issueToken(server, ["READER"], tree.communeA.code);
    const personal = await issueToken(server, ["READER", "PERSONAL_DATA"], tree.communeA.code);
    expect(ok(await server.gql(APPLICANT, { code: inCommuneA().code }, reader)).dossier.applicant).toEqual({
      name: "Nguyễn V*** A",
      identityNumber: "0*********12",
      phone: "0*******78",
      email: "d***@example.vn",
      address: "***, Đông Dư, Gia Lâm",
      masked: true,
    });
    expect(ok(await server.gql(APPLICANT, { code: inCommuneA().code }, personal)).dossier.applicant).toEqual({
      name: "Nguyễn Văn A",
      identityNumber: "001234567812",
      phone: "0912345678",
      email: "d@example.vn",
      address: "Số 12 ngõ 5, Đông Dư, Gia Lâm",
      masked: false,
    });
  });

  it("records every read of unmasked personal data in the audit trail: token, dossier, time; masked reads are not", async () => {
    const label = `auditor ${Date.now()}`;
    const personal = await issueToken(server, ["READER", "PERSONAL_DATA"], tree.district.code, label);
    const reader = await issueToken(server, ["READER"], tree.district.code, `${label} masked`);
    const before = Date.now();
    ok(await server.gql(`query { dossiers(first: 10) { edges { node { code applicant { name } } } } }`, {}, reader));
    const list = ok(await server.gql(`query { dossiers(first: 10) { edges { node { code applicant { name } again: applicant { phone } } } } }`, {}, personal));
    const shown = list.dossiers.edges.filter((e: { node: { applicant: unknown } }) => e.node.applicant !== null).map((e: { node: { code: string } }) => e.node.code);
    expect(shown.length).toBeGreaterThan(0);
    const rows = await server.database.db.execute(
      sql`SELECT key, token_label AS "label", at FROM audit_log WHERE operation = 'readPersonalData' AND token_label LIKE ${`${label}%`} ORDER BY key`,
    );
    const audited = resultRows<{ key: string; label: string; at: Date }>(rows);
    // One row per dossier shown (a dossier read twice in one request counts once), none for the masked reader.
    expect(audited.map((r) => r.key)).toEqual([...shown].sort());
    expect(audited.every((r) => r.label === label && new Date(r.at).getTime() >= before - 1000)).toBe(true);
  });
});
