import { upsertIndexFramework } from "../modules/indexes/index-framework.service.js";
import { publishIndexResults } from "../modules/indexes/index-scores.service.js";
import type { IndexFrameworkInput, IndexResultInput } from "../modules/indexes/par-index.inputs.js";
import { IndexScoringMethod } from "../modules/indexes/par-index.types.js";
import { AgencyUnitKind } from "../modules/agency-units/agency-unit.types.js";
import type { BatchContext } from "../shared/batch.js";
import facts from "./facts.json" with { type: "json" };
import { demoUnitCodes } from "./units.demo.js";

interface FactField {
  no: number;
  name: string;
  max: number;
}
interface FactOwner {
  owner: string;
  scores: string[];
}
interface FactResult {
  framework: string;
  year: number;
  unit?: string;
  score?: number;
  rank?: number;
  of?: number;
}

/** The department facts.json names as responsible for a whole field (`field 3`); null when it names none. */
function fieldOwner(no: number): string | null {
  const owner = (facts.parCriterionOwnersBacGiang2018 as FactOwner[]).find((o) => o.scores.includes(`field ${no}`));
  return owner?.owner ?? null;
}

/** Who scores which criterion in Bắc Giang (2018), for the framework's description: criteria are not loaded. */
function criterionOwnersText(): string {
  return (facts.parCriterionOwnersBacGiang2018 as FactOwner[])
    .map((o) => `${o.owner}: ${o.scores.map((s) => s.replace("field ", "lĩnh vực ").replace("criterion ", "tiêu chí ")).join(", ")}`)
    .join("; ");
}

/**
 * The provincial PAR Index of 2017–2020 with the eight fields and maxima of facts.json (adding up to 100). Only the
 * fields are loaded — the criteria (TC) and sub-criteria (TCTP) are not in facts.json — so each field is a leaf,
 * scored by appraisal and survey together (MIXED).
 */
export function demoParProvinceFramework(): IndexFrameworkInput {
  const fields = facts.parProvince2017Fields as FactField[];
  return {
    code: "PAR_PROVINCE",
    name: "Chỉ số cải cách hành chính cấp tỉnh (PAR Index) giai đoạn 2017–2020",
    description:
      "Chỉ số theo dõi, đánh giá, xếp hạng kết quả cải cách hành chính của UBND các tỉnh, thành phố trực thuộc " +
      `trung ương: ${fields.length} lĩnh vực, tổng 100 điểm (điểm thẩm định và điểm điều tra xã hội học). ` +
      "Dữ liệu demo: chỉ có các lĩnh vực, chưa có tiêu chí và tiêu chí thành phần. " +
      `Đơn vị chấm theo tiêu chí (tỉnh Bắc Giang, 2018): ${criterionOwnersText()}.`,
    scoredKinds: [AgencyUnitKind.PROVINCE],
    maxTotal: 100,
    fromYear: 2017,
    toYear: 2020,
    criteria: fields.map((f) => ({
      code: String(f.no),
      name: f.name,
      maxPoints: f.max,
      responsible: fieldOwner(f.no),
      method: IndexScoringMethod.MIXED,
    })),
  };
}

/** SIPAS: the satisfaction percentage as one survey-scored criterion worth 100. */
export function demoSipasFramework(): IndexFrameworkInput {
  return {
    code: "SIPAS",
    name: "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
    description:
      "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước, đo bằng điều tra " +
      "xã hội học, tính theo phần trăm (0–100).",
    scoredKinds: [AgencyUnitKind.PROVINCE],
    maxTotal: 100,
    fromYear: null,
    toYear: null,
    criteria: [
      { code: "1", name: "Mức độ hài lòng chung (%)", maxPoints: 100, responsible: "Sở Nội vụ", method: IndexScoringMethod.SURVEY },
    ],
  };
}

/** The published provincial results of facts.json whose unit is a demo unit (Bắc Giang 2017: 82.74, 13th of 63). */
export function demoIndexResults(): IndexResultInput[] {
  return (facts.indexResults as FactResult[]).flatMap((r) => {
    const unitCode = r.unit === undefined ? undefined : demoUnitCodes.provincesByName[r.unit];
    if (unitCode === undefined || r.score === undefined) return [];
    return [
      {
        framework: r.framework,
        year: r.year,
        unitCode,
        total: r.score,
        rank: r.rank ?? null,
        rankOf: r.of ?? null,
        source: `Bộ Nội vụ, Chỉ số cải cách hành chính năm ${r.year} của các tỉnh, thành phố trực thuộc trung ương`,
      },
    ];
  });
}

/**
 * Loads the index frameworks (marked demo) and the published results through the indexes services. Needs the demo
 * units. Throws when anything fails: demo data that does not load is a bug.
 */
export async function loadDemoIndexes(writer: BatchContext): Promise<void> {
  for (const framework of [demoParProvinceFramework(), demoSipasFramework()]) {
    await upsertIndexFramework(writer, framework, { demo: true });
  }
  const result = await publishIndexResults(writer, demoIndexResults());
  const failed = result.items.filter((item) => !item.ok);
  if (failed.length > 0) throw new Error(`demo index results failed to load: ${JSON.stringify(failed)}`);
}
