import { upsertAgencyUnits } from "../modules/agency-units/agency-unit-upsert.service.js";
import type { AgencyUnitInput } from "../modules/agency-units/agency-unit.inputs.js";
import { AgencyUnitKind, AgencyUnitLinkKind } from "../modules/agency-units/agency-unit.types.js";
import type { BatchContext } from "../shared/batch.js";
import provinces from "./provinces.json" with { type: "json" };

/*
 * Demo agency units. facts.json and provinces.json give real names, kinds, GSO codes and dates but no electronic
 * agency codes (the official assignments were not verified), so the codes below are generated, format-valid
 * (Decision 20/2020: `NNN.NN.NN.XNN`) and consistent: a province `000.00.00.Hpp`, its departments and districts
 * `000.00.dd.Hpp`, a district's communes `000.cc.dd.Hpp`, a commune of the two-tier map (from 2025-07-01)
 * `000.cc.00.Hpp`. Every demo unit is stored with `demo = true`.
 *
 * The provincial map (provinces.json, Resolution 202/2025/QH15): the 63 provinces until 2025-06-30 and the 34 from
 * 2025-07-01. A new province that kept the name of one of its former provinces continues that unit (same code,
 * same unit, no end date); the other former provinces end on 2025-06-30 and are MERGED_INTO it. Thừa Thiên Huế was
 * renamed Thành phố Huế (a centrally-run city) on 2025-01-01: a RENAMED link between two units of one code.
 */

/**
 * The provincial departments of the demo provinces, with the mergers of 1 March 2025 (the government's
 * reorganisation of provincial departments, Decree 45/2025/NĐ-CP): department `i` gets `dd = i + 1`. The first
 * eight are facts.json's typical departments (their codes are unchanged).
 */
const DEPARTMENTS: readonly { name: string; validFrom?: string; validTo?: string; mergedInto?: string }[] = [
  { name: "Sở Nội vụ" },
  { name: "Sở Tư pháp" },
  { name: "Sở Tài chính" },
  { name: "Sở Kế hoạch và Đầu tư", validTo: "2025-02-28", mergedInto: "Sở Tài chính" },
  { name: "Sở Thông tin và Truyền thông", validTo: "2025-02-28", mergedInto: "Sở Khoa học và Công nghệ" },
  { name: "Sở Khoa học và Công nghệ" },
  { name: "Sở Tài nguyên và Môi trường", validTo: "2025-02-28", mergedInto: "Sở Nông nghiệp và Môi trường" },
  { name: "Văn phòng UBND tỉnh" },
  { name: "Sở Nông nghiệp và Phát triển nông thôn", validTo: "2025-02-28", mergedInto: "Sở Nông nghiệp và Môi trường" },
  { name: "Sở Lao động - Thương binh và Xã hội", validTo: "2025-02-28", mergedInto: "Sở Nội vụ" },
  { name: "Sở Giao thông vận tải", validTo: "2025-02-28", mergedInto: "Sở Xây dựng" },
  { name: "Sở Xây dựng" },
  { name: "Sở Nông nghiệp và Môi trường", validFrom: "2025-03-01" },
];
/** The departments' names, in code order. */
export const demoDepartmentNames = DEPARTMENTS.map((d) => d.name);

/** The department that does a department's work today: itself, or the one it was merged into on 2025-03-01. */
export function currentDepartmentName(name: string): string {
  const dept = DEPARTMENTS.find((d) => d.name === name);
  if (!dept) throw new Error(`no demo department is named ${name}`);
  return dept.mergedInto === undefined ? dept.name : currentDepartmentName(dept.mergedInto);
}
/** The day the department mergers took effect. */
const DEPARTMENTS_MERGED_ON = "2025-03-01";

