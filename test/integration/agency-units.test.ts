import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyUnits } from "../../src/db/schema/index.js";
import { demoUnitCodes } from "../../src/demo/units.demo.js";
import { vnToday } from "../../src/shared/scalars.js";
import { newProvinceCodes } from "../support/codes.js";
import { ok, startServer, type TestServer } from "../support/server.js";

const UPSERT = `mutation($input: [AgencyUnitInput!]!) {
  upsertAgencyUnits(input: $input) { applied unchanged failed items { key ok error { code message field } } }
}`;
const UNIT_FIELDS = `code name kind gsoCode validFrom validTo address isDemo level isCurrent`;
const UNIT = `query($code: String!, $asOf: Date) { agencyUnit(code: $code, asOf: $asOf) {
  ${UNIT_FIELDS} parent { code } ancestors { code } children { code }
  successors { kind effectiveOn unit { code name } } predecessors { kind effectiveOn unit { code name } }
} }`;
const LIST = `query($filter: AgencyUnitFilter, $first: Int, $after: String) {
  agencyUnits(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code name kind } }
  }
}`;

type Item = Record<string, unknown>;
interface BatchItem {
  key: string;
  ok: boolean;
  error: { code: string; message: string; field: string | null } | null;
}
interface Batch {
  applied: number;
  unchanged: number;
  failed: number;
  items: BatchItem[];
}

const ISSUE = `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token } }`;

