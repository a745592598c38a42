import type { IndexCriterionRow, IndexFrameworkRow, IndexScoreRow } from "../../db/schema/indexes.js";
import { toAgencyUnit } from "../agency-units/agency-unit.mapper.js";
import type { AgencyUnitKind } from "../agency-units/agency-unit.types.js";
import { criterionPoints, fromHundredths, toHundredths } from "./index-points.js";
import { depthOf, parentCodeOf } from "./index-tree.js";
import type { ExcludedUnit, RankedUnit } from "./index-ranking.js";
import { IndexFieldPoints, IndexRankingEntry, IndexRankingExclusion, type IndexExclusionReason } from "./index-ranking.types.js";
import { IndexCriterion, IndexFramework, IndexScore, type IndexScoringMethod } from "./par-index.types.js";

/** The one place framework rows become API objects. */
export function toIndexFramework(row: IndexFrameworkRow): IndexFramework {
  return Object.assign(new IndexFramework(), {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    scoredKinds: row.scoredKinds as AgencyUnitKind[],
    maxTotal: Number(row.maxTotal),
    fromYear: row.fromYear,
    toYear: row.toYear,
    isDemo: row.demo,
  });
}

/** The criteria of one framework (any order) as a tree: the fields, each with nested children, by position. */
export function toCriteriaTree(rows: readonly IndexCriterionRow[]): IndexCriterion[] {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  const byCode = new Map<string, IndexCriterion>();
  for (const row of sorted) {
    byCode.set(
      row.code,
      Object.assign(new IndexCriterion(), {
        code: row.code,
        name: row.name,
        maxPoints: Number(row.maxPoints),
        responsible: row.responsible,
        method: row.method as IndexScoringMethod,
        level: depthOf(row.code),
        parentCode: parentCodeOf(row.code),
        isLeaf: true,
        children: [] as IndexCriterion[],
      }),
    );
  }
  const roots: IndexCriterion[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode === null ? undefined : byCode.get(node.parentCode);
    if (parent) {
      parent.children.push(node);
      parent.isLeaf = false;
    } else {
      roots.push(node);
    }
  }
  return roots;
}

/** A stored score row with its criterion. */
export function toIndexScore(row: IndexScoreRow, criterion: IndexCriterionRow): IndexScore {
  const h = (value: number | null) => (value === null ? null : toHundredths(Number(value)));
  const points = criterionPoints({ self: h(row.selfScore), appraised: h(row.appraisedScore), survey: h(row.surveyScore) });
  return Object.assign(new IndexScore(), {
    criterionCode: criterion.code,
    criterionName: criterion.name,
    maxPoints: Number(criterion.maxPoints),
    selfScore: row.selfScore === null ? null : Number(row.selfScore),
    appraisedScore: row.appraisedScore === null ? null : Number(row.appraisedScore),
    surveyScore: row.surveyScore === null ? null : Number(row.surveyScore),
    points: fromHundredths(points),
    submittedAt: row.submittedAt,
  });
}

/** A ranked (or published-only) unit of the ranking arithmetic. */
export function toRankingEntry(ranked: RankedUnit): IndexRankingEntry {
  return Object.assign(new IndexRankingEntry(), {
    rank: ranked.rank,
    unit: toAgencyUnit(ranked.unit),
    total: ranked.total,
    computed: ranked.computed,
    complete: ranked.complete,
    fields: ranked.fields.map((f) => Object.assign(new IndexFieldPoints(), f)),
    publishedTotal: ranked.published === null ? null : Number(ranked.published.total),
    publishedRank: ranked.published?.rank ?? null,
    publishedOf: ranked.published?.rankOf ?? null,
    source: ranked.published?.source ?? null,
  });
}

export function toRankingExclusion(excluded: ExcludedUnit): IndexRankingExclusion {
  return Object.assign(new IndexRankingExclusion(), {
    unit: toAgencyUnit(excluded.unit),
    reason: excluded.reason as IndexExclusionReason,
    message: excluded.message,
  });
}
