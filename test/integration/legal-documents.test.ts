import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { demoDocumentInputs } from "../../src/demo/documents.demo.js";
import { parseDocumentSymbol, resolveDocumentType } from "../../src/modules/legal-documents/document-symbol.js";
import { bootstrapAdmin, type Viewer } from "../../src/modules/access/viewer.js";
import { upsertLegalDocuments } from "../../src/modules/legal-documents/legal-document-upsert.service.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";

const UPSERT = `mutation ($input: [LegalDocumentInput!]!) {
  upsertLegalDocuments(input: $input) { applied unchanged failed items { key ok error { code message field } } }
}`;
const GET = `query ($symbol: String!, $issuerCode: String, $issuerName: String, $year: Int) {
  legalDocument(symbol: $symbol, issuerCode: $issuerCode, issuerName: $issuerName, year: $year) {
    symbol number year type typeName issuerAbbr issuerName signer issuedOn effectiveFrom expiresOn status statusDerived
    summary body isDemo issuer { code name }
    relations { kind document { symbol } }
    referencedBy { kind document { symbol } }
  }
}`;
const LIST = `query ($filter: LegalDocumentFilter, $first: Int, $after: String) {
  legalDocuments(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { symbol summary issuedOn status } } pageInfo { hasNextPage endCursor }
  }
}`;

/** Symbol numbers unique to this run, so tests do not see each other's documents. */
let serial = 100_000 + Math.floor(Math.random() * 800_000);
const nextNumber = () => ++serial;

/** A word unique to one test, put in summaries so searches and lists see only that test's documents. */
const tag = () => `tag${nextNumber()}`;

