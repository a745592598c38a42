/**
 * The catalogue of a generated province: the unit tree (province → departments, districts → communes) and the
 * procedures its units handle, written directly (COPY) with format-valid codes, ltree paths of reserved ids and
 * everything the dossier generator needs to pick a receiving unit and a procedure.
 */
import type { Sql } from "postgres";
import { COMMUNE_FIELDS, DISTRICT_FIELDS, PROVINCIAL } from "../../src/demo/procedure-names.demo.js";
import { copyInto, copyLine } from "./copy.js";
import { type Random, WeightedPicker, zipfWeights } from "./random.js";

export interface TreeShape {
  /** Letter and two digits closing every agency code of the province, e.g. `H56`. */
  provinceSuffix: string;
  departments: number;
  districts: number;
  communes: number;
  procedures: number;
}

export type UnitLevel = "PROVINCE" | "DEPARTMENT" | "DISTRICT" | "COMMUNE";
export type ProcedureLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";

export interface GeneratedUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  parentId: number | null;
  path: string;
  gsoCode: string | null;
  /** The district of a commune, a department of a district: where a hand-over sends a dossier. */
  handOverTo: number | null;
}

export interface GeneratedProcedure {
  id: number;
  code: string;
  level: ProcedureLevel;
  committedDays: number;
  online: "FULL" | "PARTIAL" | "NONE";
}

export const FIELDS = [
  "Tư pháp", "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường", "Xây dựng", "Kế hoạch và Đầu tư",
  "Giáo dục và Đào tạo", "Văn hóa, Thể thao và Du lịch", "Y tế", "Nội vụ", "Tài chính", "Công Thương",
  "Nông nghiệp và Phát triển nông thôn", "Giao thông vận tải", "Thanh tra", "Dân tộc", "Thông tin và Truyền thông",
  "Quốc phòng", "Khoa học và Công nghệ", "Ngoại vụ", "Tôn giáo",
] as const;

const DEPARTMENTS = [
  "Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương",
  "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng", "Sở Tài nguyên và Môi trường",
  "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Thanh tra tỉnh", "Ban Dân tộc", "Sở Ngoại vụ",
  "Ban Quản lý các khu công nghiệp",
];

const SYLLABLES = [
  "An", "Bình", "Cẩm", "Diên", "Đông", "Hòa", "Hưng", "Khánh", "Lạc", "Long", "Minh", "Ninh", "Phú", "Phước", "Quang",
  "Sơn", "Tân", "Thạnh", "Thành", "Thuận", "Trung", "Vĩnh", "Xuân", "Yên", "Hải", "Lộc", "Mỹ", "Nghĩa", "Tây", "Nam",
];

const two = (n: number) => String(n).padStart(2, "0");
const three = (n: number) => String(n).padStart(3, "0");

function placeName(random: Random): string {
  return `${random.pick(SYLLABLES)} ${random.pick(SYLLABLES)}`;
}

/** Reserves `n` ids of a serial column, so that paths (ids from the root) can be written in the same COPY. */
async function reserveIds(sql: Sql, table: string, n: number): Promise<number[]> {
  const rows = await sql.unsafe(`SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::int AS id FROM generate_series(1, ${n})`);
  return rows.map((r) => r.id as number);
}

