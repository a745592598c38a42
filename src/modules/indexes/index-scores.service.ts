import type { Tx } from "../../db/client.js";
import { ItemError, runBatch, type BatchContext, type BatchResult, type ItemOutcome } from "../../shared/batch.js";
import { cleanText } from "../../shared/text.js";
import { assertWriter } from "../access/access.service.js";
import type { Viewer } from "../access/viewer.js";
import { fromHundredths, scoreProblem, toHundredths, type ScoreField } from "./index-points.js";
import {
  deleteScore, insertResult, insertScore, lockResult, lockScore, updateResult, updateScore, type ResultValues, type ScoreValues,
} from "./index-scores.store.js";
import { FrameworkCache, resolveTarget } from "./index-target.js";
import type { IndexResultInput, IndexScoreInput } from "./par-index.inputs.js";

const SCORE_FIELDS: readonly ScoreField[] = ["selfScore", "appraisedScore", "surveyScore"];
const COLUMN: Record<ScoreField, keyof ScoreValues> = { selfScore: "selfScore", appraisedScore: "appraisedScore", surveyScore: "surveyScore" };
const MAX_RANK_OF = 100_000;

/** The batch key of a scores item: `FRAMEWORK/YEAR/UNIT/CRITERION`. */
export function scoreKey(item: IndexScoreInput): string {
  return `${item.framework.trim()}/${item.year}/${item.unitCode.trim()}/${item.criterionCode.trim()}`;
}

/**
 * `submitIndexScores`: each item sets the scores of one unit, year and leaf criterion, in its own transaction.
 * A score left out keeps its stored value, null clears it. Permission: write access at the scored unit.
 */
export async function submitIndexScores(ctx: BatchContext, input: IndexScoreInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  const cache = new FrameworkCache();
  return runBatch(ctx, "submitIndexScores", input, scoreKey, (tx, item) => submitOne(tx, ctx.viewer, cache, item));
}

async function submitOne(tx: Tx, viewer: Viewer, cache: FrameworkCache, item: IndexScoreInput): Promise<ItemOutcome> {
  const { framework, year, unit } = await resolveTarget(tx, viewer, cache, item);
  const criterionCode = item.criterionCode.trim();
  const criterion = framework.criteria.get(criterionCode);
  if (!criterion) {
    throw new ItemError("UNKNOWN_REFERENCE", `criterionCode: ${JSON.stringify(criterionCode)} is not a criterion of ${framework.row.code}`, "criterionCode");
  }
  if (framework.parents.has(criterionCode)) {
    throw new ItemError("NOT_A_LEAF", `criterionCode: ${criterionCode} has sub-criteria; scores are submitted for its leaf criteria`, "criterionCode");
  }
  if (SCORE_FIELDS.every((field) => item[field] === undefined)) {
    throw new ItemError("REQUIRED", "at least one of selfScore, appraisedScore, surveyScore must be given (null clears a stored score)", "selfScore");
  }

  const key = { frameworkId: framework.row.id, year, unitId: unit.id, criterionId: criterion.id };
  const existing = await lockScore(tx, key);
  const merged: Partial<Record<ScoreField, number | null>> = {};
  for (const field of SCORE_FIELDS) {
    const sent = item[field];
    merged[field] = sent === undefined ? (existing?.[COLUMN[field]] ?? null) : sent;
  }
  const notScored = criterion.method === "APPRAISAL" ? ["surveyScore"] : criterion.method === "SURVEY" ? ["selfScore", "appraisedScore"] : [];
  for (const field of notScored as ScoreField[]) {
    if (merged[field] != null) {
      throw new ItemError("NOT_APPLICABLE", `${field}: criterion ${criterionCode} is scored by ${criterion.method}, which has no ${field}`, field);
    }
  }
  const problem = scoreProblem(merged, toHundredths(Number(criterion.maxPoints))!, criterionCode);
  if (problem) throw new ItemError(problem.code, problem.message, problem.field);

  const values: ScoreValues = {
    selfScore: normalised(merged.selfScore),
    appraisedScore: normalised(merged.appraisedScore),
    surveyScore: normalised(merged.surveyScore),
  };
  const empty = SCORE_FIELDS.every((field) => values[COLUMN[field]] === null);
  if (!existing) {
    if (empty) return "unchanged";
    if (!(await insertScore(tx, key, values))) throw raced();
    return "applied";
  }
  if (empty) {
    await deleteScore(tx, key);
    return "applied";
  }
  if (SCORE_FIELDS.every((field) => normalised(existing[COLUMN[field]]) === values[COLUMN[field]])) return "unchanged";
  await updateScore(tx, key, values);
  return "applied";
}

/** The batch key of a results item: `FRAMEWORK/YEAR/UNIT`. */
export function resultKey(item: IndexResultInput): string {
  return `${item.framework.trim()}/${item.year}/${item.unitCode.trim()}`;
}

/**
 * `publishIndexResults`: each item replaces the published total and rank of one unit and year. Permission: write
 * access at the unit.
 */
export async function publishIndexResults(ctx: BatchContext, input: IndexResultInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  const cache = new FrameworkCache();
  return runBatch(ctx, "publishIndexResults", input, resultKey, (tx, item) => publishOne(tx, ctx.viewer, cache, item));
}

async function publishOne(tx: Tx, viewer: Viewer, cache: FrameworkCache, item: IndexResultInput): Promise<ItemOutcome> {
  const { framework, year, unit } = await resolveTarget(tx, viewer, cache, item);
  const maxTotal = toHundredths(Number(framework.row.maxTotal))!;
  const total = toHundredths(item.total);
  if (total === null) throw new ItemError("INVALID_FORMAT", `total must be a number with at most two decimals (got ${item.total})`, "total");
  if (total < 0 || total > maxTotal) {
    throw new ItemError("OUT_OF_RANGE", `total must be from 0 to ${fromHundredths(maxTotal)}, the maximum of ${framework.row.code} (got ${item.total})`, "total");
  }
  const rankOf = item.rankOf ?? null;
  if (rankOf !== null && (rankOf < 1 || rankOf > MAX_RANK_OF)) {
    throw new ItemError("OUT_OF_RANGE", `rankOf must be from 1 to ${MAX_RANK_OF} (got ${rankOf})`, "rankOf");
  }
  const rank = item.rank ?? null;
  if (rank !== null && (rank < 1 || rank > (rankOf ?? MAX_RANK_OF))) {
    throw new ItemError("OUT_OF_RANGE", `rank must be from 1 to ${rankOf ?? MAX_RANK_OF} (rankOf) (got ${rank})`, "rank");
  }
  const values: ResultValues = { total: fromHundredths(total), rank, rankOf, source: cleanText("source", item.source, 1000, true) };

  const key = { frameworkId: framework.row.id, year, unitId: unit.id };
  const existing = await lockResult(tx, key);
  if (!existing) {
    if (!(await insertResult(tx, key, values))) throw raced();
    return "applied";
  }
  const same =
    normalised(existing.total) === values.total && existing.rank === rank && existing.rankOf === rankOf && existing.source === values.source;
  if (same) return "unchanged";
  await updateResult(tx, key, values);
  return "applied";
}

/** A stored or sent score as a two-decimal number (numeric columns may come back as `"8.50"`). */
function normalised(value: number | string | null | undefined): number | null {
  return value == null ? null : fromHundredths(toHundredths(Number(value))!);
}

function raced(): ItemError {
  return new ItemError("CONFLICT", "another request stored this item at the same moment; send it again", null);
}
