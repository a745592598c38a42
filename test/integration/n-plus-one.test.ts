import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newProvinceCodes } from "../support/codes.js";
import { ok, startServer, type TestServer } from "../support/server.js";

const LIST = `query($parent: String!, $n: Int) {
  agencyUnits(filter: { parentCode: $parent }, first: $n) {
    edges { node { code parent { code } children { code } issuedDocuments { symbol issuer { code } } } }
  }
}`;

describe("loading relations without N+1", () => {
  let server: TestServer;
  const codes = newProvinceCodes();
  const DISTRICTS = 60;

  beforeAll(async () => {
    server = await startServer();
    const units = [{ code: codes.province, name: "Tỉnh Kiểm thử N+1", kind: "PROVINCE" }];
    for (let d = 1; d <= DISTRICTS; d++) {
      units.push({ code: codes.child(d), name: `Huyện số ${d}`, kind: "DISTRICT", parentCode: codes.province } as never);
      for (let c = 1; c <= 2; c++) {
        units.push({ code: codes.commune(d, c), name: `Xã ${d}-${c}`, kind: "COMMUNE", parentCode: codes.child(d) } as never);
      }
    }
    const written = ok(await server.admin(`mutation($u: [AgencyUnitInput!]!) { upsertAgencyUnits(input: $u) { applied failed } }`, { u: units }));
    expect(written.upsertAgencyUnits).toEqual({ applied: units.length, failed: 0 });
    const documents = [];
    for (let d = 1; d <= DISTRICTS; d++) {
      for (let k = 1; k <= 2; k++) {
        documents.push({ symbol: `${d * 10 + k}/KH-UBND`, issuerCode: codes.child(d), issuerName: `UBND huyện số ${d}`, issuedOn: `2024-0${k}-15`, summary: `Kế hoạch cải cách hành chính số ${k}` });
      }
    }
    const docs = ok(await server.admin(`mutation($d: [LegalDocumentInput!]!) { upsertLegalDocuments(input: $d) { applied failed items { error { message } } } }`, { d: documents }));
    expect(docs.upsertLegalDocuments).toMatchObject({ applied: documents.length, failed: 0 });
  });
  afterAll(() => server?.close());

  it("listing 50 units with parent, children and issued documents costs as many statements as listing 5", async () => {
    const five = await server.gql(LIST, { parent: codes.province, n: 5 });
    const fifty = await server.gql(LIST, { parent: codes.province, n: 50 });
    const nodes = ok(fifty).agencyUnits.edges.map((e: { node: any }) => e.node);
    expect(nodes).toHaveLength(50);
    for (const node of nodes) {
      expect(node.parent.code).toBe(codes.province);
      expect(node.children).toHaveLength(2);
      expect(node.issuedDocuments).toHaveLength(2);
      expect(node.issuedDocuments.every((d: { issuer: { code: string } }) => d.issuer.code === node.code)).toBe(true);
    }
    expect(ok(five).agencyUnits.edges).toHaveLength(5);
    expect(fifty.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(five.statements);
    // list + count-free page: one statement for the page, one per relation level at most.
    expect(fifty.statements).toBeLessThanOrEqual(6);
  });
});
