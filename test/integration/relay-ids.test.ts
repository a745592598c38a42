import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newProvinceCodes } from "../support/codes.js";
import { SUBMIT, dossierCode, issueToken, seedProcedure } from "../support/dossiers.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";

const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on AgencyUnit { code name } ... on LegalDocument { symbol } ... on Procedure { code } ... on Dossier { code } } }`;

describe("Relay global ids", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it("every entity has an opaque id that node(id) finds again; a successor reusing a code has its own", async () => {
    const c = newProvinceCodes();
    const code = c.child(20);
    const upsert = `mutation($input: [AgencyUnitInput!]!) { upsertAgencyUnits(input: $input) { failed } }`;
    expect(ok(await server.admin(upsert, { input: [
      { code: c.province, name: "Tỉnh Gốc", kind: "PROVINCE" },
      { code, name: "Huyện Cũ", kind: "DISTRICT", parentCode: c.province, validTo: "2025-06-30" },
      { code, name: "Xã Mới", kind: "COMMUNE", parentCode: c.province, validFrom: "2025-07-01" },
    ] })).upsertAgencyUnits.failed).toBe(0);
    const unit = `query($code: String!, $asOf: Date) { agencyUnit(code: $code, asOf: $asOf) { id name } }`;
    const old = ok(await server.gql(unit, { code, asOf: "2020-01-01" })).agencyUnit;
    const current = ok(await server.gql(unit, { code })).agencyUnit;
    expect(old.id).not.toBe(current.id);
    expect(old.id).not.toContain(code);
    expect(ok(await server.gql(NODE, { id: old.id })).node).toEqual({ __typename: "AgencyUnit", id: old.id, code, name: "Huyện Cũ" });
    expect(ok(await server.gql(NODE, { id: current.id })).node).toMatchObject({ __typename: "AgencyUnit", name: "Xã Mới" });
    // The same id on every read.
    expect(ok(await server.gql(unit, { code })).agencyUnit.id).toBe(current.id);

    const symbol = `${Math.floor(Math.random() * 90_000) + 10_000}/KH-UBND`;
    const docs = `mutation($input: [LegalDocumentInput!]!) { upsertLegalDocuments(input: $input) { failed } }`;
    expect(ok(await server.admin(docs, { input: [{ symbol, issuerCode: c.province, issuedOn: "2020-01-02", summary: "Kế hoạch" }] })).upsertLegalDocuments.failed).toBe(0);
    const doc = ok(await server.gql(`query($s: String!) { legalDocument(symbol: $s, issuerCode: "${c.province}", year: 2020) { id } }`, { s: symbol })).legalDocument;
    expect(ok(await server.gql(NODE, { id: doc.id })).node).toEqual({ __typename: "LegalDocument", id: doc.id, symbol });
  });

  it("a dossier's node needs a token whose scope covers it; a forged id is bad input naming the argument", async () => {
    const tree = await seedUnitTree(server.database.db);
    const procedure = await seedProcedure(server.database.db, 5);
    const receivedAt = "2021-08-02T08:00:00+07:00";
    const code = dossierCode(tree.communeA.code, receivedAt, 1);
    ok(await server.admin(SUBMIT, { input: [{ code, procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "DIRECT", receivedAt }] }));
    const { dossier } = ok(await server.admin(`query($code: String!) { dossier(code: $code) { id procedure { id code } } }`, { code }));
    expect(ok(await server.admin(NODE, { id: dossier.id })).node).toEqual({ __typename: "Dossier", id: dossier.id, code });
    expect(ok(await server.gql(NODE, { id: dossier.procedure.id })).node).toEqual({ __typename: "Procedure", id: dossier.procedure.id, code: procedure.code });
    expect((await server.gql(NODE, { id: dossier.id })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const outsider = await issueToken(server, ["READER"], tree.communeB.code);
    expect((await server.gql(NODE, { id: dossier.id }, outsider)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    for (const id of ["nonsense", Buffer.from("Dossier:x").toString("base64url"), Buffer.from("ApiToken:1").toString("base64url")]) {
      expect((await server.gql(NODE, { id })).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    }
    expect(ok(await server.gql(NODE, { id: Buffer.from("AgencyUnit:999999999").toString("base64url") })).node).toBeNull();
  });
});
