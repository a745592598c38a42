import type { AgencyUnitRow } from "../../db/schema/agency-units.js";
import type { IndexCriterionRow, IndexFrameworkRow, IndexResultRow } from "../../db/schema/indexes.js";
import { fromHundredths, rankByTotal, toHundredths } from "./index-points.js";
import { parentCodes } from "./index-tree.js";
import type { FieldPointsRow } from "./index-ranking.store.js";

/*
 * The arithmetic of a ranking, without database: field subtotals, totals, ranks and who is compared. Kept pure so
 * that unit tests check it by hand-computed cases.
 */

export interface RankedField {
  code: string;
  name: string;
  points: number;
  maxPoints: number;
}

export interface RankedUnit {
  unit: AgencyUnitRow;
  rank: number | null;
  /** Computed total, or the published total when `computed` is false. */
  total: number;
  computed: boolean;
  complete: boolean;
  fields: RankedField[];
  published: IndexResultRow | null;
}

export interface ExcludedUnit {
  unit: AgencyUnitRow;
  reason: "NOT_VALID_ON_REFERENCE_DATE" | "KIND_NOT_SCORED";
  message: string;
  /** The unit's computed total, when it has scores (histories still show it). */
  total: number | null;
}

export interface RankingArithmetic {
  units: RankedUnit[];
  comparedCount: number;
  excluded: ExcludedUnit[];
}

export interface RankingInput {
  framework: Pick<IndexFrameworkRow, "code" | "scoredKinds">;
  criteria: readonly IndexCriterionRow[];
  referenceDate: string;
  fieldPoints: readonly FieldPointsRow[];
  published: readonly { result: IndexResultRow; unit: AgencyUnitRow }[];
  units: ReadonlyMap<number, AgencyUnitRow>;
}

/** True when the unit exists on `date` (YYYY-MM-DD; open ends are open). */
export function existsOn(unit: Pick<AgencyUnitRow, "validFrom" | "validTo">, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || unit.validTo >= date);
}

/**
 * Ranks the units that have scores: field points are the sums of their leaves, the total the sum of the fields;
 * ranks by total descending, ties share a rank, equal totals ordered by unit code. Only units that exist on the
 * reference date and are of a scored kind are compared; the others are listed as excluded. Units known only by a
 * published result follow the ranked ones, by published rank, with `rank` null.
 */
export function rankUnits(input: RankingInput): RankingArithmetic {
  const { framework, referenceDate } = input;
  const fields = [...input.criteria].filter((c) => !c.code.includes(".")).sort((a, b) => a.position - b.position);
  const parents = parentCodes(input.criteria.map((c) => c.code));
  const leafCount = input.criteria.filter((c) => !parents.has(c.code)).length;

  const perUnit = new Map<number, { byField: Map<string, number>; scored: number }>();
  for (const row of input.fieldPoints) {
    const entry = perUnit.get(row.unitId) ?? { byField: new Map<string, number>(), scored: 0 };
    entry.byField.set(row.field, (entry.byField.get(row.field) ?? 0) + toHundredths(Number(row.points))!);
    entry.scored += row.scored;
    perUnit.set(row.unitId, entry);
  }
  const publishedBy = new Map(input.published.map((p) => [p.unit.id, p]));
  const excluded = new Map<number, ExcludedUnit>();
  const exclusion = (unit: AgencyUnitRow, total: number | null): ExcludedUnit | null => {
    if (!framework.scoredKinds.includes(unit.kind)) {
      return { unit, reason: "KIND_NOT_SCORED", message: `${unit.code} is a ${unit.kind} unit; ${framework.code} scores ${framework.scoredKinds.join(", ")} units`, total };
    }
    if (!existsOn(unit, referenceDate)) {
      const span = `${unit.validFrom ?? "…"} to ${unit.validTo ?? "…"}`;
      return { unit, reason: "NOT_VALID_ON_REFERENCE_DATE", message: `${unit.code} existed from ${span}, not on the reference date ${referenceDate}`, total };
    }
    return null;
  };

  const scored: { unit: AgencyUnitRow; total: number; complete: boolean; fields: RankedField[] }[] = [];
  for (const [unitId, { byField, scored: scoredLeaves }] of perUnit) {
    const unit = input.units.get(unitId);
    if (!unit) continue;
    const fieldPoints = fields.map((f) => ({ code: f.code, name: f.name, points: byField.get(f.code) ?? 0, maxPoints: Number(f.maxPoints) }));
    const total = fieldPoints.reduce((sum, f) => sum + f.points, 0);
    const out = exclusion(unit, fromHundredths(total));
    if (out) {
      excluded.set(unit.id, out);
      continue;
    }
    const asPoints = fieldPoints.map((f) => ({ ...f, points: fromHundredths(f.points) }));
    scored.push({ unit, total, complete: scoredLeaves === leafCount, fields: asPoints });
  }

  const units: RankedUnit[] = rankByTotal(scored, (s) => s.total, (s) => s.unit.code).map(({ item, rank }) => ({
    unit: item.unit,
    rank,
    total: fromHundredths(item.total),
    computed: true,
    complete: item.complete,
    fields: item.fields,
    published: publishedBy.get(item.unit.id)?.result ?? null,
  }));
  const publishedOnly = input.published
    .filter((p) => !perUnit.has(p.unit.id))
    .sort((a, b) => (a.result.rank ?? Infinity) - (b.result.rank ?? Infinity) || (a.unit.code < b.unit.code ? -1 : 1));
  for (const { result, unit } of publishedOnly) {
    const out = exclusion(unit, null);
    if (out) {
      excluded.set(unit.id, out);
      continue;
    }
    units.push({ unit, rank: null, total: Number(result.total), computed: false, complete: false, fields: [], published: result });
  }
  const excludedList = [...excluded.values()].sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : a.unit.id - b.unit.id));
  return { units, comparedCount: scored.length, excluded: excludedList };
}
