import type { Context } from "../../../context.js";
import type { Db } from "../../../db/client.js";
import { runBatch, type BatchContext, type BatchResult } from "../../../shared/batch.js";
import { BadInputError, NotFoundError } from "../../../shared/errors.js";
import { isValidDate, vnToday } from "../../../shared/scalars.js";
import { cleanText } from "../../../shared/text.js";
import { assertWriter, isWithin } from "../../access/access.service.js";
import { unitRowByCode, unitViewsByIds } from "../../agency-units/agency-unit.service.js";
import { AgencyUnitKind } from "../../agency-units/agency-unit.types.js";
import { dashboard } from "../../dashboards/query/dashboard.service.js";
import { serviceIndex } from "../../dashboards/service-index/scorecard.service.js";
import { canonicalSymbol } from "../../legal-documents/document-symbol.js";
import { resolveDocumentRef } from "../../legal-documents/legal-document.service.js";
import { countInspectedUnits } from "../oversight-counts.store.js";
import { TargetMetric, TargetScope } from "../oversight.enums.js";
import { OversightErrorCode as E, oversightError } from "../oversight.errors.js";
import type { PlanTargetInput, PlanTargetReportInput } from "../oversight.inputs.js";
import { oversight } from "../read/oversight.service.js";
import { checkDay, sameValues, writableUnit } from "../write/oversight-rules.js";
import { findPlanTargets, findReports, lockPlanTarget, reducedTimeCounts, savePlanTarget, saveReport, unitsOfKinds, type PlanTargetRow } from "./plan.store.js";
import type { MetricValue, PlanProgress, PlanTargetProgress } from "./plan.types.js";

export const UPSERT_PLAN_TARGETS = "upsertPlanTargets";
export const REPORT_TARGET_VALUES = "reportPlanTargetValues";

const UNIT_KINDS = new Set<string>(Object.values(AgencyUnitKind));

/** `upsertPlanTargets`: (planSymbol, code) is the key; the plan must be a stored document. */
export async function upsertPlanTargets(ctx: BatchContext, items: PlanTargetInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, UPSERT_PLAN_TARGETS, items, (i) => `${canonicalSymbol(i.planSymbol)}#${i.code.trim()}`, async (tx, input) => {
    const planSymbol = canonicalSymbol(input.planSymbol);
    const code = cleanText("code", input.code, 40);
    const periodFrom = input.periodFrom;
    if (!isValidDate(periodFrom)) throw oversightError(E.INVALID_DATE, "periodFrom", "must be a date YYYY-MM-DD");
    if (!isValidDate(input.deadline)) throw oversightError(E.INVALID_DATE, "deadline", "must be a date YYYY-MM-DD");
    if (input.deadline < periodFrom) throw oversightError(E.INVALID_DATE, "deadline", "must not be before periodFrom");
    const percentMetric = input.metric !== TargetMetric.REPORTED;
    if (!Number.isFinite(input.threshold) || input.threshold < 0 || (percentMetric && input.threshold > 100)) {
      throw oversightError(E.OUT_OF_RANGE, "threshold", percentMetric ? "must be a percentage from 0 to 100" : "must be a non-negative number");
    }
    let parameter: string | null = null;
    if (input.metric === TargetMetric.REDUCED_TIME_SHARE) {
      if (input.parameter == null || !(input.parameter > 0 && input.parameter < 100)) {
        throw oversightError(E.REQUIRED, "parameter", "REDUCED_TIME_SHARE needs the reduction in percent, above 0 and below 100");
      }
      parameter = String(input.parameter);
    } else if (input.parameter != null) throw oversightError(E.OUT_OF_RANGE, "parameter", `is not used by ${input.metric}`);
    const unitKinds = [...new Set(input.unitKinds ?? [])].sort();
    if (input.scope === TargetScope.EACH_UNIT && unitKinds.length === 0) throw oversightError(E.REQUIRED, "unitKinds", "EACH_UNIT names the unit kinds evaluated");
    const unknownKind = unitKinds.find((k) => !UNIT_KINDS.has(k));
    if (unknownKind) throw oversightError(E.UNKNOWN_REFERENCE, "unitKinds", `${unknownKind} is not an agency unit kind`);
    const issuer = await writableUnit(ctx, tx, "issuerUnitCode", input.issuerUnitCode, periodFrom);
    const plan = await resolveDocumentRef(tx, { symbol: planSymbol, issuerCode: issuer.code });
    if (!plan.ok) throw oversightError(E.UNKNOWN_REFERENCE, "planSymbol", plan.message);
    const values = {
      planSymbol, code, description: cleanText("description", input.description, 1000), issuerUnitId: issuer.id, metric: input.metric, parameter,
      scope: input.scope, unitKinds, threshold: String(input.threshold), periodFrom, deadline: input.deadline,
    };
    const stored = await lockPlanTarget(tx, planSymbol, code);
    if (stored && sameValues({ ...values, parameter: numeric(values.parameter), threshold: Number(values.threshold) }, { ...stored, parameter: numeric(stored.parameter), threshold: Number(stored.threshold) })) {
      return "unchanged";
    }
    await savePlanTarget(tx, stored?.id ?? null, values);
    return "applied";
  });
}

