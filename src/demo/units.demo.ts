import { upsertAgencyUnits } from "../modules/agency-units/agency-unit-upsert.service.js";
import type { AgencyUnitInput } from "../modules/agency-units/agency-unit.inputs.js";
import { AgencyUnitKind, AgencyUnitLinkKind } from "../modules/agency-units/agency-unit.types.js";
import type { BatchContext } from "../shared/batch.js";

/*
 * Demo agency units. facts.json gives real names, kinds, GSO codes and dates but no electronic agency codes (the
 * official assignments were not verified), so the codes below are generated, format-valid (Decision 20/2020:
 * `NNN.NN.NN.XNN`) and consistent: a province `000.00.00.Hpp`, its departments and districts `000.00.dd.Hpp`,
 * a district's communes `000.cc.dd.Hpp`. Every demo unit is stored with `demo = true`.
 */

/** The typical provincial departments of facts.json, in order; department `i` gets `dd = i + 1`. */
export const demoDepartmentNames = [
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Kế hoạch và Đầu tư",
  "Sở Thông tin và Truyền thông",
  "Sở Khoa học và Công nghệ",
  "Sở Tài nguyên và Môi trường",
  "Văn phòng UBND tỉnh",
] as const;
export type DemoDepartmentName = (typeof demoDepartmentNames)[number];

/** The 22 commune-level units of Gia Lâm; communes are `Xã …`, the two towns `Thị trấn …`, in facts.json order. */
export const demoGiaLamCommuneNames = [
  "Xã Bát Tràng", "Xã Cổ Bi", "Xã Dương Hà", "Xã Dương Quang", "Xã Dương Xá", "Xã Đa Tốn", "Xã Đặng Xá",
  "Xã Đình Xuyên", "Xã Đông Dư", "Xã Kiêu Kỵ", "Xã Kim Lan", "Xã Kim Sơn", "Xã Lệ Chi", "Xã Ninh Hiệp",
  "Xã Phù Đổng", "Xã Phú Thị", "Xã Trung Mầu", "Xã Văn Đức", "Xã Yên Thường", "Xã Yên Viên",
  "Thị trấn Trâu Quỳ", "Thị trấn Yên Viên",
] as const;
export type DemoGiaLamCommuneName = (typeof demoGiaLamCommuneNames)[number];

const PROVINCE_SUFFIX = { hanoi: "H26", caoBang: "H12", bacGiang: "H06", bacNinh: "H07" } as const;
export type DemoProvinceKey = keyof typeof PROVINCE_SUFFIX;
/** `dd` of Huyện Gia Lâm: the last two digits of its GSO code 018. */
const GIA_LAM_DD = "18";

const two = (n: number) => String(n).padStart(2, "0");
const departmentsOf = (suffix: string) =>
  Object.fromEntries(demoDepartmentNames.map((name, i) => [name, `000.00.${two(i + 1)}.${suffix}`])) as Record<
    DemoDepartmentName,
    string
  >;

/**
 * The electronic codes of the demo units, for the other demo loaders (documents, procedures, dossiers, indexes).
 * Bắc Giang, Gia Lâm, Gia Lâm's communes and Bắc Giang's departments are valid until 2025-06-30 only.
 */
