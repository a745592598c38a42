import { fromHundredths } from "./index-points.js";

/** A framework code: capitals, digits and `_`, starting with a letter, e.g. `PAR_PROVINCE`, `SIPAS`. */
export const FRAMEWORK_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
/** A criterion code: dotted segments of letters and digits, e.g. `1`, `1.4`, `1.4.2`, `3.a`; at most 6 levels. */
export const CRITERION_CODE = /^[0-9A-Za-z]{1,8}(\.[0-9A-Za-z]{1,8}){0,5}$/;

/** The parent of a criterion code (the code without its last segment); null for a field (top level). */
export function parentCodeOf(code: string): string | null {
  const dot = code.lastIndexOf(".");
  return dot < 0 ? null : code.slice(0, dot);
}

/** The field (top-level criterion) a criterion code belongs to. */
export function fieldCodeOf(code: string): string {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}

/** One criterion of a framework being written; points in hundredths. */
export interface CriterionDraft {
  code: string;
  maxPoints: number;
}

/** A problem of a criteria list, naming the input field, e.g. `criteria[3].code`. */
export interface TreeProblem {
  field: string;
  message: string;
}

/**
 * The first problem of a criteria list, or null. Rules: at least one criterion; codes well-formed and unique; the
 * parent of every code (`1.4` for `1.4.2`) in the list; the children of a criterion add up exactly to its maximum;
 * the fields (top-level criteria) add up exactly to `maxTotal`. Points are hundredths, so "exactly" is exact.
 */
export function criteriaTreeProblem(criteria: readonly CriterionDraft[], maxTotal: number): TreeProblem | null {
  if (criteria.length === 0) return { field: "criteria", message: "must hold at least one criterion (a framework without criteria has nothing to score)" };
  const indexOf = new Map<string, number>();
  for (const [i, { code }] of criteria.entries()) {
    if (!CRITERION_CODE.test(code)) {
      return { field: `criteria[${i}].code`, message: `${JSON.stringify(code)} must be dotted letters and digits like 1, 1.4 or 1.4.2` };
    }
    const earlier = indexOf.get(code);
    if (earlier !== undefined) return { field: `criteria[${i}].code`, message: `${code} repeats criteria[${earlier}].code` };
    indexOf.set(code, i);
  }
  const childSums = new Map<string, { sum: number; codes: string[] }>();
  let fieldSum = 0;
  for (const [i, { code, maxPoints }] of criteria.entries()) {
    const parent = parentCodeOf(code);
    if (parent === null) {
      fieldSum += maxPoints;
      continue;
    }
    if (!indexOf.has(parent)) return { field: `criteria[${i}].code`, message: `the parent ${parent} of ${code} is not in the list` };
    const entry = childSums.get(parent) ?? { sum: 0, codes: [] };
    entry.sum += maxPoints;
    entry.codes.push(code);
    childSums.set(parent, entry);
  }
  for (const [parent, { sum, codes }] of childSums) {
    const i = indexOf.get(parent)!;
    const max = criteria[i]!.maxPoints;
    if (sum !== max) {
      return {
        field: `criteria[${i}].maxPoints`,
        message: `the children of ${parent} (${codes.join(", ")}) add up to ${fromHundredths(sum)}, not its maximum ${fromHundredths(max)}`,
      };
    }
  }
  if (fieldSum !== maxTotal) {
    return { field: "maxTotal", message: `is ${fromHundredths(maxTotal)} but the fields (top-level criteria) add up to ${fromHundredths(fieldSum)}` };
  }
  return null;
}

/** The codes of criteria that have children. */
export function parentCodes(codes: readonly string[]): Set<string> {
  const parents = new Set<string>();
  for (const code of codes) {
    const parent = parentCodeOf(code);
    if (parent !== null) parents.add(parent);
  }
  return parents;
}

/** Sort key putting parents before their children (fewer segments first), otherwise keeping input order. */
export function depthOf(code: string): number {
  return code.split(".").length;
}