/** The 22 commune-level units of Gia Lâm; communes are `Xã …`, the two towns `Thị trấn …`, in facts.json order. */
export const demoGiaLamCommuneNames = [
  "Xã Bát Tràng", "Xã Cổ Bi", "Xã Dương Hà", "Xã Dương Quang", "Xã Dương Xá", "Xã Đa Tốn", "Xã Đặng Xá",
  "Xã Đình Xuyên", "Xã Đông Dư", "Xã Kiêu Kỵ", "Xã Kim Lan", "Xã Kim Sơn", "Xã Lệ Chi", "Xã Ninh Hiệp",
  "Xã Phù Đổng", "Xã Phú Thị", "Xã Trung Mầu", "Xã Văn Đức", "Xã Yên Thường", "Xã Yên Viên",
  "Thị trấn Trâu Quỳ", "Thị trấn Yên Viên",
] as const;
export type DemoGiaLamCommuneName = (typeof demoGiaLamCommuneNames)[number];

/** The commune-level units of Hà Nội from 2025-07-01 that took Gia Lâm's area (see {@link GIA_LAM_SUCCESSOR}). */
export const demoNewCommuneNames = ["Xã Gia Lâm", "Xã Thuận An", "Xã Bát Tràng", "Xã Phù Đổng", "Phường Long Biên"] as const;
type NewCommuneName = (typeof demoNewCommuneNames)[number];

/**
 * Where each of Gia Lâm's 22 units of 2017 went on 2025-07-01 (Resolution 1656/NQ-UBTVQH15 of 16 June 2025 on
 * Hà Nội's commune-level units). A unit split between several new units is linked to the one that took most of
 * it, the only successor whose dashboards can count its history. Sources: the resolution as reported on 16–30 June
 * 2025 by Người Lao Động (the full list), Kinh tế & Đô thị (xã Gia Lâm: all of Dương Xá, most of Trâu Quỳ and
 * Kiêu Kỵ), Hà Nội's portal (xã Bát Tràng: all of Kim Đức — Kim Lan and Văn Đức, merged on 2025-01-01 —, most of
 * Bát Tràng and Đa Tốn; xã Phù Đổng: all of Yên Thường, Yên Viên, Thiên Đức — Dương Hà and Đình Xuyên —, Ninh
 * Hiệp, Phù Đổng with Trung Mầu, and thị trấn Yên Viên). Thuận An took the rest (Dương Quang, Lệ Chi, Phú Sơn —
 * Phú Thị and Kim Sơn —, most of Đặng Xá and Cổ Bi): from the same reports, less certain. Đông Dư went outside
 * the four, to phường Long Biên. The intermediate communes of 2025-01-01 (Kim Đức, Phú Sơn, Thiên Đức) are not
 * modelled: the 2017 units link straight to the units of 2025-07-01.
 */
const GIA_LAM_SUCCESSOR: Record<DemoGiaLamCommuneName, NewCommuneName> = {
  "Xã Bát Tràng": "Xã Bát Tràng", "Xã Cổ Bi": "Xã Thuận An", "Xã Dương Hà": "Xã Phù Đổng",
  "Xã Dương Quang": "Xã Thuận An", "Xã Dương Xá": "Xã Gia Lâm", "Xã Đa Tốn": "Xã Bát Tràng",
  "Xã Đặng Xá": "Xã Thuận An", "Xã Đình Xuyên": "Xã Phù Đổng", "Xã Đông Dư": "Phường Long Biên",
  "Xã Kiêu Kỵ": "Xã Gia Lâm", "Xã Kim Lan": "Xã Bát Tràng", "Xã Kim Sơn": "Xã Thuận An", "Xã Lệ Chi": "Xã Thuận An",
  "Xã Ninh Hiệp": "Xã Phù Đổng", "Xã Phù Đổng": "Xã Phù Đổng", "Xã Phú Thị": "Xã Thuận An",
  "Xã Trung Mầu": "Xã Phù Đổng", "Xã Văn Đức": "Xã Bát Tràng", "Xã Yên Thường": "Xã Phù Đổng",
  "Xã Yên Viên": "Xã Phù Đổng", "Thị trấn Trâu Quỳ": "Xã Gia Lâm", "Thị trấn Yên Viên": "Xã Phù Đổng",
};

