/*
 * Point arithmetic of index frameworks. Points carry two decimals (published results read 82.74), so every sum is
 * done in integer hundredths: 0.1 + 0.2 is exactly 0.3 here, and two totals tie exactly when they are equal.
 */

/** Points as integer hundredths, or null when the value has more than two decimals or is not finite. */
export function toHundredths(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * 100);
  return Math.abs(scaled - value * 100) < 1e-6 ? scaled : null;
}

/** Integer hundredths back to points. */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** The three scores of one unit for one leaf criterion, in hundredths; null: not given. */
export interface CriterionScores {
  self: number | null;
  appraised: number | null;
  survey: number | null;
}

/**
 * The points a criterion counts for: the appraised score (thẩm định) when there is one, else the self-assessed
 * score (tự chấm, provisional), plus the sociological-survey score. In hundredths.
 */
export function criterionPoints(scores: CriterionScores): number {
  return (scores.appraised ?? scores.self ?? 0) + (scores.survey ?? 0);
}

/** The score input fields, as the API names them. */
export type ScoreField = "selfScore" | "appraisedScore" | "surveyScore";

export interface ScoreProblem {
  code: "OUT_OF_RANGE" | "INVALID_FORMAT";
  field: ScoreField;
  message: string;
}

/**
 * Why these scores cannot be stored for a criterion worth `maxHundredths`, or null. Each score must be from 0 to
 * the maximum with at most two decimals, and the counted points ({@link criterionPoints}) must not exceed the
 * maximum either (the survey part adds to the appraised part, so the sum is checked against `surveyScore`).
 */
export function scoreProblem(
  raw: Partial<Record<ScoreField, number | null>>,
  maxHundredths: number,
  criterionCode: string,
): ScoreProblem | null {
  const max = fromHundredths(maxHundredths);
  const scores: Partial<Record<ScoreField, number | null>> = {};
  for (const field of ["selfScore", "appraisedScore", "surveyScore"] as const) {
    const value = raw[field];
    if (value == null) continue;
    const hundredths = toHundredths(value);
    if (hundredths === null) return { code: "INVALID_FORMAT", field, message: `${field} must be a number with at most two decimals (got ${value})` };
    if (hundredths < 0 || hundredths > maxHundredths) {
      return { code: "OUT_OF_RANGE", field, message: `${field} must be from 0 to ${max}, the maximum of criterion ${criterionCode} (got ${value})` };
    }
    scores[field] = hundredths;
  }
  const points = criterionPoints({ self: scores.selfScore ?? null, appraised: scores.appraisedScore ?? null, survey: scores.surveyScore ?? null });
  if (points > maxHundredths) {
    return {
      code: "OUT_OF_RANGE",
      field: "surveyScore",
      message:
        `the counted points (appraised or else self-assessed score, plus surveyScore) are ${fromHundredths(points)}, ` +
        `over the maximum ${max} of criterion ${criterionCode}`,
    };
  }
  return null;
}

/**
 * Competition ranking ("1, 2, 2, 4"): by total descending, equal totals share the rank of the first of them; the
 * order among equals is by `tieBreak` (the unit code), which does not affect the rank.
 */
export function rankByTotal<T>(items: readonly T[], total: (item: T) => number, tieBreak: (item: T) => string): { item: T; rank: number }[] {
  const sorted = [...items].sort((a, b) => total(b) - total(a) || compareText(tieBreak(a), tieBreak(b)));
  const ranked: { item: T; rank: number }[] = [];
  sorted.forEach((item, i) => {
    const previous = ranked[i - 1];
    const rank = previous !== undefined && total(previous.item) === total(item) ? previous.rank : i + 1;
    ranked.push({ item, rank });
  });
  return ranked;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
