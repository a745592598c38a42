import { Arg, Ctx, Float, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../../context.js";
import { BatchResult } from "../../../shared/batch.js";
import { DateScalar } from "../../../shared/scalars.js";
import { TargetMetric } from "../oversight.enums.js";
import { OVERSIGHT_ERRORS_TEXT } from "../oversight.errors.js";
import { PlanTargetInput, PlanTargetReportInput } from "../oversight.inputs.js";
import { metricOf, planProgress, reportPlanTargetValues, upsertPlanTargets } from "./plan.service.js";
import { MetricValue, PlanProgress } from "./plan.types.js";

@Resolver()
export class PlanResolver {
  @Query(() => PlanProgress, {
    description:
      "Every target of a plan evaluated now, per unit: the value (computed by the hub from its own data over " +
      "`periodFrom`..today, or the deadline once past; or the unit's reported value), the threshold, met or not, and the " +
      "units behind. Public (aggregates). NOT_FOUND when the plan has no targets.",
  })
  planProgress(@Arg("symbol", () => String, { description: "The plan's symbol, e.g. `53/KH-UBND`." }) symbol: string, @Ctx() ctx: Context): Promise<PlanProgress> {
    return planProgress(ctx, symbol);
  }

  @Query(() => MetricValue, {
    description: "One metric of one unit over a period, computed as plan targets compute it (e.g. the share of Gia Lâm's procedures with a reduced time). Public.",
  })
  targetMetric(
    @Arg("metric", () => TargetMetric, { description: "The metric (not REPORTED)." }) metric: TargetMetric,
    @Arg("agencyCode", () => String, { description: "The unit's code." }) agencyCode: string,
    @Arg("from", () => DateScalar, { description: "First day measured." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day measured; the tree is taken on this day." }) to: string,
    @Arg("parameter", () => Float, { nullable: true, description: "REDUCED_TIME_SHARE: the reduction in percent." }) parameter: number | null,
    @Ctx() ctx: Context,
  ): Promise<MetricValue> {
    return metricOf(ctx, metric, agencyCode, from, to, parameter);
  }

  @Mutation(() => BatchResult, {
    description:
      "Creates or updates targets of plans; (planSymbol, code) is the key. The plan must be a stored legal document of " +
      `the issuer. Each item whole or not at all, audited; needs the WRITER role for the issuer. Item error codes: ${OVERSIGHT_ERRORS_TEXT}.`,
  })
  upsertPlanTargets(@Arg("input", () => [PlanTargetInput], { description: "The targets." }) input: PlanTargetInput[], @Ctx() ctx: Context) {
    return upsertPlanTargets(ctx, input);
  }

  @Mutation(() => BatchResult, {
    description: `Records units' values of REPORTED targets (the latest counts). Needs the WRITER role for the unit. Item error codes: ${OVERSIGHT_ERRORS_TEXT}.`,
  })
  reportPlanTargetValues(@Arg("input", () => [PlanTargetReportInput], { description: "The values." }) input: PlanTargetReportInput[], @Ctx() ctx: Context) {
    return reportPlanTargetValues(ctx, input);
  }
}