const numeric = (v: string | null) => (v === null ? null : Number(v));

/** `reportPlanTargetValues`: a unit's value of a REPORTED target (the latest report counts). */
export async function reportPlanTargetValues(ctx: BatchContext, items: PlanTargetReportInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, REPORT_TARGET_VALUES, items, (i) => `${canonicalSymbol(i.planSymbol)}#${i.code.trim()}@${i.unitCode.trim()}`, async (tx, input) => {
    const reportedOn = checkDay("reportedOn", input.reportedOn);
    if (!Number.isFinite(input.value) || input.value < 0) throw oversightError(E.OUT_OF_RANGE, "value", "must be a non-negative number");
    const target = await lockPlanTarget(tx, canonicalSymbol(input.planSymbol), input.code.trim());
    if (!target) throw oversightError(E.UNKNOWN_REFERENCE, "code", `plan ${canonicalSymbol(input.planSymbol)} has no target ${input.code.trim()}`);
    if (target.metric !== TargetMetric.REPORTED) throw oversightError(E.INVALID_TRANSITION, "code", `target ${target.code} is computed by the hub (${target.metric}), not reported`);
    const unit = await writableUnit(ctx, tx, "unitCode", input.unitCode, reportedOn);
    const [issuer] = await unitViewsByIds(tx, [target.issuerUnitId]);
    if (!isWithin(unit.path, issuer!.path)) throw oversightError(E.FORBIDDEN, "unitCode", `${unit.code} is not inside the subtree of the plan's issuer ${issuer!.code}`);
    return (await saveReport(tx, target.id, unit.id, input.value, reportedOn)) ? "applied" : "unchanged";
  });
}

interface Unit {
  id: number;
  code: string;
  name: string;
  path: string;
}

/** A hub metric of one unit over a period (percent), or the unit's reported value. */
async function measure(db: Db, target: Pick<PlanTargetRow, "metric" | "parameter" | "id">, unit: Unit, from: string, to: string, reported: Map<number, number>): Promise<MetricValue> {
  const base = { unitCode: unit.code, unitName: unit.name };
  const pct = (n: number, d: number) => ({ ...base, value: d > 0 ? (100 * n) / d : null, numerator: n, denominator: d });
  const args = { agencyCode: unit.code, from, to, asOf: to };
  switch (target.metric as TargetMetric) {
    case TargetMetric.REDUCED_TIME_SHARE: {
      const counts = (await reducedTimeCounts(db, [unit.id], Number(target.parameter))).get(unit.id) ?? { reduced: 0, total: 0 };
      return pct(counts.reduced, counts.total);
    }
    case TargetMetric.ON_TIME_RATE: {
      const d = await dashboard(db, args, { months: false, fields: false, procedures: false });
      return pct(d.early + d.onTime, d.resolved);
    }
    case TargetMetric.ONLINE_SHARE: {
      const d = await dashboard(db, args, { months: false, fields: false, procedures: false });
      return pct(d.receivedOnline, d.received);
    }
    case TargetMetric.UNITS_INSPECTED_SHARE: {
      const c = await countInspectedUnits(db, unit.path, from, to);
      return pct(c.inspected, c.units);
    }
    case TargetMetric.PETITION_RESOLUTION_RATE: {
      const o = await oversight(db, args);
      return pct(o.petitions.resolved, o.petitions.received);
    }
    case TargetMetric.SERVICE_INDEX: {
      const s = await serviceIndex(db, args);
      return { ...base, value: s.scoredShare === null ? null : 100 * s.scoredShare, numerator: s.points, denominator: s.scoredMaxPoints };
    }
    case TargetMetric.REPORTED: {
      const value = reported.get(unit.id);
      return { ...base, value: value ?? null, numerator: null, denominator: null };
    }
  }
}

