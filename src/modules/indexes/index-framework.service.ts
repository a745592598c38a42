import type { Context } from "../../context.js";
import type { Tx } from "../../db/client.js";
import type { IndexCriterionRow, IndexFrameworkRow } from "../../db/schema/indexes.js";
import { ItemError, type BatchContext } from "../../shared/batch.js";
import { BadInputError } from "../../shared/errors.js";
import { pageRequest, toConnection } from "../../shared/pagination.js";
import { cleanText } from "../../shared/text.js";
import { assertAdmin, recordAudit } from "../access/access.service.js";
import { AgencyUnitKind } from "../agency-units/agency-unit.types.js";
import { fromHundredths, toHundredths } from "./index-points.js";
import { criteriaTreeProblem, depthOf, FRAMEWORK_CODE, parentCodeOf, parentCodes } from "./index-tree.js";
import type { IndexCriterionInput, IndexFrameworkInput } from "./par-index.inputs.js";
import { toIndexFramework } from "./par-index.mapper.js";
import {
  countFrameworks, deleteCriteria, findCriteria, findFrameworkByCode, frameworkPage, insertCriteria, insertFramework,
  scoredCriteria, updateCriterion, updateFramework, yearsInUse, type CriterionValues, type FrameworkValues,
} from "./par-index.store.js";
import { yearsText } from "./index-target.js";
import { IndexScoringMethod, type IndexFramework, type UpsertIndexFrameworkPayload } from "./par-index.types.js";

const MAX = { name: 500, description: 4000, criterionName: 1000, responsible: 255, criteria: 2000, points: 1_000_000 } as const;
const KIND_ORDER = Object.values(AgencyUnitKind);
const CURSOR_KIND = "IndexFramework";

/** Internal options of a framework write; not reachable through the API. */
export interface UpsertIndexFrameworkOptions {
  /** Mark the framework as demo data (the demo loader writes through this service). */
  demo?: boolean;
}

/** `indexFramework(code)`: null when no framework has the code. */
export async function getIndexFramework(ctx: Context, code: string): Promise<IndexFramework | null> {
  if (code.length > 40) throw new BadInputError("code", "must be at most 40 characters");
  const row = await findFrameworkByCode(ctx.db, code.trim());
  return row ? toIndexFramework(row) : null;
}

/** `indexFrameworks(first, after)`: by code. */
export async function listIndexFrameworks(ctx: Context, first?: number | null, after?: string | null) {
  const page = pageRequest(CURSOR_KIND, first, after);
  const [code] = page.after ?? [];
  if (page.after && (page.after.length !== 1 || typeof code !== "string")) throw new BadInputError("after", "is not a cursor of this list");
  const rows = await frameworkPage(ctx.db, code as string | undefined, page.first + 1);
  return toConnection(CURSOR_KIND, rows, page, (row) => [row.code], toIndexFramework, () => countFrameworks(ctx.db));
}

/**
 * `upsertIndexFramework`: creates or replaces a framework and its whole criteria tree (administrators only). The
 * input is validated first (see {@link validateFramework}); then, under a lock on the framework row, the stored
 * scores are checked: a scored criterion must stay, stay a leaf and keep a maximum that holds its scores, and the
 * years must still cover every year holding scores or results. Sending the stored framework again changes nothing.
 */
export async function upsertIndexFramework(
  ctx: BatchContext,
  input: IndexFrameworkInput,
  options: UpsertIndexFrameworkOptions = {},
): Promise<UpsertIndexFrameworkPayload> {
  assertAdmin(ctx.viewer);
  const { values, criteria } = validateFramework(input, options.demo ?? false);
  return ctx.db.transaction(async (tx) => {
    let row = await findFrameworkByCode(tx, values.code, "update");
    let created = false;
    if (!row) {
      row = await insertFramework(tx, values);
      created = row !== undefined;
      // Inserted by a concurrent request that has committed since: update it like any existing framework.
      row ??= await findFrameworkByCode(tx, values.code, "update");
      if (!row) throw new BadInputError("input.code", "the framework changed concurrently; send it again");
    }
    const stored = await findCriteria(tx, [row.id]);
    if (!created && sameFramework(row, values) && sameCriteria(stored, criteria)) return { framework: toIndexFramework(row), changed: false };
    if (!created) await checkScoresStillFit(tx, row, values, stored, criteria);
    const updated = await updateFramework(tx, row.id, values);
    await replaceCriteria(tx, row.id, stored, criteria);
    await recordAudit(tx, ctx.viewer, "upsertIndexFramework", values.code);
    return { framework: toIndexFramework(updated), changed: true };
  });
}

