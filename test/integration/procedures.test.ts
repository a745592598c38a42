import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { bootstrapAdmin, type Viewer } from "../../src/modules/access/viewer.js";
import { demoProcedureInputs } from "../../src/demo/procedures.demo.js";
import { demoUnitCodes } from "../../src/demo/units.demo.js";
import { parseProcedureCode } from "../../src/modules/procedures/procedure-code.js";
import { upsertProcedures } from "../../src/modules/procedures/procedure-upsert.service.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";

const UPSERT = `mutation ($input: [ProcedureInput!]!) {
  upsertProcedures(input: $input) { applied unchanged failed items { key ok error { code message field } } }
}`;
const UPSERT_DOCS = `mutation ($input: [LegalDocumentInput!]!) { upsertLegalDocuments(input: $input) { failed items { error { code message } } } }`;
const GET = `query ($code: String!) {
  procedure(code: $code) {
    code nationalCode isLocalVariant name field level implementingKinds statutoryDays committedDays hasReducedTime
    feeVnd feeNote onlineKind oneStopKind postal iso9001 isDemo
    owner { code } agencies { code } publishedBy { symbol }
  }
}`;
const LIST = `query ($filter: ProcedureFilter, $first: Int, $after: String) {
  procedures(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { code name } } pageInfo { hasNextPage endCursor }
  }
}`;

/** National codes unique to this run. */
let serial = Math.floor(Math.random() * 800_000);
const nationalCode = (prefix = 1) => `${prefix}.${String(++serial).padStart(6, "0")}`;
const tag = () => `tag${++serial}`;