describe("legal documents", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  const upsert = async (input: unknown[]) => ok(await server.admin(UPSERT, { input })).upsertLegalDocuments;
  const get = async (vars: Record<string, unknown>) => ok(await server.gql(GET, vars)).legalDocument;
  const list = async (filter: Record<string, unknown>, first = 20, after?: string) =>
    ok(await server.gql(LIST, { filter, first, after })).legalDocuments;

  it("stores a plan of a People's Committee and reads it back with the parts of its symbol and its issuer", async () => {
    const units = await seedUnitTree(server.database.db);
    const symbol = `${nextNumber()}/KH-UBND`;
    const result = await upsert([
      { symbol, issuerCode: units.province.code, issuedOn: "2017-01-12", summary: "Kế hoạch thực hiện cải cách hành chính", signer: "Hoàng Xuân Ánh" },
    ]);
    expect(result).toMatchObject({ applied: 1, unchanged: 0, failed: 0, items: [{ key: symbol, ok: true, error: null }] });
    const doc = await get({ symbol });
    expect(doc).toMatchObject({
      symbol, number: Number(symbol.split("/")[0]), year: 2017, type: "KH", typeName: "Kế hoạch", issuerAbbr: "UBND",
      issuerName: `Tỉnh Thử nghiệm ${units.province.code}`, signer: "Hoàng Xuân Ánh",
      issuedOn: "2017-01-12", effectiveFrom: null, expiresOn: null, status: "IN_FORCE", statusDerived: true,
      isDemo: false, issuer: { code: units.province.code }, relations: [], referencedBy: [],
    });
  });

  it("records an official letter as type CV with the drafting unit in its issuer abbreviation", async () => {
    const units = await seedUnitTree(server.database.db);
    const symbol = `${nextNumber()}/UBND-NC`;
    await upsert([{ symbol, issuerCode: units.district.code, issuedOn: "2020-05-04", summary: "Về việc rà soát thủ tục hành chính" }]);
    expect(await get({ symbol })).toMatchObject({ type: "CV", typeName: "Công văn", issuerAbbr: "UBND-NC" });
  });

  it("stores a National Assembly resolution whose symbol has no type code, taking the declared type", async () => {
    const symbol = `${nextNumber()}/2025/QH15`;
    const result = await upsert([
      { symbol, type: "NQ", issuerName: "Quốc hội", issuedOn: "2025-06-12", summary: "Sắp xếp đơn vị hành chính cấp tỉnh" },
    ]);
    expect(result.applied).toBe(1);
    expect(await get({ symbol, issuerName: "Quoc hoi" })).toMatchObject({ type: "NQ", year: 2025, issuer: null, issuerName: "Quốc hội", issuerAbbr: "QH15" });
  });

  it("tells documents sharing a symbol apart by issuer and year, and asks for them when the symbol alone is ambiguous", async () => {
    const a = await seedUnitTree(server.database.db);
    const b = await seedUnitTree(server.database.db);
    const symbol = `${nextNumber()}/KH-UBND`;
    const result = await upsert([
      { symbol, issuerCode: a.province.code, issuedOn: "2017-01-12", summary: "Kế hoạch của tỉnh A năm 2017" },
      { symbol, issuerCode: b.province.code, issuedOn: "2017-02-01", summary: "Kế hoạch của tỉnh B năm 2017" },
      { symbol, issuerCode: a.province.code, issuedOn: "2018-01-10", summary: "Kế hoạch của tỉnh A năm 2018" },
    ]);
    expect(result).toMatchObject({ applied: 3, failed: 0 });

    const ambiguous = await server.gql(GET, { symbol });
    expect(ambiguous.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "issuerCode" });
    expect(ambiguous.errors?.[0]?.message).toMatch(/issuerCode.*year/);
    const sameIssuer = await server.gql(GET, { symbol, issuerCode: a.province.code });
    expect(sameIssuer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
    expect((await get({ symbol, issuerCode: b.province.code })).summary).toBe("Kế hoạch của tỉnh B năm 2017");
    expect((await get({ symbol, issuerCode: a.province.code, year: 2018 })).summary).toBe("Kế hoạch của tỉnh A năm 2018");
    expect(await get({ symbol, issuerCode: b.province.code, year: 2018 })).toBeNull();
    expect(await get({ symbol: "1/KH-NOBODY" })).toBeNull();
  });

  it("finds `53/KH-UBND` by `cai cach hanh chinh` typed without diacritics", async () => {
    const units = await seedUnitTree(server.database.db);
    const t = tag();
    await upsert([
      { symbol: `${nextNumber()}/BC-UBND`, issuerCode: units.province.code, issuedOn: "2017-03-01", summary: `Báo cáo hành chính ${t}` },
      {
        symbol: "53/KH-UBND", issuerCode: units.province.code, issuedOn: "2017-01-12",
        summary: `Kế hoạch thực hiện Chỉ thị số 26/CT-TTg và Chỉ thị số 12/CT-UBND về tiếp tục đẩy mạnh cải cách hành chính ${t}`,
      },
      { symbol: `${nextNumber()}/TB-UBND`, issuerCode: units.province.code, issuedOn: "2017-04-01", summary: `Thông báo lịch tiếp dân ${t}` },
    ]);
    const page = await list({ search: "cai cach hanh chinh", issuerCode: units.province.code });
    expect(page.edges.map((e: any) => e.node.symbol)).toEqual(["53/KH-UBND"]);
    expect((await list({ search: "CẢI CÁCH HÀNH CHÍNH", issuerCode: units.province.code })).totalCount).toBe(1);
    expect((await list({ search: "hanh chinh", issuerCode: units.province.code })).totalCount).toBe(2);
    expect((await list({ search: "53/kh-ubnd", issuerCode: units.province.code })).edges[0].node.symbol).toBe("53/KH-UBND");
  });

  it("ranks a close match above a document that merely contains the words", async () => {
    const t = tag();
    const close = `${nextNumber()}/BC-CP`;
    const loose = `${nextNumber()}/BC-CP`;
    await upsert([
      {
        symbol: loose, issuerName: "Chính phủ", issuedOn: "2020-01-01",
        summary: `Báo cáo tổng hợp tình hình kinh tế, xã hội, quốc phòng, an ninh, đối ngoại, cải cách tư pháp và hành chính ${t}`,
      },
      { symbol: close, issuerName: "Chính phủ", issuedOn: "2019-01-01", summary: `Cải cách hành chính ${t}` },
    ]);
    const page = await list({ search: `cai cach hanh chinh ${t}` });
    expect(page.edges.map((e: any) => e.node.symbol)).toEqual([close, loose]);
  });

  it("finds Đà Nẵng by `Da Nang`, `da nang`, `ĐÀ NẴNG` and by a fragment of a word", async () => {
    const t = tag();
    const symbol = `${nextNumber()}/CĐ-TTg`;
    await upsert([{ symbol, issuerName: "Thủ tướng Chính phủ", issuedOn: "2020-07-28", summary: `Phòng, chống dịch tại thành phố Đà Nẵng ${t}` }]);
    for (const search of [`Da Nang ${t}`, `da nang ${t}`, `ĐÀ NẴNG ${t}`, `Đà Nẵng ${t}`, `nẵng ${t}`]) {
      expect((await list({ search })).edges.map((e: any) => e.node.symbol), search).toEqual([symbol]);
    }
    expect((await list({ search: `${t.slice(0, -1)}` })).totalCount).toBeGreaterThanOrEqual(1);
    expect((await list({ search: `danang ${t}` })).totalCount).toBe(0);
  });

  it("treats % and _ in a search as plain characters", async () => {
    const t = tag();
    await upsert([{ symbol: `${nextNumber()}/BC-CP`, issuerName: "Chính phủ", issuedOn: "2021-01-01", summary: `Tỷ lệ 100% đúng hạn ${t}` }]);
    expect((await list({ search: `100% đúng ${t}` })).totalCount).toBe(1);
    expect((await list({ search: `1_0% ${t}` })).totalCount).toBe(0);
  });

  it("links documents both ways and replaces the outgoing set when a document is sent again", async () => {
    const units = await seedUnitTree(server.database.db);
    const directive = `${nextNumber()}/CT-TTg`;
    const provincial = `${nextNumber()}/CT-UBND`;
    const plan = `${nextNumber()}/KH-UBND`;
    const base = { issuerCode: units.province.code, issuedOn: "2017-01-12", summary: "Kế hoạch" };
    await upsert([
      { symbol: directive, issuerName: "Thủ tướng Chính phủ", issuedOn: "2016-09-05", summary: "Tăng cường kỷ luật, kỷ cương" },
      { symbol: provincial, issuerCode: units.province.code, issuedOn: "2016-10-07", summary: "Chỉ thị", relations: [{ kind: "IMPLEMENTS", symbol: directive }] },
      {
        ...base, symbol: plan,
        relations: [
          { kind: "IMPLEMENTS", symbol: directive, issuerName: "Thủ tướng Chính phủ" },
          { kind: "IMPLEMENTS", symbol: provincial, issuerCode: units.province.code, year: 2016 },
          { kind: "IMPLEMENTS", symbol: provincial },
        ],
      },
    ]);
    expect((await get({ symbol: plan })).relations).toEqual([
      { kind: "IMPLEMENTS", document: { symbol: expect.any(String) } },
      { kind: "IMPLEMENTS", document: { symbol: expect.any(String) } },
    ]);
    expect((await get({ symbol: plan })).relations.map((r: any) => r.document.symbol).sort()).toEqual([directive, provincial].sort());
    expect((await get({ symbol: directive })).referencedBy.map((r: any) => r.document.symbol).sort()).toEqual([plan, provincial].sort());

    const again = await upsert([{ ...base, symbol: plan, relations: [{ kind: "BASED_ON", symbol: provincial }] }]);
    expect(again.applied).toBe(1);
    expect((await get({ symbol: plan })).relations).toEqual([{ kind: "BASED_ON", document: { symbol: provincial } }]);
    expect((await get({ symbol: directive })).referencedBy).toEqual([{ kind: "IMPLEMENTS", document: { symbol: provincial } }]);
    expect((await get({ symbol: provincial })).referencedBy).toEqual([{ kind: "BASED_ON", document: { symbol: plan } }]);
  });

  it("applies the good items of a batch, reports the bad one, and counts a repeated item as unchanged", async () => {
    const units = await seedUnitTree(server.database.db);
    const good = { symbol: `${nextNumber()}/QĐ-UBND`, issuerCode: units.district.code, issuedOn: "2019-03-01", summary: "Quyết định công bố" };
    const bad = { symbol: "not a symbol", issuerCode: units.district.code, issuedOn: "2019-03-01", summary: "x" };
    const other = { symbol: `${nextNumber()}/TB-UBND`, issuerCode: units.district.code, issuedOn: "2019-03-02", summary: "Thông báo" };
    const first = await upsert([good, bad, other]);
    expect(first).toMatchObject({ applied: 2, unchanged: 0, failed: 1 });
    expect(first.items[1]).toMatchObject({ key: "not a symbol", ok: false, error: { code: "INVALID_FORMAT", field: "symbol" } });

    const second = await upsert([good, { ...other, summary: "  Thông báo  " }]);
    expect(second).toMatchObject({ applied: 0, unchanged: 2, failed: 0 });
    const third = await upsert([{ ...good, summary: "Quyết định công bố danh mục" }]);
    expect(third).toMatchObject({ applied: 1, unchanged: 0 });
    expect((await get({ symbol: good.symbol })).summary).toBe("Quyết định công bố danh mục");
  });

  describe("rejects a bad item and leaves the data unchanged", () => {
    it.each([
      ["a malformed symbol", { symbol: "53-KH-UBND" }, "INVALID_FORMAT", "symbol"],
      ["QD written without Đ", { symbol: "{n}/QD-UBND" }, "INVALID_FORMAT", "symbol"],
      ["a type contradicting the symbol", { type: "QĐ" }, "CONFLICT", "type"],
      ["an unknown type code", { type: "XX" }, "INVALID_FORMAT", "type"],
      ["a normative symbol whose year is not the issue year", { symbol: "{n}/2018/QĐ-UBND", issuedOn: "2019-01-01" }, "INVALID_DATE", "issuedOn"],
      ["an expiry before the effective date", { effectiveFrom: "2019-02-01", expiresOn: "2019-01-31" }, "INVALID_DATE", "expiresOn"],
      ["an unknown issuer unit", { issuerCode: "000.00.00.Z99" }, "UNKNOWN_REFERENCE", "issuerCode"],
      ["no issuer at all", { issuerCode: null }, "REQUIRED", "issuerCode"],
      ["an empty summary", { summary: "   " }, "REQUIRED", "summary"],
      ["a summary over 2,000 characters", { summary: "x".repeat(2001) }, "TOO_LONG", "summary"],
      ["a relation to an unknown document", { relations: [{ kind: "IMPLEMENTS", symbol: "1/CT-NOBODY" }] }, "UNKNOWN_REFERENCE", "relations[0].symbol"],
    ])("%s", async (_name, change, code, field) => {
      const units = await seedUnitTree(server.database.db);
      const symbol = `${nextNumber()}/KH-UBND`;
      const stored = { symbol, issuerCode: units.province.code, issuedOn: "2019-01-10", summary: "Kế hoạch gốc" };
      await upsert([stored]);
      const n = nextNumber();
      const patch = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, typeof v === "string" ? v.replace("{n}", String(n)) : v]));
      const before = await get({ symbol, issuerCode: units.province.code });
      const result = await upsert([{ ...stored, summary: "Kế hoạch sửa", ...patch }]);
      expect(result).toMatchObject({ applied: 0, failed: 1 });
      expect(result.items[0].error).toMatchObject({ code, field });
      expect(result.items[0].error.message.length).toBeGreaterThan(10);
      expect(await get({ symbol, issuerCode: units.province.code })).toEqual(before);
      if (patch.symbol) expect((await list({ search: String(patch.symbol) })).totalCount).toBe(0);
    });

    it("an ambiguous relation target", async () => {
      const a = await seedUnitTree(server.database.db);
      const b = await seedUnitTree(server.database.db);
      const shared = `${nextNumber()}/CT-UBND`;
      const symbol = `${nextNumber()}/KH-UBND`;
      await upsert([
        { symbol: shared, issuerCode: a.province.code, issuedOn: "2016-10-07", summary: "Chỉ thị A" },
        { symbol: shared, issuerCode: b.province.code, issuedOn: "2016-10-08", summary: "Chỉ thị B" },
      ]);
      const result = await upsert([
        { symbol, issuerCode: a.province.code, issuedOn: "2017-01-12", summary: "Kế hoạch", relations: [{ kind: "IMPLEMENTS", symbol: shared }] },
      ]);
      expect(result.items[0].error).toMatchObject({ code: "AMBIGUOUS_REFERENCE", field: "relations[0].symbol" });
      expect(await get({ symbol })).toBeNull();
      expect((await get({ symbol: shared, issuerCode: a.province.code })).referencedBy).toEqual([]);
    });

    it("a relation of a document to itself", async () => {
      const units = await seedUnitTree(server.database.db);
      const symbol = `${nextNumber()}/KH-UBND`;
      const doc = { symbol, issuerCode: units.province.code, issuedOn: "2017-01-12", summary: "Kế hoạch" };
      await upsert([doc]);
      const result = await upsert([{ ...doc, summary: "Khác", relations: [{ kind: "AMENDS", symbol }] }]);
      expect(result.items[0].error).toMatchObject({ code: "INVALID_REFERENCE", field: "relations[0].symbol" });
      expect(await get({ symbol })).toMatchObject({ summary: "Kế hoạch", relations: [] });
    });
  });

  it("refuses writes without a token and stores nothing", async () => {
    const symbol = `${nextNumber()}/CT-TTg`;
    const res = await server.gql(UPSERT, { input: [{ symbol, issuerName: "Thủ tướng Chính phủ", issuedOn: "2016-09-05", summary: "x" }] });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await get({ symbol })).toBeNull();
  });

  it("lets a writer of one district write that district's documents only, and no central ones", async () => {
    const units = await seedUnitTree(server.database.db);
    const viewer: Viewer = { ...bootstrapAdmin(), tokenId: "t", label: "district writer", roles: new Set(["WRITER"]), scopePath: units.district.path };
    const ctx = { db: server.database.db, viewer, config: loadConfig({ NODE_ENV: "test" }) };
    const own = { symbol: `${nextNumber()}/KH-UBND`, issuerCode: units.communeA.code, issuedOn: "2017-01-12", summary: "Kế hoạch xã" };
    const province = { symbol: `${nextNumber()}/KH-UBND`, issuerCode: units.province.code, issuedOn: "2017-01-12", summary: "Kế hoạch tỉnh" };
    const central = { symbol: `${nextNumber()}/CT-TTg`, issuerName: "Thủ tướng Chính phủ", issuedOn: "2017-01-12", summary: "Chỉ thị" };
    const result = await upsertLegalDocuments(ctx, [own, province, central]);
    expect(result.items.map((i) => i.error?.code ?? "ok")).toEqual(["ok", "FORBIDDEN", "FORBIDDEN"]);
    expect(result.items.map((i) => i.error?.field ?? null)).toEqual([null, "issuerCode", "issuerName"]);
    expect(await get({ symbol: province.symbol })).toBeNull();
    expect(await get({ symbol: central.symbol })).toBeNull();
  });

  it("stores a given status and otherwise derives it from the dates as of today, and filters by either", async () => {
    const units = await seedUnitTree(server.database.db);
    const t = tag();
    const doc = (summary: string, extra: Record<string, unknown>) => ({
      symbol: `${nextNumber()}/2019/QĐ-UBND`, issuerCode: units.province.code, issuedOn: "2019-06-01", summary: `${summary} ${t}`, ...extra,
    });
    const docs = [
      doc("future", { effectiveFrom: "2199-01-01" }),
      doc("expired", { expiresOn: "2020-01-01" }),
      doc("partly", { status: "PARTLY_EXPIRED" }),
      doc("inforce", { effectiveFrom: "2019-07-01", expiresOn: "2199-01-01" }),
    ];
    await upsert(docs);
    const statusOf = async (symbol: string) => (await get({ symbol })).status;
    expect(await Promise.all(docs.map((d) => statusOf(d.symbol)))).toEqual(["NOT_YET_IN_FORCE", "EXPIRED", "PARTLY_EXPIRED", "IN_FORCE"]);
    for (const [status, index] of [["NOT_YET_IN_FORCE", 0], ["EXPIRED", 1], ["PARTLY_EXPIRED", 2], ["IN_FORCE", 3]] as const) {
      expect((await list({ search: t, status })).edges.map((e: any) => e.node.symbol)).toEqual([docs[index]!.symbol]);
    }
  });

  it("derives status from relations: replaced or repealed entirely → EXPIRED from the other's first day, in part → PARTLY_EXPIRED, amended → IN_FORCE", async () => {
    const _units = await seedUnitTree(server.database.db);
    const t = tag();
    const doc = (summary: string, issuedOn: string, extra: Record<string, unknown> = {}) => ({
      symbol: `${nextNumber()}/${issuedOn.slice(0, 4)}/NĐ-CP`, issuerName: "Chính phủ", issuedOn, summary: `${summary} ${t}`, ...extra,
    });
    const old = doc("replaced", "2018-04-23", { effectiveFrom: "2018-06-21" });
    const partly = doc("partly repealed", "2018-05-01");
    const amended = doc("amended", "2018-05-02");
    const replacing = doc("replacing", "2020-09-01", { effectiveFrom: "2021-01-01", relations: [{ symbol: old.symbol, kind: "REPLACES" }] });
    const repealing = doc("repealing in part", "2020-09-02", { relations: [{ symbol: partly.symbol, kind: "REPEALS", partial: true }] });
    const amending = doc("amending", "2020-09-03", { relations: [{ symbol: amended.symbol, kind: "AMENDS" }] });
    expect((await upsert([old, partly, amended])).applied).toBe(3);
    const q = `query($symbol: String!) { legalDocument(symbol: $symbol) {
      status before: status(on: "2020-12-31") from: status(on: "2021-01-01") early: status(on: "2018-06-20")
      referencedBy { kind partial document { symbol } } } }`;
    const statusOf = async (symbol: string) => ok(await server.gql(q, { symbol })).legalDocument;
    expect((await statusOf(old.symbol)).status).toBe("IN_FORCE");
    expect((await upsert([replacing, repealing, amending])).applied).toBe(3);
    expect(await statusOf(old.symbol)).toMatchObject({
      status: "EXPIRED", before: "IN_FORCE", from: "EXPIRED", early: "NOT_YET_IN_FORCE",
      referencedBy: [{ kind: "REPLACES", partial: false, document: { symbol: replacing.symbol } }],
    });
    expect(await statusOf(partly.symbol)).toMatchObject({ status: "PARTLY_EXPIRED", before: "PARTLY_EXPIRED", early: "IN_FORCE" });
    expect((await statusOf(amended.symbol)).status).toBe("IN_FORCE");
    // The list's status filter applies the same rule.
    const listed = async (status: string) => (await list({ search: t, status })).edges.map((e: any) => e.node.symbol).sort();
    expect(await listed("EXPIRED")).toEqual([old.symbol]);
    expect(await listed("PARTLY_EXPIRED")).toEqual([partly.symbol]);
    expect(await listed("IN_FORCE")).toEqual([amended.symbol, replacing.symbol, repealing.symbol, amending.symbol].sort());
    // Only a replacement or a repeal can be partial.
    const bad = await upsert([doc("bad", "2020-09-04", { relations: [{ symbol: amended.symbol, kind: "AMENDS", partial: true }] })]);
    expect(bad.items[0].error).toMatchObject({ code: "INVALID_REFERENCE", field: "relations[0].partial" });
  });

  it("rejects a document issued in the future as an item error, and stores nothing of it", async () => {
    const t = tag();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const symbol = `${nextNumber()}/TB-VPCP`;
    const result = await upsert([{ symbol, issuerName: "Văn phòng Chính phủ", issuedOn: future, summary: `future ${t}` }]);
    expect(result).toMatchObject({ applied: 0, failed: 1, items: [{ key: symbol, ok: false, error: { code: "INVALID_DATE", field: "issuedOn" } }] });
    expect(await get({ symbol })).toBeNull();
  });

  it("filters by type, issuer and issue dates, newest first, and pages with cursors", async () => {
    const units = await seedUnitTree(server.database.db);
    const docs = ["2020-01-05", "2020-02-05", "2020-03-05", "2020-04-05", "2020-05-05"].map((issuedOn) => ({
      symbol: `${nextNumber()}/BC-UBND`, issuerCode: units.home.code, issuedOn, summary: "Báo cáo tháng",
    }));
    await upsert([...docs, { symbol: `${nextNumber()}/KH-UBND`, issuerCode: units.home.code, issuedOn: "2020-03-10", summary: "Kế hoạch" }]);
    const filter = { issuerCode: units.home.code, type: "BC", issuedFrom: "2020-02-01", issuedTo: "2020-04-30" };
    const first = await list(filter, 2);
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: any) => e.node.issuedOn)).toEqual(["2020-04-05", "2020-03-05"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(filter, 2, first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.issuedOn)).toEqual(["2020-02-05"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await list({ issuerCode: units.home.code })).totalCount).toBe(6);

    const searchPage = await list({ issuerCode: units.home.code, search: "bao cao" }, 4);
    const rest = await list({ issuerCode: units.home.code, search: "bao cao" }, 4, searchPage.pageInfo.endCursor);
    expect([...searchPage.edges, ...rest.edges].map((e: any) => e.node.symbol).sort()).toEqual(docs.map((d) => d.symbol).sort());
    const mixed = await server.gql(LIST, { filter: { issuerCode: units.home.code }, after: searchPage.pageInfo.endCursor });
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each([
    ["issuedTo before issuedFrom", { issuedFrom: "2020-02-01", issuedTo: "2020-01-31" }, "filter.issuedTo"],
    ["a search over 200 characters", { search: "a".repeat(201) }, "filter.search"],
    ["an unknown type code", { type: "QD" }, "filter.type"],
  ])("rejects a filter with %s as BAD_USER_INPUT naming the field", async (_name, filter, field) => {
    const res = await server.gql(LIST, { filter });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("rejects a page size over 100", async () => {
    const res = await server.gql(LIST, { first: 101 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("lists the documents a unit issued, newest first, in a constant number of statements whatever the page size", async () => {
    const trees = [await seedUnitTree(server.database.db), await seedUnitTree(server.database.db)];
    const units = trees.flatMap((t) => [t.province, t.justice, t.home, t.district, t.communeA, t.communeB]);
    const t = tag();
    const input = units.flatMap((unit, u) =>
      ["2021-01-01", "2021-06-01", "2021-03-01"].map((issuedOn, i) => ({
        symbol: `${nextNumber()}/TB-UBND`, issuerCode: unit.code, issuedOn, summary: `Thông báo ${t} ${u}-${i}`,
        relations: u > 0 && i === 0 ? [{ kind: "BASED_ON", symbol: `${serial - 3}/TB-UBND` }] : [],
      })),
    );
    expect((await upsert(input)).failed).toBe(0);
    const query = `query ($filter: LegalDocumentFilter, $first: Int) { legalDocuments(filter: $filter, first: $first) { edges { node {
      symbol relations { document { symbol issuer { code } } } referencedBy { kind }
      issuer { code issuedDocuments(first: 2) { issuedOn relations { kind } } }
    } } } }`;
    const statementsFor = async (first: number) => {
      const res = await server.gql(query, { filter: { search: t }, first });
      return { count: res.statements, data: ok(res) };
    };
    // At most one statement per level of the query: the page; issuers, relations and referencedBy; the issuers of
    // related documents and issuedDocuments; the relations of those. Fewer when a level finds all it needs cached.
    const small = await statementsFor(2);
    const large = await statementsFor(36);
    expect(large.data.legalDocuments.edges).toHaveLength(36);
    expect(small.count).toBeLessThanOrEqual(7);
    expect(large.count).toBeLessThanOrEqual(7);
    const issued = large.data.legalDocuments.edges[0].node.issuer.issuedDocuments;
    expect(issued.map((d: any) => d.issuedOn)).toEqual(["2021-06-01", "2021-03-01"]);
  });

  it("lists the known type codes with their Vietnamese names", async () => {
    const { legalDocumentTypes } = ok(await server.gql("{ legalDocumentTypes { code name normative } }"));
    expect(legalDocumentTypes).toContainEqual({ code: "QĐ", name: "Quyết định", normative: false });
    expect(legalDocumentTypes).toContainEqual({ code: "NĐ", name: "Nghị định", normative: true });
    expect(legalDocumentTypes).toContainEqual({ code: "CV", name: "Công văn", normative: false });
  });
});

describe("the demo documents", () => {
  it("hold every document of facts.json, valid and marked demo, with issuers and relations as the facts give them", () => {
    const inputs = demoDocumentInputs();
    expect(inputs.map((d) => d.symbol)).toEqual([
      "26/CT-TTg", "21/NQ-CP", "12/CT-UBND", "53/KH-UBND", "60/BC-UBND", "61/2018/NĐ-CP", "30/2020/NĐ-CP", "766/QĐ-TTg", "202/2025/QH15",
      "118/2025/NĐ-CP",
    ]);
    for (const doc of inputs) {
      const parsed = parseDocumentSymbol(doc.symbol);
      expect(parsed.ok && resolveDocumentType(parsed.value, doc.type).ok, doc.symbol).toBe(true);
      expect(doc.isDemo).toBe(true);
    }
    const bySymbol = new Map(inputs.map((d) => [d.symbol, d]));
    expect(bySymbol.get("53/KH-UBND")).toMatchObject({ issuerName: "UBND tỉnh Cao Bằng", issuerCode: expect.any(String) });
    expect(bySymbol.get("53/KH-UBND")!.relations!.map((r) => r.symbol)).toEqual(["26/CT-TTg", "12/CT-UBND"]);
    expect(bySymbol.get("12/CT-UBND")!.issuerCode).toBe(bySymbol.get("53/KH-UBND")!.issuerCode);
    expect(bySymbol.get("60/BC-UBND")!.issuerCode).not.toBeNull();
    expect(bySymbol.get("202/2025/QH15")).toMatchObject({ issuerCode: null, issuerName: "Quốc hội", type: "NQ" });
    expect(bySymbol.get("118/2025/NĐ-CP")!.relations).toEqual([{ kind: "REPLACES", symbol: "61/2018/NĐ-CP" }]);
  });

  it("show 61/2018/NĐ-CP expired from 1 July 2025, when 118/2025/NĐ-CP replaced it", async () => {
    const server = await startServer();
    try {
      const writer = { db: server.database.db, viewer: bootstrapAdmin(), config: loadConfig({ DATABASE_URL: "memory://" }) };
      const central = demoDocumentInputs().filter((d) => d.issuerCode === null);
      expect((await upsertLegalDocuments(writer, central)).failed).toBe(0);
      const q = `{ legalDocument(symbol: "61/2018/NĐ-CP") { status before: status(on: "2025-06-30") from: status(on: "2025-07-01") } }`;
      expect(ok(await server.gql(q)).legalDocument).toEqual({ status: "EXPIRED", before: "IN_FORCE", from: "EXPIRED" });
    } finally {
      await server.close();
    }
  }, 120_000);
});