/** Writes the unit tree; refuses when the province's code is already taken. */
export async function generateUnits(sql: Sql, random: Random, shape: TreeShape): Promise<GeneratedUnit[]> {
  const suffix = shape.provinceSuffix;
  if (shape.departments + shape.districts > 99) throw new Error("--departments + --districts must be at most 99 (two code digits)");
  const [taken] = await sql`SELECT count(*)::int AS n FROM agency_units WHERE code = ${`000.00.00.${suffix}`}`;
  if (taken!.n > 0) throw new Error(`a province with the code 000.00.00.${suffix} exists already: use a fresh database or --province`);

  const total = 1 + shape.departments + shape.districts + shape.communes;
  const ids = await reserveIds(sql, "agency_units", total);
  const units: GeneratedUnit[] = [];
  const gsoProvince = suffix.slice(1);
  const add = (u: Omit<GeneratedUnit, "id" | "path">, parent: GeneratedUnit | null) => {
    const id = ids[units.length]!;
    const unit = { ...u, id, path: parent ? `${parent.path}.${id}` : String(id) };
    units.push(unit);
    return unit;
  };
  const province = add(
    { code: `000.00.00.${suffix}`, name: `Tỉnh ${placeName(random)}`, level: "PROVINCE", kind: "PROVINCE", parentId: null, gsoCode: gsoProvince, handOverTo: null },
    null,
  );
  const departments: GeneratedUnit[] = [];
  for (let i = 1; i <= shape.departments; i++) {
    const name = DEPARTMENTS[i - 1] ?? `Sở chuyên ngành ${i}`;
    departments.push(
      add({ code: `000.00.${two(i)}.${suffix}`, name, level: "DEPARTMENT", kind: "PROVINCIAL_DEPARTMENT", parentId: province.id, gsoCode: null, handOverTo: province.id }, province),
    );
  }
  const perDistrict = Math.floor(shape.communes / Math.max(shape.districts, 1));
  let communesLeft = shape.communes;
  for (let j = 1; j <= shape.districts; j++) {
    const dd = shape.departments + j;
    const handOverTo = departments.length ? random.pick(departments).id : province.id;
    const district = add(
      { code: `000.00.${two(dd)}.${suffix}`, name: `Huyện ${placeName(random)}`, level: "DISTRICT", kind: "DISTRICT", parentId: province.id, gsoCode: three(100 + j), handOverTo },
      province,
    );
    const count = j === shape.districts ? communesLeft : Math.min(perDistrict, communesLeft);
    communesLeft -= count;
    for (let c = 0; c < count; c++) {
      const roll = random.next();
      const [kind, prefix] = roll < 0.8 ? ["COMMUNE", "Xã"] : roll < 0.95 ? ["WARD", "Phường"] : ["TOWNSHIP", "Thị trấn"];
      add(
        {
          code: `${three(Math.floor(c / 99))}.${two((c % 99) + 1)}.${two(dd)}.${suffix}`,
          name: `${prefix} ${placeName(random)}`,
          level: "COMMUNE",
          kind,
          parentId: district.id,
          gsoCode: `${two(j % 100)}${three(c + 1)}`,
          handOverTo: district.id,
        },
        district,
      );
    }
  }
  await copyInto(
    sql,
    "agency_units",
    ["id", "code", "gso_code", "name", "kind", "parent_id", "path"],
    units.map((u) => copyLine([u.id, u.code, u.gsoCode, u.name, u.kind, u.parentId, u.path])),
  );
  return units;
}

function namesOf(field: string, level: ProcedureLevel): string[] {
  if (level === "PROVINCE") return PROVINCIAL.filter((p) => p.field === field).map((p) => p.name);
  const specs = level === "DISTRICT" ? DISTRICT_FIELDS : COMMUNE_FIELDS;
  return specs.filter((s) => s.field === field).flatMap((s) => s.names);
}

const DAYS: Record<ProcedureLevel, number[]> = {
  COMMUNE: [0.5, 1, 1, 2, 3, 3, 5, 5, 7, 10],
  DISTRICT: [3, 5, 5, 7, 10, 10, 15, 15, 20, 30],
  PROVINCE: [3, 5, 7, 10, 15, 15, 20, 30, 30, 45],
};

/**
 * Writes `shape.procedures` procedures over the 20 fields (national codes `1.9xxxxx` for provincial ones and
 * `2.9xxxxx` for district and commune ones, outside the demo's ranges) and returns them by level.
 */