/** The province suffixes the earlier demo used; every other province gets the next free `Hnn` in GSO order. */
const FIXED_SUFFIX: Record<string, string> = {
  "Thành phố Hà Nội": "H26", "Tỉnh Cao Bằng": "H12", "Tỉnh Bắc Giang": "H06", "Tỉnh Bắc Ninh": "H07",
};
/** `dd` of Huyện Gia Lâm: the last two digits of its GSO code 018. */
const GIA_LAM_DD = "18";
/** The day the 2025 reorganisation took effect: merged provinces and abolished districts end the day before. */
const REORGANISED_ON = "2025-07-01";
const LAST_DAY_BEFORE = "2025-06-30";
/** Thừa Thiên Huế became Thành phố Huế (Resolution 1314/NQ-UBTVQH15) on this day. */
const HUE_RENAMED_ON = "2025-01-01";

const two = (n: number) => String(n).padStart(2, "0");

interface Province {
  name: string;
  gso: string | null;
  code: string;
  validFrom: string | null;
  validTo: string | null;
  successor?: { name: string; kind: AgencyUnitLinkKind; effectiveOn: string };
}

/** The provinces of both maps: one unit per province that existed, in write order (successors first). */
function provinceUnits(): Province[] {
  const used = new Set(Object.values(FIXED_SUFFIX));
  let next = 1;
  const suffixOf = (name: string) => {
    const fixed = FIXED_SUFFIX[name];
    if (fixed) return fixed;
    while (used.has(`H${two(next)}`)) next++;
    used.add(`H${two(next)}`);
    return `H${two(next)}`;
  };
  const formerOf = new Map<string, string>();
  for (const after of provinces.after) for (const name of after.formedFrom) formerOf.set(name, after.name);
  const result: Province[] = [];
  for (const before of provinces.before) {
    const into = formerOf.get(before.name)!;
    const code = `000.00.00.${suffixOf(before.name)}`;
    if (into === before.name) result.push({ name: before.name, gso: before.gso, code, validFrom: null, validTo: null });
    else if (before.name === "Tỉnh Thừa Thiên Huế") {
      const renamed = { name: into, kind: AgencyUnitLinkKind.RENAMED, effectiveOn: HUE_RENAMED_ON };
      result.push({ name: into, gso: before.gso, code, validFrom: HUE_RENAMED_ON, validTo: null });
      result.push({ name: before.name, gso: before.gso, code, validFrom: null, validTo: "2024-12-31", successor: renamed });
    } else {
      const merged = { name: into, kind: AgencyUnitLinkKind.MERGED_INTO, effectiveOn: REORGANISED_ON };
      result.push({ name: before.name, gso: before.gso, code, validFrom: null, validTo: LAST_DAY_BEFORE, successor: merged });
    }
  }
  // Successors before the units linked to them.
  return result.sort((a, b) => Number(a.successor !== undefined) - Number(b.successor !== undefined));
}

const PROVINCES = provinceUnits();
const codeOfProvince = (name: string) => PROVINCES.find((p) => p.name === name && p.validTo === null)?.code
  ?? PROVINCES.find((p) => p.name === name)!.code;
const departmentsOf = (suffix: string) =>
  Object.fromEntries(demoDepartmentNames.map((name, i) => [name, `000.00.${two(i + 1)}.${suffix}`])) as Record<string, string>;
const suffixOfCode = (code: string) => code.slice(-3);

/**
 * The electronic codes of the demo units, for the other demo loaders (documents, procedures, dossiers, indexes).
 * Bắc Giang, Gia Lâm, Gia Lâm's communes and Bắc Giang's departments are valid until 2025-06-30 only.
 */