describe("agency units", () => {
  let server: TestServer;
  const upsert = async (input: Item[], token?: string): Promise<Batch> => {
    const res = token === undefined ? await server.admin(UPSERT, { input }) : await server.gql(UPSERT, { input }, token);
    return ok(res).upsertAgencyUnits as Batch;
  };
  const unit = async (code: string, asOf?: string) => ok(await server.gql(UNIT, { code, asOf })).agencyUnit;
  const list = async (filter: Item, first?: number, after?: string) => ok(await server.gql(LIST, { filter, first, after })).agencyUnits;
  const codesOf = (connection: { edges: { node: { code: string } }[] }) => connection.edges.map((e) => e.node.code);

  /** A province with two departments, one district and three communes (one of them a township), via the API. */
  const tree = async () => {
    const c = newProvinceCodes();
    const result = await upsert([
      { code: c.province, name: `Tỉnh Thử nghiệm ${c.province}`, kind: "PROVINCE", gsoCode: "91" },
      { code: c.child(1), name: "Sở Tư pháp", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province },
      { code: c.child(2), name: "Sở Nội vụ", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province },
      { code: c.child(10), name: "Huyện Gia Lâm", kind: "DISTRICT", parentCode: c.province, gsoCode: "018" },
      { code: c.commune(10, 1), name: "Xã Đông Dư", kind: "COMMUNE", parentCode: c.child(10), gsoCode: "00001" },
      { code: c.commune(10, 2), name: "Thị trấn Trâu Quỳ", kind: "TOWNSHIP", parentCode: c.child(10) },
      { code: c.commune(10, 3), name: "Xã Bát Tràng", kind: "COMMUNE", parentCode: c.child(10) },
    ]);
    expect(result).toMatchObject({ applied: 7, failed: 0 });
    return c;
  };

  /** Waits until some statement of this database waits for a lock (PostgreSQL only). */
  const waitForLockWaiter = async () => {
    for (let i = 0; i < 500; i++) {
      const rows = await server.database.db.execute(
        sql`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((rows as unknown as unknown[]).length > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error("no statement waited for a lock");
  };

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  describe("the tree", () => {
    it("a unit shows its parent, children, ancestors (root first), level and whether it is current", async () => {
      const c = await tree();
      const commune = await unit(c.commune(10, 1));
      expect(commune).toMatchObject({
        name: "Xã Đông Dư",
        kind: "COMMUNE",
        level: "COMMUNE",
        gsoCode: "00001",
        isCurrent: true,
        isDemo: false,
        parent: { code: c.child(10) },
        ancestors: [{ code: c.province }, { code: c.child(10) }],
        children: [],
      });
      const district = await unit(c.child(10));
      expect(district.level).toBe("DISTRICT");
      expect(district.children.map((u: { code: string }) => u.code)).toEqual([c.commune(10, 1), c.commune(10, 2), c.commune(10, 3)]);
      const province = await unit(c.province);
      expect(province).toMatchObject({ level: "PROVINCE", parent: null, ancestors: [] });
      expect(province.children).toHaveLength(3);
    });

    it("children can be filtered by kind", async () => {
      const c = await tree();
      const res = ok(await server.gql(`query($code: String!) { agencyUnit(code: $code) { children(kind: TOWNSHIP) { code } } }`, { code: c.child(10) }));
      expect(res.agencyUnit.children).toEqual([{ code: c.commune(10, 2) }]);
    });

    it("descendants list the whole subtree by code, page by page, filtered by kind", async () => {
      const c = await tree();
      const q = `query($code: String!, $first: Int, $after: String, $kind: AgencyUnitKind) { agencyUnit(code: $code) {
        descendants(first: $first, after: $after, kind: $kind) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } }`;
      const page1 = ok(await server.gql(q, { code: c.province, first: 4 })).agencyUnit.descendants;
      expect(page1.totalCount).toBe(6);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = ok(await server.gql(q, { code: c.province, first: 4, after: page1.pageInfo.endCursor })).agencyUnit.descendants;
      expect(page2.pageInfo.hasNextPage).toBe(false);
      const all = [...codesOf(page1), ...codesOf(page2)];
      expect(all).toEqual([c.child(1), c.child(2), c.child(10), c.commune(10, 1), c.commune(10, 2), c.commune(10, 3)].sort());
      const communes = ok(await server.gql(q, { code: c.province, kind: "COMMUNE" })).agencyUnit.descendants;
      expect(codesOf(communes)).toEqual([c.commune(10, 1), c.commune(10, 3)]);
      expect(communes.totalCount).toBe(2);
    });

    it("asOf shows the tree of that day: units not yet or no longer existing are left out", async () => {
      const c = await tree();
      ok(
        await server.admin(UPSERT, {
          input: [
            { code: c.commune(10, 3), name: "Xã Bát Tràng", kind: "COMMUNE", parentCode: c.child(10), validTo: "2019-12-31" },
            { code: c.commune(10, 4), name: "Xã Mới", kind: "COMMUNE", parentCode: c.child(10), validFrom: "2020-01-01" },
          ],
        }),
      );
      const q = `query($code: String!, $asOf: Date) { agencyUnit(code: $code) {
        children(asOf: $asOf) { code } descendants(asOf: $asOf) { edges { node { code } } } } }`;
      const in2019 = ok(await server.gql(q, { code: c.child(10), asOf: "2019-06-01" })).agencyUnit;
      expect(in2019.children.map((u: { code: string }) => u.code)).toEqual([c.commune(10, 1), c.commune(10, 2), c.commune(10, 3)]);
      const now = ok(await server.gql(q, { code: c.child(10) })).agencyUnit;
      expect(now.children.map((u: { code: string }) => u.code)).toEqual([c.commune(10, 1), c.commune(10, 2), c.commune(10, 4)]);
      expect(codesOf(now.descendants)).toEqual([c.commune(10, 1), c.commune(10, 2), c.commune(10, 4)]);
      expect(codesOf(await list({ parentCode: c.child(10), asOf: "2019-06-01" }))).toEqual([c.commune(10, 1), c.commune(10, 2), c.commune(10, 3)]);
    });

    it("a dissolved unit is still found by its code and lists the children of its last day", async () => {
      const c = await tree();
      const dissolve = [
        { code: c.child(10), name: "Huyện Gia Lâm", kind: "DISTRICT", parentCode: c.province, gsoCode: "018", validTo: "2025-06-30" },
        ...[1, 2, 3].map((n) => ({ code: c.commune(10, n), name: `Xã ${n}`, kind: "COMMUNE", parentCode: c.child(10), validTo: "2025-06-30" })),
      ];
      expect((await upsert(dissolve)).failed).toBe(0);
      const district = await unit(c.child(10));
      expect(district).toMatchObject({ code: c.child(10), validTo: "2025-06-30", isCurrent: false });
      expect(district.children).toHaveLength(3);
      expect((await list({ parentCode: c.province, kind: "DISTRICT" })).totalCount).toBe(0);
      expect(codesOf(await list({ parentCode: c.province, kind: "DISTRICT", asOf: "2025-06-30" }))).toEqual([c.child(10)]);
    });

    it("agencyUnit tells apart units that reused a code by asOf, and a successor is accepted beside its predecessor", async () => {
      const c = await tree();
      const code = c.child(20);
      const first = await upsert([
        { code, name: "Huyện Cũ", kind: "DISTRICT", parentCode: c.province, validTo: "2025-06-30" },
        { code, name: "Xã Mới", kind: "COMMUNE", parentCode: c.province, validFrom: "2025-07-01" },
      ]);
      expect(first).toMatchObject({ applied: 2, failed: 0 });
      const relink = await upsert([
        { code, name: "Huyện Cũ", kind: "DISTRICT", parentCode: c.province, validTo: "2025-06-30",
          successors: [{ code, kind: "RENAMED", effectiveOn: "2025-07-01" }] },
      ]);
      expect(relink.applied).toBe(1);
      expect((await unit(code, "2020-01-01")).name).toBe("Huyện Cũ");
      const current = await unit(code);
      expect(current.name).toBe("Xã Mới");
      expect(current.predecessors).toEqual([{ kind: "RENAMED", effectiveOn: "2025-07-01", unit: { code, name: "Huyện Cũ" } }]);
      expect((await unit(code, "2020-01-01")).successors).toEqual([{ kind: "RENAMED", effectiveOn: "2025-07-01", unit: { code, name: "Xã Mới" } }]);
    });

    it("relation fields are batched: the statements of a list do not grow with its size", async () => {
      const c = await tree();
      const q = `query($filter: AgencyUnitFilter, $first: Int) { agencyUnits(filter: $filter, first: $first) { edges { node {
        code level parent { code } ancestors { code } children { code } successors { unit { code } } predecessors { kind }
      } } } }`;
      // Statements the request itself sent (the x-sql-statements header), not the server's background work.
      const count = async (first: number) => {
        const res = await server.gql(q, { filter: { parentCode: c.province }, first });
        expect(ok(res).agencyUnits.edges).toHaveLength(first);
        return res.statements;
      };
      const one = await count(1);
      expect(await count(3)).toBe(one);
      // parentCode lookup and page, then one batch each: units by id (parents, ancestors), children, links both ways
      expect(one).toBeLessThanOrEqual(6);
    });
  });

  describe("search", () => {
    it("ignores case and diacritics: `gia lam` finds Gia Lâm and `dong du` finds Đông Dư", async () => {
      const c = await tree();
      const gialam = await list({ search: "gia lam", asOf: vnToday() }, 100);
      expect(codesOf(gialam)).toContain(c.child(10));
      const dongdu = await list({ search: "DONG DU", parentCode: c.child(10) });
      expect(codesOf(dongdu)).toEqual([c.commune(10, 1)]);
      const exact = await list({ search: "Đông Dư", parentCode: c.child(10) });
      expect(codesOf(exact)).toEqual([c.commune(10, 1)]);
      expect(codesOf(await list({ search: c.commune(10, 2) }))).toEqual([c.commune(10, 2)]);
    });

    it("ranks by similarity and pages with cursors", async () => {
      const c = await tree();
      const all = await list({ search: "xa", parentCode: c.child(10) }, 1);
      expect(all.totalCount).toBe(2);
      const next = await list({ search: "xa", parentCode: c.child(10) }, 1, all.pageInfo.endCursor);
      expect([...codesOf(all), ...codesOf(next)].sort()).toEqual([c.commune(10, 1), c.commune(10, 3)]);
      expect(next.pageInfo.hasNextPage).toBe(false);
      const wrongCursor = await server.gql(LIST, { filter: { parentCode: c.child(10) }, after: all.pageInfo.endCursor });
      expect(wrongCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });

    it("rejects a bad filter naming the field", async () => {
      const long = await server.gql(LIST, { filter: { search: "x".repeat(201) } });
      expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search" });
      const parent = await server.gql(LIST, { filter: { parentCode: "999.99.99.Z99" } });
      expect(parent.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.parentCode" });
      const code = await server.gql(UNIT, { code: "H26" });
      expect(code.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
      expect((await server.gql(UNIT, { code: "999.99.99.Z98" })).data.agencyUnit).toBeNull();
    });
  });

  describe("upsertAgencyUnits", () => {
    it("reports applied, unchanged and failed per item; a bad item does not reject the others", async () => {
      const c = newProvinceCodes();
      const province = { code: c.province, name: "Tỉnh Một", kind: "PROVINCE", gsoCode: "92" };
      const result = await upsert([
        province,
        { code: "bad", name: "Sở Lỗi", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province },
        { code: c.child(1), name: "  Sở  Tư pháp ", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province },
      ]);
      expect(result).toMatchObject({ applied: 2, unchanged: 0, failed: 1 });
      expect(result.items.map((i) => i.ok)).toEqual([true, false, true]);
      expect(result.items[1]).toMatchObject({ key: "bad", error: { code: "INVALID_FORMAT", field: "code" } });
      expect((await unit(c.child(1))).name).toBe("Sở  Tư pháp");

      const again = await upsert([province, { code: c.child(1), name: "Sở  Tư pháp", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province }]);
      expect(again).toMatchObject({ applied: 0, unchanged: 2, failed: 0 });
      const renamed = await upsert([{ ...province, name: "Tỉnh Một Mới", address: "Số 1 đường A" }]);
      expect(renamed).toMatchObject({ applied: 1, unchanged: 0 });
      expect(await unit(c.province)).toMatchObject({ name: "Tỉnh Một Mới", address: "Số 1 đường A" });
    });

    it("rejects each kind of bad item with its code and field, and leaves the data unchanged", async () => {
      const c = await tree();
      const snapshot = async () => JSON.stringify([await unit(c.child(10)), await list({ parentCode: c.province }, 100), await unit(c.commune(10, 1))]);
      const before = await snapshot();
      const district = { code: c.child(10), name: "Huyện Gia Lâm", kind: "DISTRICT", parentCode: c.province, gsoCode: "018" };
      const cases: [Item, string, string][] = [
        [{ ...district, code: "000.00.10.h26" }, "INVALID_FORMAT", "code"],
        [{ ...district, code: "00.000.10.H26" }, "INVALID_FORMAT", "code"],
        [{ ...district, parentCode: "000.00.00.Z97" }, "UNKNOWN_REFERENCE", "parentCode"],
        [{ ...district, parentCode: c.commune(10, 1) }, "CYCLE", "parentCode"],
        [{ ...district, parentCode: c.child(10) }, "CYCLE", "parentCode"],
        [{ ...district, validFrom: "2020-01-01", validTo: "2019-01-01" }, "INVALID_DATE", "validTo"],
        [{ ...district, validFrom: "2020-01-01" }, "CONFLICT", "validFrom"],
        [{ ...district, successors: [{ code: "000.00.00.Z96", kind: "MERGED_INTO" }] }, "UNKNOWN_REFERENCE", "successors[0].code"],
        [{ ...district, gsoCode: "18" }, "INVALID_FORMAT", "gsoCode"],
        [{ ...district, gsoCode: "01a" }, "INVALID_FORMAT", "gsoCode"],
        [{ code: c.child(3), name: "Sở Mới", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province, gsoCode: "123" }, "INVALID_FORMAT", "gsoCode"],
        [{ ...district, name: "H".repeat(256) }, "TOO_LONG", "name"],
        [{ ...district, name: "   " }, "REQUIRED", "name"],
      ];
      const result = await upsert(cases.map(([item]) => item));
      expect(result.failed).toBe(cases.length);
      cases.forEach(([, code, field], i) => expect(result.items[i]!.error, `case ${i}`).toMatchObject({ code, field }));
      expect(await snapshot()).toBe(before);
      expect(await unit(c.child(3))).toBeNull();
    });

    it("moving a unit to another parent moves its whole subtree", async () => {
      const c = await tree();
      const other = newProvinceCodes();
      await upsert([{ code: other.province, name: "Tỉnh Khác", kind: "PROVINCE" }]);
      const moved = await upsert([{ code: c.child(10), name: "Huyện Gia Lâm", kind: "DISTRICT", parentCode: other.province, gsoCode: "018" }]);
      expect(moved).toMatchObject({ applied: 1, failed: 0 });
      expect((await unit(c.commune(10, 2))).ancestors).toEqual([{ code: other.province }, { code: c.child(10) }]);
      const q = `query($code: String!) { agencyUnit(code: $code) { descendants(first: 100) { totalCount edges { node { code } } } } }`;
      expect(ok(await server.gql(q, { code: other.province })).agencyUnit.descendants.totalCount).toBe(4);
      expect(ok(await server.gql(q, { code: c.province })).agencyUnit.descendants.totalCount).toBe(2);
      expect(codesOf(await list({ parentCode: c.province }))).toEqual([c.child(1), c.child(2)]);
    });

    it("a unit cannot be moved below itself", async () => {
      const c = await tree();
      const result = await upsert([{ code: c.child(10), name: "Huyện Gia Lâm", kind: "DISTRICT", parentCode: c.commune(10, 2), gsoCode: "018" }]);
      expect(result.items[0]!.error).toMatchObject({ code: "CYCLE", field: "parentCode" });
      expect((await unit(c.child(10))).parent).toEqual({ code: c.province });
      expect((await unit(c.commune(10, 2))).ancestors).toEqual([{ code: c.province }, { code: c.child(10) }]);
    });

    it("a code cannot name two units on overlapping days, but a successor may reuse it afterwards", async () => {
      const c = await tree();
      const code = c.child(30);
      expect((await upsert([{ code, name: "Phòng Cũ", kind: "SERVICE_UNIT", parentCode: c.province, validFrom: "2010-01-01", validTo: "2020-12-31" }])).applied).toBe(1);
      const overlapping = await upsert([{ code, name: "Phòng Trùng", kind: "SERVICE_UNIT", parentCode: c.province, validFrom: "2020-06-01" }]);
      expect(overlapping.items[0]!.error).toMatchObject({ code: "CONFLICT", field: "validFrom" });
      const open = await upsert([{ code, name: "Phòng Không Hạn", kind: "SERVICE_UNIT", parentCode: c.province }]);
      expect(open.items[0]!.error).toMatchObject({ code: "CONFLICT", field: "validFrom" });
      const successor = await upsert([{ code, name: "Phòng Mới", kind: "SERVICE_UNIT", parentCode: c.province, validFrom: "2021-01-01" }]);
      expect(successor).toMatchObject({ applied: 1, failed: 0 });
      expect((await list({ parentCode: c.province, kind: "SERVICE_UNIT", asOf: "2020-06-01" })).edges.map((e: any) => e.node.name)).toEqual(["Phòng Cũ"]);
      expect((await unit(code)).name).toBe("Phòng Mới");
      expect((await unit(code)).level).toBe("PROVINCE");

      // A parent is the unit its code names when the child starts: before 2010 the code named nothing.
      const early = await upsert([{ code: c.commune(30, 1), name: "Tổ Sớm", kind: "SERVICE_UNIT", parentCode: code, validFrom: "2005-01-01" }]);
      expect(early.items[0]!.error).toMatchObject({ code: "UNKNOWN_REFERENCE", field: "parentCode" });
      expect(await unit(c.commune(30, 1))).toBeNull();
      const late = await upsert([
        { code: c.commune(30, 2), name: "Tổ Cũ", kind: "SERVICE_UNIT", parentCode: code, validFrom: "2015-01-01", validTo: "2020-12-31" },
        { code: c.commune(30, 3), name: "Tổ Mới", kind: "SERVICE_UNIT", parentCode: code, validFrom: "2022-01-01" },
      ]);
      expect(late.failed).toBe(0);
      expect((await unit(c.commune(30, 2))).parent.code).toBe(code);
      const parents = ok(await server.gql(`query($a: String!, $b: String!) {
        a: agencyUnit(code: $a) { parent { name } } b: agencyUnit(code: $b) { parent { name } } }`, { a: c.commune(30, 2), b: c.commune(30, 3) }));
      expect([parents.a.parent.name, parents.b.parent.name]).toEqual(["Phòng Cũ", "Phòng Mới"]);
    });

    it("a merged unit links to its successor, which lists it among its predecessors", async () => {
      const a = newProvinceCodes();
      const b = newProvinceCodes();
      const result = await upsert([
        { code: b.province, name: "Tỉnh Nhận", kind: "PROVINCE" },
        { code: a.province, name: "Tỉnh Nhập", kind: "PROVINCE", validTo: "2025-06-30",
          successors: [{ code: b.province, kind: "MERGED_INTO", effectiveOn: "2025-07-01" }] },
      ]);
      expect(result).toMatchObject({ applied: 2, failed: 0 });
      expect((await unit(a.province)).successors).toEqual([{ kind: "MERGED_INTO", effectiveOn: "2025-07-01", unit: { code: b.province, name: "Tỉnh Nhận" } }]);
      expect((await unit(b.province)).predecessors).toEqual([{ kind: "MERGED_INTO", effectiveOn: "2025-07-01", unit: { code: a.province, name: "Tỉnh Nhập" } }]);
      const same = await upsert([{ code: a.province, name: "Tỉnh Nhập", kind: "PROVINCE", validTo: "2025-06-30",
        successors: [{ code: b.province, kind: "MERGED_INTO", effectiveOn: "2025-07-01" }] }]);
      expect(same.unchanged).toBe(1);
      const cleared = await upsert([{ code: a.province, name: "Tỉnh Nhập", kind: "PROVINCE", validTo: "2025-06-30", successors: [] }]);
      expect(cleared.applied).toBe(1);
      expect((await unit(b.province)).predecessors).toEqual([]);
    });

    it("concurrent writers of one code: one unit is created, the other item is a CONFLICT", async () => {
      const c = await tree();
      const item = (name: string, validFrom: string) => ({ code: c.child(50), name, kind: "SERVICE_UNIT", parentCode: c.province, validFrom });
      const results = await Promise.all([upsert([item("Một", "2020-01-01")]), upsert([item("Hai", "2021-01-01")])]);
      const items = results.map((r) => r.items[0]!);
      expect(items.filter((i) => i.ok)).toHaveLength(1);
      expect(items.find((i) => !i.ok)!.error).toMatchObject({ code: "CONFLICT", field: "validFrom" });
      expect((await list({ parentCode: c.province, kind: "SERVICE_UNIT" })).totalCount).toBe(1);
    });

    it.runIf(process.env.DATABASE_URL?.startsWith("postgres"))(
      "a write that races past the overlap check is stopped by the exclusion constraint and reported as CONFLICT",
      async () => {
        const c = await tree();
        const code = c.child(60);
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let inserted!: () => void;
        const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
        // Another writer holds an uncommitted unit with the code: the check cannot see it, the insert waits for it.
        const other = server.database.db.transaction(async (tx) => {
          await tx.insert(agencyUnits).values({ code, name: "Đơn vị khác", kind: "SERVICE_UNIT", path: "0" });
          inserted();
          await held;
        });
        await insertedSignal;
        const pending = upsert([{ code, name: "Đơn vị đua", kind: "SERVICE_UNIT", parentCode: c.province }]);
        await waitForLockWaiter();
        release();
        await other;
        const result = await pending;
        expect(result.items[0]!.error).toMatchObject({ code: "CONFLICT", field: "validFrom" });
        expect((await unit(code)).name).toBe("Đơn vị khác");
      },
    );

    it("anonymous callers cannot write: UNAUTHENTICATED, nothing written", async () => {
      const c = newProvinceCodes();
      const res = await server.gql(UPSERT, { input: [{ code: c.province, name: "Tỉnh Lạ", kind: "PROVINCE" }] });
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(await unit(c.province)).toBeNull();
    });

    it("a writer scoped to a province writes inside it only, and cannot move units out of it", async () => {
      const c = await tree();
      const other = await tree();
      const issued = ok(await server.admin(ISSUE, { input: { roles: ["WRITER"], agencyCode: c.province, label: "tỉnh" } }));
      const token = issued.issueApiToken.token as string;
      const result = await upsert(
        [
          { code: c.child(40), name: "Sở Mới", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province },
          { code: other.child(40), name: "Sở Lấn", kind: "PROVINCIAL_DEPARTMENT", parentCode: other.province },
          { code: newProvinceCodes().province, name: "Tỉnh Mới", kind: "PROVINCE" },
          { code: c.child(10), name: "Huyện Gia Lâm", kind: "DISTRICT", parentCode: other.province, gsoCode: "018" },
          { code: c.child(1), name: "Sở Tư pháp", kind: "PROVINCIAL_DEPARTMENT", parentCode: c.province },
          { code: c.province, name: "Tỉnh Đổi Tên", kind: "PROVINCE", gsoCode: "91" },
        ],
        token,
      );
      expect(result.items.map((i) => i.ok)).toEqual([true, false, false, false, true, false]);
      for (const i of [1, 2, 3, 5]) expect(result.items[i]!.error).toMatchObject({ code: "FORBIDDEN", field: "parentCode" });
      expect(await unit(other.child(40))).toBeNull();
      expect((await unit(c.child(10))).parent).toEqual({ code: c.province });
      expect((await unit(c.province)).name).toBe(`Tỉnh Thử nghiệm ${c.province}`);
    });
  });
});

describe("the demo units", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO_DATA: "true" } });
  }, 300_000);
  afterAll(() => server?.close());

  it("Gia Lâm, dissolved on 2025-07-01, is still found and lists its 22 communes and towns", async () => {
    const q = `query($code: String!) { agencyUnit(code: $code) {
      name gsoCode validTo isCurrent isDemo parent { name } children { name kind } old: children(asOf: "2017-01-01") { name } } }`;
    const giaLam = ok(await server.gql(q, { code: demoUnitCodes.giaLam })).agencyUnit;
    expect(giaLam).toMatchObject({ name: "Huyện Gia Lâm", gsoCode: "018", validTo: "2025-06-30", isCurrent: false, isDemo: true, parent: { name: "Thành phố Hà Nội" } });
    expect(giaLam.children).toHaveLength(22);
    expect(giaLam.old).toHaveLength(22);
    const names = giaLam.children.map((u: { name: string }) => u.name);
    expect(names).toContain("Xã Yên Viên");
    expect(names).toContain("Thị trấn Yên Viên");
    expect(giaLam.children.filter((u: { kind: string }) => u.kind === "TOWNSHIP")).toHaveLength(2);
  });

  it("the provinces as of 2026-01-01 show Bắc Giang merged into Bắc Ninh", async () => {
    const provinces = async (asOf: string) =>
      ok(await server.gql(LIST, { filter: { kind: "PROVINCE", asOf }, first: 100 })).agencyUnits.edges.map((e: any) => e.node.name);
    expect(await provinces("2026-01-01")).toEqual(expect.arrayContaining(["Thành phố Hà Nội", "Tỉnh Cao Bằng", "Tỉnh Bắc Ninh"]));
    expect(await provinces("2026-01-01")).not.toContain("Tỉnh Bắc Giang");
    expect(await provinces("2017-01-01")).toContain("Tỉnh Bắc Giang");
    const bacGiang = ok(await server.gql(UNIT, { code: demoUnitCodes.bacGiang })).agencyUnit;
    expect(bacGiang.successors).toEqual([{ kind: "MERGED_INTO", effectiveOn: "2025-07-01", unit: { code: demoUnitCodes.bacNinh, name: "Tỉnh Bắc Ninh" } }]);
    const bacNinh = ok(await server.gql(UNIT, { code: demoUnitCodes.bacNinh })).agencyUnit;
    expect(bacNinh.predecessors.map((l: any) => l.unit.name)).toContain("Tỉnh Bắc Giang");
  });

  it("each demo province has the departments of its day: the mergers of 1 March 2025 leave no department that no longer exists", async () => {
    const q = `query($code: String!, $asOf: Date) { agencyUnit(code: $code) {
      children(kind: PROVINCIAL_DEPARTMENT, asOf: $asOf) { code name successors { kind effectiveOn unit { name } } } } }`;
    const names = async (code: string, asOf?: string) =>
      ok(await server.gql(q, { code, asOf })).agencyUnit.children.map((u: { name: string }) => u.name.replace(/ (tỉnh|thành phố) .*$/, ""));
    const today = ["Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Văn phòng UBND"];
    for (const province of [demoUnitCodes.hanoi, demoUnitCodes.caoBang, demoUnitCodes.bacNinh]) {
      expect((await names(province)).sort()).toEqual(today);
      expect(await names(province, "2025-02-28")).toHaveLength(12);
    }
    // Bắc Giang's last day, after the department mergers.
    expect((await names(demoUnitCodes.bacGiang)).sort()).toEqual(today);
    const before = ok(await server.gql(q, { code: demoUnitCodes.hanoi, asOf: "2025-02-28" })).agencyUnit.children;
    const successorOf = (name: string) => before.find((u: { name: string }) => u.name.startsWith(name)).successors.map((l: any) => [l.kind, l.effectiveOn, l.unit.name]);
    expect(successorOf("Sở Kế hoạch và Đầu tư")).toEqual([["MERGED_INTO", "2025-03-01", "Sở Tài chính thành phố Hà Nội"]]);
    expect(successorOf("Sở Thông tin và Truyền thông")).toEqual([["MERGED_INTO", "2025-03-01", "Sở Khoa học và Công nghệ thành phố Hà Nội"]]);
    expect(successorOf("Sở Tài nguyên và Môi trường")).toEqual([["MERGED_INTO", "2025-03-01", "Sở Nông nghiệp và Môi trường thành phố Hà Nội"]]);
    expect(successorOf("Sở Nông nghiệp và Phát triển nông thôn")).toEqual([["MERGED_INTO", "2025-03-01", "Sở Nông nghiệp và Môi trường thành phố Hà Nội"]]);
    expect(successorOf("Sở Lao động - Thương binh và Xã hội")).toEqual([["MERGED_INTO", "2025-03-01", "Sở Nội vụ thành phố Hà Nội"]]);
    expect(successorOf("Sở Giao thông vận tải")).toEqual([["MERGED_INTO", "2025-03-01", "Sở Xây dựng thành phố Hà Nội"]]);
    const found = ok(await server.gql(LIST, { filter: { search: "so tu phap cao bang" } })).agencyUnits;
    expect(found.edges.map((e: any) => e.node.code)).toEqual([demoUnitCodes.departments.caoBang["Sở Tư pháp"]]);
  });

  it("the provincial map: 63 provinces until 2025-06-30, 34 from 2025-07-01, each former province linked to its successor", async () => {
    const q = `query($asOf: Date) { agencyUnits(filter: { kind: PROVINCE, asOf: $asOf }, first: 100) {
      totalCount edges { node { code name validTo successors { kind effectiveOn unit { code name } } } } } }`;
    const map = async (asOf: string) => ok(await server.gql(q, { asOf })).agencyUnits;
    const before = await map("2025-06-30");
    const after = await map("2025-07-01");
    expect(before.totalCount).toBe(63);
    expect(before.edges).toHaveLength(63);
    expect(after.totalCount).toBe(34);
    const afterNames = after.edges.map((e: any) => e.node.name);
    expect(afterNames).toEqual(expect.arrayContaining(["Thành phố Hà Nội", "Thành phố Huế", "Tỉnh Bắc Ninh", "Thành phố Hồ Chí Minh", "Tỉnh Cao Bằng"]));
    expect(afterNames).not.toContain("Tỉnh Bắc Giang");
    // Every province of 2025-06-30 either continues on 2025-07-01 or is linked to one that does.
    const afterCodes = new Set(after.edges.map((e: any) => e.node.code));
    for (const { node } of before.edges) {
      if (afterCodes.has(node.code)) continue;
      expect(node.validTo).toBe("2025-06-30");
      expect(node.successors).toHaveLength(1);
      expect(node.successors[0]).toMatchObject({ kind: "MERGED_INTO", effectiveOn: "2025-07-01" });
      expect(afterCodes.has(node.successors[0].unit.code)).toBe(true);
    }
    const hcm = after.edges.find((e: any) => e.node.name === "Thành phố Hồ Chí Minh").node.code;
    const preds = ok(await server.gql(UNIT, { code: hcm })).agencyUnit.predecessors.map((l: any) => l.unit.name).sort();
    expect(preds).toEqual(["Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Bình Dương"]);
    // Thừa Thiên Huế became Thành phố Huế on 2025-01-01: one code, two units.
    const hue = demoUnitCodes.provincesByName["Thành phố Huế"]!;
    expect(ok(await server.gql(UNIT, { code: hue, asOf: "2024-12-31" })).agencyUnit).toMatchObject({ name: "Tỉnh Thừa Thiên Huế", validTo: "2024-12-31" });
    expect(ok(await server.gql(UNIT, { code: hue })).agencyUnit).toMatchObject({ name: "Thành phố Huế", validFrom: "2025-01-01" });
    // The demo's earlier codes are kept.
    expect([demoUnitCodes.hanoi, demoUnitCodes.caoBang, demoUnitCodes.bacGiang, demoUnitCodes.bacNinh]).toEqual(["000.00.00.H26", "000.00.00.H12", "000.00.00.H06", "000.00.00.H07"]);
  });

  it("a search without asOf finds units that no longer exist too, today's first, each with its validTo", async () => {
    const q = `query($filter: AgencyUnitFilter) { agencyUnits(filter: $filter, first: 10) { totalCount edges { node { name validFrom validTo isCurrent } } } }`;
    const found = ok(await server.gql(q, { filter: { search: "gia lam" } })).agencyUnits.edges.map((e: any) => e.node);
    expect(found[0]).toMatchObject({ name: "Xã Gia Lâm", validFrom: "2025-07-01", validTo: null, isCurrent: true });
    expect(found).toContainEqual({ name: "Huyện Gia Lâm", validFrom: null, validTo: "2025-06-30", isCurrent: false });
    const currents = found.map((u: { isCurrent: boolean }) => u.isCurrent);
    expect(currents).toEqual([...currents].sort((a, b) => Number(b) - Number(a)));
    // With a day, only the units of that day.
    const on2017 = ok(await server.gql(q, { filter: { search: "gia lam", asOf: "2017-01-01" } })).agencyUnits.edges.map((e: any) => e.node.name);
    expect(on2017).toEqual(["Huyện Gia Lâm"]);
    const bat = ok(await server.gql(q, { filter: { search: "bat trang" } })).agencyUnits.edges.map((e: any) => [e.node.name, e.node.validTo]);
    expect(bat).toEqual([["Xã Bát Tràng", null], ["Xã Bát Tràng", "2025-06-30"]]);
  });

  it("Gia Lâm's 2017 dossiers count toward today's communes on the current tree and stay separate as of 2017", async () => {
    const q = `query($code: String!, $asOf: Date) { dashboard(agencyCode: $code, from: "2017-01-01", to: "2017-05-31", asOf: $asOf) {
      received byChildUnit { unit { code name } received } } }`;
    const old = ok(await server.gql(q, { code: demoUnitCodes.giaLam })).dashboard;
    const receivedOf = (name: string) => old.byChildUnit.find((c: any) => c.unit.name === name).received as number;
    const phuDong = ok(await server.gql(q, { code: demoUnitCodes.newCommunes["Xã Phù Đổng"] })).dashboard;
    const formers = ["Xã Dương Hà", "Xã Đình Xuyên", "Xã Ninh Hiệp", "Xã Phù Đổng", "Xã Trung Mầu", "Xã Yên Thường", "Xã Yên Viên", "Thị trấn Yên Viên"];
    const expected = formers.reduce((n, name) => n + receivedOf(name), 0);
    expect(expected).toBeGreaterThan(0);
    expect(phuDong.received).toBe(expected);
    // As of 2017 the new commune did not exist and nothing was merged into it.
    expect(ok(await server.gql(q, { code: demoUnitCodes.newCommunes["Xã Phù Đổng"], asOf: "2017-05-31" })).dashboard.received).toBe(0);
    // Today's five units that took Gia Lâm's communes carry all of the 22 communes' history between them.
    let newTotal = 0;
    for (const code of Object.values(demoUnitCodes.newCommunes)) newTotal += ok(await server.gql(q, { code })).dashboard.received;
    expect(newTotal).toBe(old.byChildUnit.reduce((n: number, c: any) => n + c.received, 0));
    // As of 2017 Hà Nội's children are Gia Lâm and the departments; Gia Lâm holds all of it.
    const hanoi2017 = ok(await server.gql(q, { code: demoUnitCodes.hanoi, asOf: "2017-05-31" })).dashboard;
    expect(hanoi2017.byChildUnit.find((c: any) => c.unit.code === demoUnitCodes.giaLam).received).toBe(old.received);
  });
});