describe("procedures", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  const upsert = async (input: unknown[]) => ok(await server.admin(UPSERT, { input })).upsertProcedures;
  const get = async (code: string) => ok(await server.gql(GET, { code })).procedure;
  const list = async (filter: Record<string, unknown>, first = 20, after?: string) =>
    ok(await server.gql(LIST, { filter, first, after })).procedures;
  const base = (extra: Record<string, unknown> = {}) => ({
    code: nationalCode(), name: "Đăng ký khai sinh", field: "Tư pháp", level: "COMMUNE", statutoryDays: 3, ...extra,
  });

  it("stores a national procedure and a local variant and reads them back with their units and publishing document", async () => {
    const units = await seedUnitTree(server.database.db);
    const docSymbol = `${++serial}/2018/NĐ-CP`;
    ok(await server.admin(UPSERT_DOCS, { input: [{ symbol: docSymbol, issuerName: "Chính phủ", issuedOn: "2018-04-23", summary: "Một cửa" }] }));
    const national = nationalCode(2);
    const local = `${national}.${units.province.code}`;
    const result = await upsert([
      base({
        code: national, name: "Cấp giấy chứng nhận quyền sử dụng đất", field: "Đất đai", level: "DISTRICT",
        implementingKinds: ["DISTRICT"], statutoryDays: 30, committedDays: 20, feeVnd: 100000, feeNote: "Miễn cho hộ nghèo",
        onlineKind: "PARTIAL", oneStopKind: "INTER_AGENCY", postal: true, iso9001: true,
        publishedBy: { symbol: docSymbol },
      }),
      base({ code: local, level: "DISTRICT", agencyCodes: [units.district.code], statutoryDays: 10, committedDays: 9.5 }),
    ]);
    expect(result).toMatchObject({ applied: 2, failed: 0 });
    expect(await get(national)).toEqual({
      code: national, nationalCode: national, isLocalVariant: false, name: "Cấp giấy chứng nhận quyền sử dụng đất", field: "Đất đai",
      level: "DISTRICT", implementingKinds: ["DISTRICT"], statutoryDays: 30, committedDays: 20, hasReducedTime: true,
      feeVnd: 100000, feeNote: "Miễn cho hộ nghèo", onlineKind: "PARTIAL", oneStopKind: "INTER_AGENCY", postal: true,
      iso9001: true, isDemo: false, owner: null, agencies: [], publishedBy: { symbol: docSymbol },
    });
    expect(await get(local)).toMatchObject({
      nationalCode: national, isLocalVariant: true, owner: { code: units.province.code }, agencies: [{ code: units.district.code }],
      statutoryDays: 10, committedDays: 9.5, hasReducedTime: true, onlineKind: "NONE", oneStopKind: "ONE_STOP", postal: false,
    });
    expect(await get("9.999999")).toBeNull();
  });

  it("takes the committed time as the statutory one when none is given", async () => {
    const code = nationalCode();
    await upsert([base({ code, statutoryDays: 5 })]);
    expect(await get(code)).toMatchObject({ statutoryDays: 5, committedDays: 5, hasReducedTime: false });
  });

  it.each([
    [4, "FULL"],
    [3, "PARTIAL"],
    [2, "NONE"],
    [1, "NONE"],
  ])("maps the older online level %i to %s", async (onlineLevel, kind) => {
    const code = nationalCode();
    await upsert([base({ code, onlineLevel })]);
    expect((await get(code)).onlineKind).toBe(kind);
  });

  it("finds procedures by words with or without diacritics and by code fragments", async () => {
    const t = tag();
    const birth = nationalCode();
    const death = nationalCode();
    await upsert([
      base({ code: birth, name: `Đăng ký khai sinh ${t}` }),
      base({ code: death, name: `Đăng ký khai tử ${t}` }),
    ]);
    const codes = async (search: string) => (await list({ search })).edges.map((e: any) => e.node.code);
    expect(await codes(`dang ky khai sinh ${t}`)).toEqual([birth]);
    expect(await codes(`ĐĂNG KÝ KHAI SINH ${t}`)).toEqual([birth]);
    expect(await codes(`khai tu ${t}`)).toEqual([death]);
    expect((await codes(`dang ky ${t}`)).sort()).toEqual([birth, death].sort());
    expect(await codes(birth)).toEqual([birth]);
  });

  it("filters by field, level, online kind, reduced time and by the unit that implements or owns a procedure, with pages", async () => {
    const units = await seedUnitTree(server.database.db);
    const owned = `${nationalCode()}.${units.district.code}`;
    const implemented = nationalCode();
    const other = nationalCode();
    await upsert([
      base({ code: owned, field: "Hộ tịch", level: "DISTRICT", onlineKind: "FULL" }),
      base({ code: implemented, field: "Hộ tịch", agencyCodes: [units.district.code, units.communeA.code], statutoryDays: 5, committedDays: 3 }),
      base({ code: other, field: "Chứng thực", agencyCodes: [units.communeA.code] }),
    ]);
    const codes = async (filter: Record<string, unknown>) => (await list(filter)).edges.map((e: any) => e.node.code);
    expect(await codes({ agencyCode: units.district.code })).toEqual([owned, implemented].sort());
    expect(await codes({ agencyCode: units.communeA.code })).toEqual([implemented, other].sort());
    expect(await codes({ agencyCode: units.communeA.code, field: "Chứng thực" })).toEqual([other]);
    expect(await codes({ agencyCode: units.district.code, level: "DISTRICT", onlineKind: "FULL" })).toEqual([owned]);
    expect(await codes({ agencyCode: units.communeA.code, hasReducedTime: true })).toEqual([implemented]);
    expect(await codes({ agencyCode: units.communeA.code, hasReducedTime: false })).toEqual([other]);

    const first = await list({ agencyCode: units.communeA.code }, 1);
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await list({ agencyCode: units.communeA.code }, 1, first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.code)).toEqual([[implemented, other].sort()[1]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it("counts procedures per field, with those of reduced time and under ISO 9001", async () => {
    const units = await seedUnitTree(server.database.db);
    const item = (field: string, extra: Record<string, unknown> = {}) => base({ field, agencyCodes: [units.justice.code], ...extra });
    await upsert([
      item("Tư pháp", { committedDays: 2, iso9001: true }),
      item("Tư pháp", { iso9001: true }),
      item("Tư pháp"),
      item("Lao động - Thương binh và Xã hội", { committedDays: 1 }),
    ]);
    const { procedureFields } = ok(
      await server.gql(`query ($f: ProcedureFilter) { procedureFields(filter: $f) { field count withReducedTime iso9001 } }`, {
        f: { agencyCode: units.justice.code },
      }),
    );
    expect(procedureFields).toEqual([
      { field: "Tư pháp", count: 3, withReducedTime: 1, iso9001: 2 },
      { field: "Lao động - Thương binh và Xã hội", count: 1, withReducedTime: 1, iso9001: 0 },
    ]);
  });

  it("applies the good items of a batch, reports the bad one, and counts a repeated item as unchanged", async () => {
    const units = await seedUnitTree(server.database.db);
    const good = base({ agencyCodes: [units.communeA.code, units.communeB.code] });
    const bad = base({ code: "1.2345" });
    const first = await upsert([good, bad]);
    expect(first).toMatchObject({ applied: 1, failed: 1, items: [{ ok: true }, { key: "1.2345", ok: false, error: { code: "INVALID_FORMAT", field: "code" } }] });
    const again = await upsert([{ ...good, agencyCodes: [units.communeB.code, units.communeA.code], name: " Đăng ký khai sinh " }]);
    expect(again).toMatchObject({ applied: 0, unchanged: 1 });
    const changed = await upsert([{ ...good, agencyCodes: [units.communeB.code] }]);
    expect(changed).toMatchObject({ applied: 1, unchanged: 0 });
    expect((await get(good.code)).agencies).toEqual([{ code: units.communeB.code }]);
  });

  describe("rejects a bad item and leaves the data unchanged", () => {
    it.each([
      ["a malformed code", { code: "1.00144" }, "INVALID_FORMAT", "code"],
      ["a local variant of an unknown unit", { code: "{n}.000.00.00.Z98" }, "UNKNOWN_REFERENCE", "code"],
      ["an unknown implementing unit", { agencyCodes: ["{district}", "000.00.00.Z97"] }, "UNKNOWN_REFERENCE", "agencyCodes[1]"],
      ["a malformed implementing agency code", { agencyCodes: ["H30"] }, "INVALID_FORMAT", "agencyCodes[0]"],
      ["an unknown publishing document", { publishedBy: { symbol: "1/2000/NĐ-CP" } }, "UNKNOWN_REFERENCE", "publishedBy.symbol"],
      ["a committed time over the statutory one", { statutoryDays: 5, committedDays: 6 }, "OUT_OF_RANGE", "committedDays"],
      ["negative statutory days", { statutoryDays: -1 }, "OUT_OF_RANGE", "statutoryDays"],
      ["negative committed days", { committedDays: -0.5 }, "OUT_OF_RANGE", "committedDays"],
      ["a quarter day", { statutoryDays: 2.25 }, "INVALID_FORMAT", "statutoryDays"],
      ["a negative fee", { feeVnd: -1 }, "OUT_OF_RANGE", "feeVnd"],
      ["a name over 1,000 characters", { name: "x".repeat(1001) }, "TOO_LONG", "name"],
      ["an empty field", { field: " " }, "REQUIRED", "field"],
      ["an online level outside 1–4", { onlineLevel: 5 }, "OUT_OF_RANGE", "onlineLevel"],
      ["an online level contradicting the online kind", { onlineLevel: 4, onlineKind: "NONE" }, "CONFLICT", "onlineLevel"],
    ])("%s", async (_name, change, code, field) => {
      const units = await seedUnitTree(server.database.db);
      const stored = base({ agencyCodes: [units.district.code] });
      await upsert([stored]);
      const before = await get(stored.code);
      const n = nationalCode();
      const patch = JSON.parse(JSON.stringify(change).replace("{n}", n).replace("{district}", units.district.code));
      const result = await upsert([{ ...stored, name: "Tên mới", ...patch }]);
      expect(result).toMatchObject({ applied: 0, failed: 1 });
      expect(result.items[0].error).toMatchObject({ code, field });
      expect(await get(stored.code)).toEqual(before);
      if (patch.code) expect(await get(patch.code)).toBeNull();
    });

    it("an ambiguous publishing document", async () => {
      const a = await seedUnitTree(server.database.db);
      const b = await seedUnitTree(server.database.db);
      const symbol = `${++serial}/QĐ-UBND`;
      ok(await server.admin(UPSERT_DOCS, {
        input: [
          { symbol, issuerCode: a.province.code, issuedOn: "2019-01-01", summary: "Công bố A" },
          { symbol, issuerCode: b.province.code, issuedOn: "2019-01-01", summary: "Công bố B" },
        ],
      }));
      const item = base({ publishedBy: { symbol } });
      const result = await upsert([item]);
      expect(result.items[0].error).toMatchObject({ code: "AMBIGUOUS_REFERENCE", field: "publishedBy.symbol" });
      expect(await get(item.code)).toBeNull();
      expect((await upsert([{ ...item, publishedBy: { symbol, issuerCode: b.province.code } }])).applied).toBe(1);
    });
  });

  it("refuses writes without a token and stores nothing", async () => {
    const item = base();
    const res = await server.gql(UPSERT, { input: [item] });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await get(item.code)).toBeNull();
  });

  it("lets a writer of one district write its local variants with units inside it, and nothing national or outside", async () => {
    const units = await seedUnitTree(server.database.db);
    const viewer: Viewer = { ...bootstrapAdmin(), tokenId: "t", label: "district writer", roles: new Set(["WRITER"]), scopePath: units.district.path };
    const ctx = { db: server.database.db, viewer, config: loadConfig({ NODE_ENV: "test" }) };
    const own = base({ code: `${nationalCode()}.${units.district.code}`, agencyCodes: [units.communeA.code] });
    const outside = base({ code: `${nationalCode()}.${units.district.code}`, agencyCodes: [units.communeA.code, units.justice.code] });
    const provincial = base({ code: `${nationalCode()}.${units.province.code}` });
    const national = base();
    const result = await upsertProcedures(ctx, [own, outside, provincial, national] as never);
    expect(result.items.map((i) => [i.error?.code ?? "ok", i.error?.field ?? null])).toEqual([
      ["ok", null], ["FORBIDDEN", "agencyCodes[1]"], ["FORBIDDEN", "code"], ["FORBIDDEN", "code"],
    ]);
    for (const item of [outside, provincial, national]) expect(await get(item.code)).toBeNull();
  });

  it.each([
    ["a search over 200 characters", { search: "a".repeat(201) }, "filter.search"],
    ["a field over 255 characters", { field: "a".repeat(256) }, "filter.field"],
  ])("rejects a filter with %s as BAD_USER_INPUT naming the field", async (_name, filter, field) => {
    const res = await server.gql(LIST, { filter });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("lists each unit's procedures in a constant number of statements whatever the page size", async () => {
    const units = await seedUnitTree(server.database.db);
    const t = tag();
    const all = [units.district.code, units.communeA.code, units.communeB.code, units.justice.code];
    await upsert(
      Array.from({ length: 12 }, (_, i) =>
        base({ name: `Thủ tục ${t} ${i}`, agencyCodes: all.slice(0, 1 + (i % 4)), ...(i % 3 === 0 ? { code: `${nationalCode()}.${units.province.code}` } : {}) }),
      ),
    );
    const query = `query ($f: ProcedureFilter, $first: Int) { procedures(filter: $f, first: $first) { edges { node {
      code owner { code procedures(first: 2) { code } } publishedBy { symbol }
      agencies { code procedures(first: 3) { code agencies { code } } }
    } } } }`;
    const statementsFor = async (first: number) => {
      const res = await server.gql(query, { f: { search: t }, first });
      return { count: res.statements, data: ok(res) };
    };
    const small = await statementsFor(1);
    const large = await statementsFor(12);
    expect(large.data.procedures.edges).toHaveLength(12);
    // page; owners and agencies; the owners' and agencies' procedures (two page sizes); those procedures' agencies.
    expect(small.count).toBeLessThanOrEqual(6);
    expect(large.count).toBeLessThanOrEqual(6);
    const district = large.data.procedures.edges.flatMap((e: any) => e.node.agencies).find((u: any) => u.code === units.district.code);
    expect(district.procedures).toHaveLength(3);
  });
});

describe("the demo procedures", () => {
  const inputs = demoProcedureInputs();
  const district = inputs.filter((p) => p.level === "DISTRICT");
  const commune = inputs.filter((p) => p.level === "COMMUNE");

  it("are generated the same way on every call", () => {
    expect(demoProcedureInputs()).toEqual(inputs);
  });

  it("give Gia Lâm 287 district-level procedures, 57 with reduced time and over 90% under ISO 9001, as the facts say", () => {
    expect(district).toHaveLength(287);
    expect(district.every((p) => p.agencyCodes?.join() === demoUnitCodes.giaLam)).toBe(true);
    expect(district.filter((p) => p.committedDays! < p.statutoryDays)).toHaveLength(57);
    expect(district.filter((p) => p.iso9001).length / 287).toBeGreaterThan(0.9);
    const fields = new Set(district.map((p) => p.field));
    for (const field of ["Tư pháp", "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường"]) expect(fields).toContain(field);
    expect(fields.size).toBeGreaterThan(10);
  });

  it("give Gia Lâm's 22 communes 154 procedures built under ISO 9001, and a few provincial ones", () => {
    expect(commune).toHaveLength(154);
    expect(commune.every((p) => p.iso9001 && p.agencyCodes?.length === 22)).toBe(true);
    expect(inputs.filter((p) => p.level === "PROVINCE").length).toBeGreaterThan(0);
  });

  it("have unique, format-valid codes, whole or half days, and are all marked demo", () => {
    expect(new Set(inputs.map((p) => p.code)).size).toBe(inputs.length);
    expect(inputs.every((p) => parseProcedureCode(p.code) !== null)).toBe(true);
    expect(inputs.every((p) => Number.isInteger(p.statutoryDays * 2) && Number.isInteger(p.committedDays! * 2))).toBe(true);
    expect(inputs.every((p) => p.committedDays! >= 0 && p.committedDays! <= p.statutoryDays)).toBe(true);
    expect(inputs.every((p) => p.isDemo)).toBe(true);
  });
});