/**
 * Checks everything that needs no database, each problem a BAD_USER_INPUT naming its field (`input.criteria[3].code`):
 * formats and lengths, at least one scored kind, years 1990–2100 in order, points with two decimals, and the tree
 * rules of {@link criteriaTreeProblem}.
 */
export function validateFramework(input: IndexFrameworkInput, demo: boolean): { values: FrameworkValues; criteria: CriterionValues[] } {
  const code = input.code.trim();
  if (!FRAMEWORK_CODE.test(code)) throw new BadInputError("input.code", "must be 2–40 capitals, digits or _, starting with a letter, e.g. PAR_PROVINCE");
  const kinds = [...new Set(input.scoredKinds)].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  if (kinds.length === 0) throw new BadInputError("input.scoredKinds", "must name at least one kind of unit");
  const maxTotal = points("input.maxTotal", input.maxTotal);
  if (maxTotal === 0) throw new BadInputError("input.maxTotal", "must be more than 0");
  const fromYear = year("input.fromYear", input.fromYear);
  const toYear = year("input.toYear", input.toYear);
  if (fromYear !== null && toYear !== null && toYear < fromYear) throw new BadInputError("input.toYear", `must not be before fromYear (${fromYear})`);
  if (input.criteria.length > MAX.criteria) throw new BadInputError("input.criteria", `must hold at most ${MAX.criteria} criteria`);
  const criteria = input.criteria.map((c, i) => criterionValues(c, i));
  const problem = criteriaTreeProblem(criteria.map((c) => ({ code: c.code, maxPoints: toHundredths(c.maxPoints)! })), maxTotal);
  if (problem) throw new BadInputError(`input.${problem.field}`, problem.message);
  return {
    values: {
      code,
      name: text("input.name", input.name, MAX.name),
      description: text("input.description", input.description, MAX.description, true),
      scoredKinds: kinds,
      maxTotal: fromHundredths(maxTotal),
      fromYear,
      toYear,
      demo,
    },
    criteria,
  };
}

function criterionValues(c: IndexCriterionInput, i: number): CriterionValues {
  return {
    code: c.code.trim(),
    name: text(`input.criteria[${i}].name`, c.name, MAX.criterionName),
    maxPoints: fromHundredths(points(`input.criteria[${i}].maxPoints`, c.maxPoints)),
    responsible: text(`input.criteria[${i}].responsible`, c.responsible, MAX.responsible, true),
    method: c.method ?? IndexScoringMethod.APPRAISAL,
    position: i,
  };
}

/** Points in hundredths: 0 up to a million, at most two decimals. */
function points(field: string, value: number): number {
  const hundredths = toHundredths(value);
  if (hundredths === null) throw new BadInputError(field, `must be a number with at most two decimals (got ${value})`);
  if (hundredths < 0 || hundredths > MAX.points * 100) throw new BadInputError(field, `must be from 0 to ${MAX.points} (got ${value})`);
  return hundredths;
}

function year(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (value < 1990 || value > 2100) throw new BadInputError(field, `must be from 1990 to 2100 (got ${value})`);
  return value;
}

/** {@link cleanText} for a single (not batch) mutation: its item error becomes a BAD_USER_INPUT. */
function text(field: string, value: string | null | undefined, max: number): string;
function text(field: string, value: string | null | undefined, max: number, optional: true): string | null;
function text(field: string, value: string | null | undefined, max: number, optional = false): string | null {
  try {
    return optional ? cleanText(field, value, max, true) : cleanText(field, value ?? "", max);
  } catch (error) {
    if (error instanceof ItemError) throw new BadInputError(field, error.message.replace(`${field} `, ""));
    throw error;
  }
}

