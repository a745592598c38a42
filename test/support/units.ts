import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { agencyUnits } from "../../src/db/schema/index.js";
import { newProvinceCodes } from "./codes.js";

type Kind = (typeof agencyUnits.$inferInsert)["kind"];

/**
 * Test setup only: inserts a small province subtree directly (one province, two departments, one district with
 * two communes), for tests of other domains that need units to refer to. Returns the codes.
 */
export async function seedUnitTree(db: Db) {
  const codes = newProvinceCodes();
  const insert = async (code: string, name: string, kind: Kind, parent?: { id: number; path: string }) => {
    const [row] = await db
      .insert(agencyUnits)
      .values({ code, name, kind, parentId: parent?.id ?? null, path: sql`'0'::ltree` })
      .returning();
    const path = parent ? `${parent.path}.${row!.id}` : String(row!.id);
    await db.update(agencyUnits).set({ path }).where(sql`${agencyUnits.id} = ${row!.id}`);
    return { id: row!.id, path, code };
  };
  const province = await insert(codes.province, `Tỉnh Thử nghiệm ${codes.province}`, "PROVINCE");
  const justice = await insert(codes.child(1), "Sở Tư pháp", "PROVINCIAL_DEPARTMENT", province);
  const home = await insert(codes.child(2), "Sở Nội vụ", "PROVINCIAL_DEPARTMENT", province);
  const district = await insert(codes.child(10), "Huyện Thử nghiệm", "DISTRICT", province);
  const communeA = await insert(codes.commune(10, 1), "Xã Đông Dư", "COMMUNE", district);
  const communeB = await insert(codes.commune(10, 2), "Thị trấn Trâu Quỳ", "TOWNSHIP", district);
  return { province, justice, home, district, communeA, communeB };
}