export const demoUnitCodes = {
  /** Thành phố Hà Nội (PROVINCE, GSO 01). */
  hanoi: `000.00.00.${PROVINCE_SUFFIX.hanoi}`,
  /** Huyện Gia Lâm (DISTRICT under Hà Nội, GSO 018, valid to 2025-06-30). */
  giaLam: `000.00.${GIA_LAM_DD}.${PROVINCE_SUFFIX.hanoi}`,
  /** Tỉnh Cao Bằng (PROVINCE, GSO 04). */
  caoBang: `000.00.00.${PROVINCE_SUFFIX.caoBang}`,
  /** Tỉnh Bắc Giang (PROVINCE, GSO 24, valid to 2025-06-30, MERGED_INTO Bắc Ninh on 2025-07-01). */
  bacGiang: `000.00.00.${PROVINCE_SUFFIX.bacGiang}`,
  /** Tỉnh Bắc Ninh (PROVINCE, GSO 27). */
  bacNinh: `000.00.00.${PROVINCE_SUFFIX.bacNinh}`,
  /** Gia Lâm's 22 commune-level units by name (`Xã Đông Dư`, `Thị trấn Trâu Quỳ`…): `000.cc.18.H26`. */
  giaLamCommunes: Object.fromEntries(
    demoGiaLamCommuneNames.map((name, i) => [name, `000.${two(i + 1)}.${GIA_LAM_DD}.${PROVINCE_SUFFIX.hanoi}`]),
  ) as Record<DemoGiaLamCommuneName, string>,
  /** Provincial departments by province and facts.json name, e.g. `departments.caoBang["Sở Tư pháp"]`. */
  departments: {
    hanoi: departmentsOf(PROVINCE_SUFFIX.hanoi),
    caoBang: departmentsOf(PROVINCE_SUFFIX.caoBang),
    bacGiang: departmentsOf(PROVINCE_SUFFIX.bacGiang),
    bacNinh: departmentsOf(PROVINCE_SUFFIX.bacNinh),
  },
  /** Provinces by their facts.json name (`Thành phố Hà Nội`, `Tỉnh Cao Bằng`, `Tỉnh Bắc Giang`, `Tỉnh Bắc Ninh`). */
  provincesByName: {
    "Thành phố Hà Nội": `000.00.00.${PROVINCE_SUFFIX.hanoi}`,
    "Tỉnh Cao Bằng": `000.00.00.${PROVINCE_SUFFIX.caoBang}`,
    "Tỉnh Bắc Giang": `000.00.00.${PROVINCE_SUFFIX.bacGiang}`,
    "Tỉnh Bắc Ninh": `000.00.00.${PROVINCE_SUFFIX.bacNinh}`,
  } as Record<string, string>,
} as const;

/** The day the 2025 reorganisation took effect: merged provinces and abolished districts end the day before. */
const REORGANISED_ON = "2025-07-01";
const LAST_DAY_BEFORE = "2025-06-30";

interface DemoProvince {
  key: DemoProvinceKey;
  name: string;
  gso: string;
  /** How the province's name reads after a department's name: `thành phố Hà Nội`, `tỉnh Cao Bằng`. */
  suffix: string;
  mergedInto?: DemoProvinceKey;
}

// Bắc Ninh comes before Bắc Giang: a successor must exist before a link to it is written.
const PROVINCES: DemoProvince[] = [
  { key: "hanoi", name: "Thành phố Hà Nội", gso: "01", suffix: "thành phố Hà Nội" },
  { key: "caoBang", name: "Tỉnh Cao Bằng", gso: "04", suffix: "tỉnh Cao Bằng" },
  { key: "bacNinh", name: "Tỉnh Bắc Ninh", gso: "27", suffix: "tỉnh Bắc Ninh" },
  { key: "bacGiang", name: "Tỉnh Bắc Giang", gso: "24", suffix: "tỉnh Bắc Giang", mergedInto: "bacNinh" },
];

function unit(fields: Partial<AgencyUnitInput> & Pick<AgencyUnitInput, "code" | "name" | "kind">): AgencyUnitInput {
  return Object.assign({ parentCode: null, gsoCode: null, validFrom: null, validTo: null, address: null, successors: null }, fields);
}

/** The demo units in write order (parents and successors first). */
export function demoUnitInputs(): AgencyUnitInput[] {
  const items: AgencyUnitInput[] = [];
  for (const p of PROVINCES) {
    const merged = p.mergedInto !== undefined;
    const end = merged ? { validTo: LAST_DAY_BEFORE } : {};
    const into = (code: string) => [{ code, kind: AgencyUnitLinkKind.MERGED_INTO, effectiveOn: REORGANISED_ON }];
    items.push(
      unit({
        code: demoUnitCodes[p.key], name: p.name, kind: AgencyUnitKind.PROVINCE, gsoCode: p.gso, ...end,
        successors: merged ? into(demoUnitCodes[p.mergedInto!]) : null,
      }),
    );
    for (const dept of demoDepartmentNames) {
      // "Văn phòng UBND tỉnh" of a city is "Văn phòng UBND thành phố …"; departments read "Sở Tư pháp tỉnh Cao Bằng".
      const name = `${dept.replace(/ tỉnh$/, "")} ${p.suffix}`;
      items.push(
        unit({
          code: demoUnitCodes.departments[p.key][dept], name, kind: AgencyUnitKind.PROVINCIAL_DEPARTMENT,
          parentCode: demoUnitCodes[p.key], ...end,
          successors: merged ? into(demoUnitCodes.departments[p.mergedInto!][dept]) : null,
        }),
      );
    }
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