export const demoUnitCodes = {
  /** Thành phố Hà Nội (PROVINCE, GSO 01). */
  hanoi: codeOfProvince("Thành phố Hà Nội"),
  /** Huyện Gia Lâm (DISTRICT under Hà Nội, GSO 018, valid to 2025-06-30). */
  giaLam: `000.00.${GIA_LAM_DD}.H26`,
  /** Tỉnh Cao Bằng (PROVINCE, GSO 04). */
  caoBang: codeOfProvince("Tỉnh Cao Bằng"),
  /** Tỉnh Bắc Giang (PROVINCE, GSO 24, valid to 2025-06-30, MERGED_INTO Bắc Ninh on 2025-07-01). */
  bacGiang: codeOfProvince("Tỉnh Bắc Giang"),
  /** Tỉnh Bắc Ninh (PROVINCE, GSO 27). */
  bacNinh: codeOfProvince("Tỉnh Bắc Ninh"),
  /** Gia Lâm's 22 commune-level units by name (`Xã Đông Dư`, `Thị trấn Trâu Quỳ`…): `000.cc.18.H26`. */
  giaLamCommunes: Object.fromEntries(
    demoGiaLamCommuneNames.map((name, i) => [name, `000.${two(i + 1)}.${GIA_LAM_DD}.H26`]),
  ) as Record<DemoGiaLamCommuneName, string>,
  /** Hà Nội's commune-level units from 2025-07-01 that took Gia Lâm's area: `000.cc.00.H26`. */
  newCommunes: Object.fromEntries(demoNewCommuneNames.map((name, i) => [name, `000.${two(i + 1)}.00.H26`])) as Record<NewCommuneName, string>,
  /** Provincial departments by province and name, e.g. `departments.caoBang["Sở Tư pháp"]`. */
  departments: {
    hanoi: departmentsOf("H26"),
    caoBang: departmentsOf("H12"),
    bacGiang: departmentsOf("H06"),
    bacNinh: departmentsOf("H07"),
  },
  /** Every province of both maps by name (`Thành phố Hà Nội`, `Tỉnh Bắc Giang`, `Tỉnh Thừa Thiên Huế`…). */
  provincesByName: Object.fromEntries(PROVINCES.map((p) => [p.name, p.code])) as Record<string, string>,
} as const;

/** The provinces whose departments and districts the demo holds, each with the name read after a department's. */
const DEMO_PROVINCES = [
  { name: "Thành phố Hà Nội", suffix: "thành phố Hà Nội" },
  { name: "Tỉnh Cao Bằng", suffix: "tỉnh Cao Bằng" },
  { name: "Tỉnh Bắc Ninh", suffix: "tỉnh Bắc Ninh" },
  { name: "Tỉnh Bắc Giang", suffix: "tỉnh Bắc Giang", mergedInto: "Tỉnh Bắc Ninh" },
] as const;

function unit(fields: Partial<AgencyUnitInput> & Pick<AgencyUnitInput, "code" | "name" | "kind">): AgencyUnitInput {
  return Object.assign({ parentCode: null, gsoCode: null, validFrom: null, validTo: null, address: null, successors: null }, fields);
}

const link = (code: string, kind: AgencyUnitLinkKind, effectiveOn: string) => [{ code, kind, effectiveOn }];
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a < b ? a : b);

