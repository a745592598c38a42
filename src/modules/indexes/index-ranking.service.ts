import type { Context } from "../../context.js";
import type { AgencyUnitRow } from "../../db/schema/agency-units.js";
import type { IndexFrameworkRow } from "../../db/schema/indexes.js";
import { BadInputError, NotFoundError } from "../../shared/errors.js";
import { toAgencyUnit } from "../agency-units/agency-unit.mapper.js";
import { unitRowByCode } from "../agency-units/agency-unit.service.js";
import { rankUnits, type RankingArithmetic } from "./index-ranking.js";
import { fieldPoints, publishedResults, unitsByIds, unitsWithCode } from "./index-ranking.store.js";
import { findUnitDuring, scoresOfUnit, yearsOfUnits } from "./index-scores.store.js";
import { yearsText } from "./index-target.js";
import { toIndexFramework, toIndexScore, toRankingEntry, toRankingExclusion } from "./par-index.mapper.js";
import { findFrameworkByCode } from "./par-index.store.js";
import { IndexRanking, IndexYearResult } from "./index-ranking.types.js";
import type { IndexScore } from "./par-index.types.js";

/** The day whose map of units a year's ranking compares: the year's last day. */
export function referenceDateOf(year: number): string {
  return `${year}-12-31`;
}

/**
 * `indexRanking(framework, year, parentCode)`: the units below `parentCode` (default: the whole country) that have
 * scores, ranked; see {@link rankUnits}. NOT_FOUND for an unknown framework or parent; BAD_USER_INPUT for a year
 * outside the framework's years.
 */
export async function getIndexRanking(ctx: Context, frameworkCode: string, year: number, parentCode: string | null | undefined): Promise<IndexRanking> {
  const framework = await frameworkOrNotFound(ctx, frameworkCode);
  checkYear(framework, year);
  const referenceDate = referenceDateOf(year);
  let parent: AgencyUnitRow | null = null;
  if (parentCode != null) {
    if (parentCode.length > 40) throw new BadInputError("parentCode", "must be at most 40 characters");
    parent = (await unitRowByCode(ctx.db, parentCode.trim(), referenceDate)) ?? null;
    if (!parent) throw new NotFoundError("agency unit", parentCode.trim());
  }
  const ranking = await computeRanking(ctx, framework, year, parent);
  return Object.assign(new IndexRanking(), {
    framework: toIndexFramework(framework),
    year,
    referenceDate,
    parent: parent === null ? null : toAgencyUnit(parent),
    units: ranking.units.map(toRankingEntry),
    comparedCount: ranking.comparedCount,
    excluded: ranking.excluded.map(toRankingExclusion),
  });
}

/** Reads what a ranking needs in a fixed number of statements, whatever the number of units. */
async function computeRanking(ctx: Context, framework: IndexFrameworkRow, year: number, parent: AgencyUnitRow | null): Promise<RankingArithmetic> {
  const parentPath = parent?.path ?? null;
  const criteria = await ctx.loaders.indexes.criteria.load(framework.id);
  const points = await fieldPoints(ctx.db, framework.id, year, parentPath);
  const published = await publishedResults(ctx.db, framework.id, year, parentPath);
  const units = await unitsByIds(ctx.db, [...new Set(points.map((row) => row.unitId))]);
  return rankUnits({
    framework,
    criteria,
    referenceDate: referenceDateOf(year),
    fieldPoints: points,
    published,
    units: new Map(units.map((unit) => [unit.id, unit])),
  });
}

/**
 * `indexHistory(framework, unitCode)`: every year in which a unit carrying the code has scores or a published
 * result, with the computed total, its rank in that year's country-wide ranking and the published figures.
 */
export async function getIndexHistory(ctx: Context, frameworkCode: string, unitCode: string): Promise<IndexYearResult[]> {
  const framework = await frameworkOrNotFound(ctx, frameworkCode);
  const code = unitCode.trim();
  if (code.length > 40) throw new BadInputError("unitCode", "must be at most 40 characters");
  const carriers = await unitsWithCode(ctx.db, code);
  if (carriers.length === 0) throw new NotFoundError("agency unit", code);
  const ids = new Set(carriers.map((unit) => unit.id));
  const history: IndexYearResult[] = [];
  for (const year of await yearsOfUnits(ctx.db, framework.id, [...ids])) {
    const ranking = await computeRanking(ctx, framework, year, null);
    const ranked = ranking.units.find((entry) => ids.has(entry.unit.id));
    const excluded = ranking.excluded.find((entry) => ids.has(entry.unit.id));
    const published = ranked?.published ?? null;
    history.push(
      Object.assign(new IndexYearResult(), {
        year,
        total: ranked?.computed ? ranked.total : (excluded?.total ?? null),
        rank: ranked?.rank ?? null,
        comparedCount: ranked?.rank != null ? ranking.comparedCount : null,
        publishedTotal: published === null ? null : Number(published.total),
        publishedRank: published?.rank ?? null,
        publishedOf: published?.rankOf ?? null,
        source: published?.source ?? null,
      }),
    );
  }
  return history;
}

/** `indexScores(framework, year, unitCode)`: the unit's stored scores for the year, in framework order. */
export async function getIndexScores(ctx: Context, frameworkCode: string, year: number, unitCode: string): Promise<IndexScore[]> {
  const framework = await frameworkOrNotFound(ctx, frameworkCode);
  checkYear(framework, year);
  const code = unitCode.trim();
  if (code.length > 40) throw new BadInputError("unitCode", "must be at most 40 characters");
  const unit = await findUnitDuring(ctx.db, code, `${year}-01-01`, referenceDateOf(year));
  if (!unit) throw new NotFoundError(`agency unit existing during ${year}`, code);
  return (await scoresOfUnit(ctx.db, framework.id, year, unit.id)).map(({ score, criterion }) => toIndexScore(score, criterion));
}

async function frameworkOrNotFound(ctx: Context, code: string): Promise<IndexFrameworkRow> {
  if (code.length > 40) throw new BadInputError("framework", "must be at most 40 characters");
  const framework = await findFrameworkByCode(ctx.db, code.trim());
  if (!framework) throw new NotFoundError("index framework", code.trim());
  return framework;
}

function checkYear(framework: IndexFrameworkRow, year: number): void {
  if (year < (framework.fromYear ?? 1900) || year > (framework.toYear ?? 2199)) {
    throw new BadInputError("year", `must be within the years of ${framework.code} (${yearsText(framework)}) (got ${year})`);
  }
}