export async function generateProcedures(sql: Sql, random: Random, shape: TreeShape, units: GeneratedUnit[]): Promise<GeneratedProcedure[]> {
  const ids = await reserveIds(sql, "procedures", shape.procedures);
  const departments = units.filter((u) => u.level === "DEPARTMENT");
  const procedures: GeneratedProcedure[] = [];
  const lines: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < shape.procedures; i++) {
    const field = FIELDS[i % FIELDS.length]!;
    const roll = random.next();
    const level: ProcedureLevel = roll < 0.3 ? "COMMUNE" : roll < 0.65 ? "DISTRICT" : "PROVINCE";
    const names = namesOf(field, level);
    const k = (seen.get(`${field}|${level}`) ?? 0) + 1;
    seen.set(`${field}|${level}`, k);
    // Real names of the field first; once used up, numbered variants (local versions of the same procedure).
    const base = names.length ? names[(k - 1) % names.length]! : `Thủ tục lĩnh vực ${field}`;
    const name = k > names.length ? `${base} (${k})` : base;
    const statutory = random.pick(DAYS[level]);
    const committed = random.chance(0.2) ? Math.max(0.5, Math.round(statutory * 0.7)) : statutory;
    const onlineRoll = random.next();
    const online = onlineRoll < 0.35 ? "FULL" : onlineRoll < 0.7 ? "PARTIAL" : "NONE";
    const code = `${level === "PROVINCE" ? 1 : 2}.${900000 + i}`;
    const owner = level === "PROVINCE" && departments.length ? departments[i % departments.length]!.id : null;
    const kinds = level === "COMMUNE" ? "{COMMUNE,WARD,TOWNSHIP}" : level === "DISTRICT" ? "{DISTRICT}" : "{PROVINCIAL_DEPARTMENT}";
    const id = ids[i]!;
    procedures.push({ id, code, level, committedDays: committed, online });
    lines.push(
      copyLine([
        id, code, name.slice(0, 1000), field, level, owner, kinds, statutory, committed,
        random.chance(0.4) ? random.int(1, 20) * 10_000 : null, online, random.chance(0.1) ? "INTER_AGENCY" : "ONE_STOP",
        random.chance(0.5), random.chance(0.85),
      ]),
    );
  }
  await copyInto(
    sql,
    "procedures",
    ["id", "code", "name", "field", "level", "owner_unit_id", "implementing_kinds", "statutory_days", "committed_days", "fee_vnd", "online_kind", "one_stop_kind", "postal", "iso9001"],
    lines,
  );
  return procedures;
}

/** Which units receive dossiers and how many: communes most, then districts, then departments. */
export function receivingUnits(random: Random, units: GeneratedUnit[]): WeightedPicker<GeneratedUnit> {
  const share: Record<UnitLevel, number> = { PROVINCE: 0, DEPARTMENT: 0.1, DISTRICT: 0.28, COMMUNE: 0.62 };
  const byLevel = new Map<UnitLevel, GeneratedUnit[]>();
  for (const u of units) byLevel.set(u.level, [...(byLevel.get(u.level) ?? []), u]);
  const items: GeneratedUnit[] = [];
  const weights: number[] = [];
  for (const [level, list] of byLevel) {
    const raw = list.map(() => random.skewedWeight(0.6));
    const sum = raw.reduce((a, b) => a + b, 0);
    list.forEach((u, i) => {
      items.push(u);
      weights.push((share[level] * raw[i]!) / sum);
    });
  }
  return new WeightedPicker(items, weights);
}

/** Per receiving level, the procedures it handles with Zipf weights (a few procedures carry most dossiers). */
export function procedurePickers(random: Random, procedures: GeneratedProcedure[]): Record<UnitLevel, WeightedPicker<GeneratedProcedure>> {
  const pool = (level: ProcedureLevel) => {
    const list = procedures.filter((p) => p.level === level);
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return new WeightedPicker(list, zipfWeights(list.length));
  };
  const province = pool("PROVINCE");
  return { PROVINCE: province, DEPARTMENT: province, DISTRICT: pool("DISTRICT"), COMMUNE: pool("COMMUNE") };
}