/** The departments of one demo province in write order (successors first). */
function departmentUnits(province: (typeof DEMO_PROVINCES)[number]): AgencyUnitInput[] {
  const codes = departmentsOf(suffixOfCode(codeOfProvince(province.name)));
  const provinceEnds = "mergedInto" in province ? LAST_DAY_BEFORE : undefined;
  const successorCodes = "mergedInto" in province ? departmentsOf(suffixOfCode(codeOfProvince(province.mergedInto))) : undefined;
  const items = DEPARTMENTS.map((dept) => {
    // "Văn phòng UBND tỉnh" of a city is "Văn phòng UBND thành phố …"; departments read "Sở Tư pháp tỉnh Cao Bằng".
    const name = `${dept.name.replace(/ tỉnh$/, "")} ${province.suffix}`;
    const validTo = earlier(dept.validTo, provinceEnds) ?? null;
    const successors = dept.mergedInto
      ? link(codes[dept.mergedInto]!, AgencyUnitLinkKind.MERGED_INTO, DEPARTMENTS_MERGED_ON)
      : successorCodes && validTo !== null
        ? link(successorCodes[dept.name]!, AgencyUnitLinkKind.MERGED_INTO, REORGANISED_ON)
        : null;
    return unit({
      code: codes[dept.name]!, name, kind: AgencyUnitKind.PROVINCIAL_DEPARTMENT, parentCode: codeOfProvince(province.name),
      validFrom: dept.validFrom ?? null, validTo, successors,
    });
  });
  // The departments merged on 2025-03-01 after the departments they were merged into.
  const merged = (i: number) => Number(DEPARTMENTS[i]!.mergedInto !== undefined);
  return items.map((item, i) => [item, i] as const).sort((a, b) => merged(a[1]) - merged(b[1])).map(([item]) => item);
}

/** The demo units in write order (parents and successors first). */
export function demoUnitInputs(): AgencyUnitInput[] {
  const items: AgencyUnitInput[] = PROVINCES.map((p) =>
    unit({
      code: p.code, name: p.name, kind: AgencyUnitKind.PROVINCE, gsoCode: p.gso, validFrom: p.validFrom, validTo: p.validTo,
      successors: p.successor ? link(codeOfProvince(p.successor.name), p.successor.kind, p.successor.effectiveOn) : null,
    }),
  );
  // Bắc Ninh comes before Bắc Giang: a successor department must exist before a link to it is written.
  for (const province of DEMO_PROVINCES) items.push(...departmentUnits(province));
  for (const name of demoNewCommuneNames) {
    items.push(
      unit({
        code: demoUnitCodes.newCommunes[name], name, kind: name.startsWith("Phường") ? AgencyUnitKind.WARD : AgencyUnitKind.COMMUNE,
        parentCode: demoUnitCodes.hanoi, validFrom: REORGANISED_ON,
      }),
    );
  }
  items.push(
    unit({
      code: demoUnitCodes.giaLam, name: "Huyện Gia Lâm", kind: AgencyUnitKind.DISTRICT, gsoCode: "018",
      parentCode: demoUnitCodes.hanoi, validTo: LAST_DAY_BEFORE,
    }),
  );
  for (const name of demoGiaLamCommuneNames) {
    items.push(
      unit({
        code: demoUnitCodes.giaLamCommunes[name], name,
        kind: name.startsWith("Thị trấn") ? AgencyUnitKind.TOWNSHIP : AgencyUnitKind.COMMUNE,
        parentCode: demoUnitCodes.giaLam, validTo: LAST_DAY_BEFORE,
        successors: link(demoUnitCodes.newCommunes[GIA_LAM_SUCCESSOR[name]], AgencyUnitLinkKind.MERGED_INTO, REORGANISED_ON),
      }),
    );
  }
  return items;
}

/**
 * Loads the demo units through the units service, marked as demo data. Throws when an item fails: demo data that
 * does not load is a bug, not something to start with silently.
 */
export async function loadDemoUnits(writer: BatchContext): Promise<void> {
  const items = demoUnitInputs();
  for (let start = 0; start < items.length; start += writer.config.limits.maxBatchItems) {
    const result = await upsertAgencyUnits(writer, items.slice(start, start + writer.config.limits.maxBatchItems), { demo: true });
    const failed = result.items.filter((item) => !item.ok);
    if (failed.length > 0) throw new Error(`demo units failed to load: ${JSON.stringify(failed)}`);
  }
}