/** `planProgress(symbol)`: every target of the plan evaluated now, per unit. */
export async function planProgress(ctx: Pick<Context, "db">, symbol: string, now = new Date()): Promise<PlanProgress> {
  const planSymbol = canonicalSymbol(symbol);
  const targets = await findPlanTargets(ctx.db, planSymbol);
  if (targets.length === 0) throw new NotFoundError("plan with targets", planSymbol);
  const today = vnToday(now);
  const evaluated: PlanTargetProgress[] = [];
  for (const target of targets) {
    const measuredTo = target.deadline < today ? target.deadline : today;
    const [issuer] = await unitsById(ctx.db, target.issuerUnitId);
    const units: Unit[] = target.scope === TargetScope.ISSUER_SUBTREE ? [issuer!] : await unitsOfKinds(ctx.db, issuer!.path, target.unitKinds, measuredTo);
    const reported = target.metric === TargetMetric.REPORTED ? await findReports(ctx.db, target.id) : new Map<number, number>();
    const threshold = Number(target.threshold);
    const results = [];
    for (const unit of units) {
      const value = await measure(ctx.db, target, unit, target.periodFrom, measuredTo, reported);
      results.push({ ...value, met: value.value === null ? null : value.value >= threshold });
    }
    evaluated.push({
      code: target.code, description: target.description, metric: target.metric as TargetMetric, parameter: numeric(target.parameter),
      scope: target.scope as TargetScope, unitKinds: target.unitKinds, threshold, periodFrom: target.periodFrom, deadline: target.deadline, measuredTo,
      unitsEvaluated: results.length, unitsMet: results.filter((r) => r.met === true).length,
      unitsBehind: results.filter((r) => r.met !== true).map((r) => r.unitCode), units: results,
    });
  }
  return { symbol: planSymbol, evaluatedAt: now, targets: evaluated };
}

async function unitsById(db: Db, id: number): Promise<Unit[]> {
  return (await unitViewsByIds(db, [id])).map((u) => ({ id: u.id, code: u.code, name: u.name, path: u.path }));
}

/** `targetMetric(metric, agencyCode, from, to, parameter)`: one metric of one unit, as targets evaluate it. */
export async function metricOf(ctx: Pick<Context, "db">, metric: TargetMetric, agencyCode: string, from: string, to: string, parameter: number | null): Promise<MetricValue> {
  if (metric === TargetMetric.REPORTED) throw new BadInputError("metric", "REPORTED values belong to a plan target; use planProgress");
  if (metric === TargetMetric.REDUCED_TIME_SHARE && (parameter == null || !(parameter > 0 && parameter < 100))) {
    throw new BadInputError("parameter", "REDUCED_TIME_SHARE needs the reduction in percent, above 0 and below 100");
  }
  if (!isValidDate(from)) throw new BadInputError("from", "must be a date YYYY-MM-DD");
  if (!isValidDate(to) || to < from) throw new BadInputError("to", "must be a date YYYY-MM-DD not before from");
  const unit = await unitRowByCode(ctx.db, agencyCode.trim(), to);
  if (!unit) throw new NotFoundError("agency unit", agencyCode.trim());
  return measure(ctx.db, { metric, parameter: parameter === null ? null : String(parameter), id: 0 }, unit, from, to, new Map());
}