function sameFramework(row: IndexFrameworkRow, values: FrameworkValues): boolean {
  return (
    row.name === values.name &&
    row.description === values.description &&
    row.scoredKinds.join() === values.scoredKinds.join() &&
    Number(row.maxTotal) === values.maxTotal &&
    row.fromYear === values.fromYear &&
    row.toYear === values.toYear &&
    row.demo === values.demo
  );
}

function sameCriteria(stored: IndexCriterionRow[], criteria: CriterionValues[]): boolean {
  if (stored.length !== criteria.length) return false;
  const byCode = new Map(stored.map((row) => [row.code, row]));
  return criteria.every((c) => {
    const row = byCode.get(c.code);
    return (
      row !== undefined && row.name === c.name && Number(row.maxPoints) === c.maxPoints && row.responsible === c.responsible &&
      row.method === c.method && row.position === c.position
    );
  });
}

/** Scores and published results stored under the framework must still fit the new version. */
async function checkScoresStillFit(tx: Tx, row: IndexFrameworkRow, values: FrameworkValues, stored: IndexCriterionRow[], criteria: CriterionValues[]) {
  const used = await yearsInUse(tx, row.id);
  if (used && ((values.fromYear !== null && used.first < values.fromYear) || (values.toYear !== null && used.last > values.toYear))) {
    const span = used.first === used.last ? `${used.first}` : `${used.first}–${used.last}`;
    throw new BadInputError("input.fromYear", `${yearsText(values)} does not cover ${span}, which holds scores or published results`);
  }
  const scored = await scoredCriteria(tx, row.id);
  if (scored.size === 0) return;
  const next = new Map(criteria.map((c, i) => [c.code, { c, i }]));
  const nextParents = parentCodes(criteria.map((c) => c.code));
  for (const old of stored) {
    const highest = scored.get(old.id);
    if (highest === undefined) continue;
    const found = next.get(old.code);
    if (!found) throw new BadInputError("input.criteria", `criterion ${old.code} has scores and cannot be removed`);
    if (nextParents.has(old.code)) throw new BadInputError("input.criteria", `criterion ${old.code} has scores and cannot get sub-criteria`);
    if (found.c.maxPoints < highest) {
      throw new BadInputError(`input.criteria[${found.i}].maxPoints`, `must be at least ${highest}, a score stored for criterion ${old.code}`);
    }
  }
}

/**
 * Updates the criteria kept, deletes those left out and inserts the new ones parents first. A kept code keeps its
 * parent: the parent of a code is a function of the code, and a kept code's parent is in the list too.
 */
async function replaceCriteria(tx: Tx, frameworkId: number, stored: IndexCriterionRow[], criteria: CriterionValues[]): Promise<void> {
  const wanted = new Set(criteria.map((c) => c.code));
  await deleteCriteria(tx, stored.filter((row) => !wanted.has(row.code)).map((row) => row.id));
  const ids = new Map(stored.filter((row) => wanted.has(row.code)).map((row) => [row.code, row.id]));
  const byCode = new Map(stored.map((row) => [row.code, row]));
  for (const c of criteria) {
    const row = byCode.get(c.code);
    const changed = row && (row.name !== c.name || Number(row.maxPoints) !== c.maxPoints || row.responsible !== c.responsible || row.method !== c.method || row.position !== c.position);
    if (changed) await updateCriterion(tx, row.id, c);
  }
  // One statement per tree level: a level's parents are stored before it.
  const fresh = criteria.filter((c) => !ids.has(c.code));
  for (const depth of [...new Set(fresh.map((c) => depthOf(c.code)))].sort((a, b) => a - b)) {
    const level = fresh
      .filter((c) => depthOf(c.code) === depth)
      .map((c) => ({ ...c, parentId: parentCodeOf(c.code) === null ? null : ids.get(parentCodeOf(c.code)!)! }));
    for (const [code, id] of await insertCriteria(tx, frameworkId, level)) ids.set(code, id);
  }
}
