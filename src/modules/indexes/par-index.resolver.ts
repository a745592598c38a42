import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { BatchResult } from "../../shared/batch.js";
import { getIndexFramework, listIndexFrameworks, upsertIndexFramework } from "./index-framework.service.js";
import { getIndexHistory, getIndexRanking, getIndexScores } from "./index-ranking.service.js";
import { publishIndexResults, submitIndexScores } from "./index-scores.service.js";
import { IndexFrameworkInput, IndexResultInput, IndexScoreInput } from "./par-index.inputs.js";
import { toCriteriaTree } from "./par-index.mapper.js";
import { IndexRanking, IndexYearResult } from "./index-ranking.types.js";
import { IndexCriterion, IndexFramework, IndexFrameworkConnection, IndexScore, UpsertIndexFrameworkPayload } from "./par-index.types.js";

const FRAMEWORK_ARG = { description: "The framework's code, e.g. `PAR_PROVINCE`." } as const;

@Resolver(() => IndexFramework)
export class IndexResolver {
  @Query(() => IndexFramework, { nullable: true, description: "One index framework by code, with its criteria tree; null when none has the code." })
  indexFramework(@Arg("code", () => String, FRAMEWORK_ARG) code: string, @Ctx() ctx: Context): Promise<IndexFramework | null> {
    return getIndexFramework(ctx, code);
  }

  @Query(() => IndexFrameworkConnection, { description: "Index frameworks, by code." })
  indexFrameworks(
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0–100 (default 20)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "The `endCursor` of the previous page." }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listIndexFrameworks(ctx, first, after);
  }

  @Query(() => IndexRanking, {
    description:
      "The units of a framework ranked for a year, with totals and field subtotals, compared like with like: only " +
      "units that exist on the year's last day (the 63-province map up to 2024, the 34-province map from 2025) and " +
      "have scores are ranked; units known only by a published result are shown with their published rank. " +
      "NOT_FOUND for an unknown framework or parent unit.",
  })
  indexRanking(
    @Arg("framework", () => String, FRAMEWORK_ARG) framework: string,
    @Arg("year", () => Int, { description: "The year; within the framework's years." }) year: number,
    @Arg("parentCode", () => String, {
      nullable: true,
      description: "Rank only the units below this unit (at any depth), e.g. a province's departments; default: the whole country.",
    })
    parentCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<IndexRanking> {
    return getIndexRanking(ctx, framework, year, parentCode);
  }

  @Query(() => [IndexYearResult], {
    description: "A unit's results across the years, oldest first: computed totals and ranks, published figures. NOT_FOUND for an unknown framework or unit.",
  })
  indexHistory(
    @Arg("framework", () => String, FRAMEWORK_ARG) framework: string,
    @Arg("unitCode", () => String, { description: "The unit's electronic code." }) unitCode: string,
    @Ctx() ctx: Context,
  ): Promise<IndexYearResult[]> {
    return getIndexHistory(ctx, framework, unitCode);
  }

  @Query(() => [IndexScore], {
    description: "A unit's stored scores for a year, per leaf criterion, in framework order. NOT_FOUND for an unknown framework or unit.",
  })
  indexScores(
    @Arg("framework", () => String, FRAMEWORK_ARG) framework: string,
    @Arg("year", () => Int, { description: "The year; within the framework's years." }) year: number,
    @Arg("unitCode", () => String, { description: "The unit's electronic code (the unit carrying it during the year)." }) unitCode: string,
    @Ctx() ctx: Context,
  ): Promise<IndexScore[]> {
    return getIndexScores(ctx, framework, year, unitCode);
  }

  @Mutation(() => UpsertIndexFrameworkPayload, {
    description:
      "Creates or replaces an index framework with its whole criteria tree (administrators only). The tree must add " +
      "up: children's maxima to their parent's, fields' maxima to `maxTotal`. BAD_USER_INPUT naming the field otherwise, " +
      "or when the change would strand stored scores.",
  })
  upsertIndexFramework(
    @Arg("input", () => IndexFrameworkInput, { description: "The framework." }) input: IndexFrameworkInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertIndexFrameworkPayload> {
    return upsertIndexFramework(ctx, input);
  }

  @Mutation(() => BatchResult, {
    description:
      "Stores self-assessed, appraised and survey scores per unit, year and leaf criterion; key " +
      "`FRAMEWORK/YEAR/UNIT/CRITERION`. Needs write access at each scored unit. Item errors: UNKNOWN_REFERENCE " +
      "(framework, unitCode, criterionCode), INVALID_REFERENCE (unit of a kind not scored), NOT_A_LEAF, OUT_OF_RANGE " +
      "(year, a score, the counted sum), INVALID_FORMAT, NOT_APPLICABLE (a score the criterion's method has not), " +
      "REQUIRED, FORBIDDEN, CONFLICT.",
  })
  submitIndexScores(
    @Arg("input", () => [IndexScoreInput], { description: "The scores, at most the batch limit (1,000 by default)." }) input: IndexScoreInput[],
    @Ctx() ctx: Context,
  ): Promise<BatchResult> {
    return submitIndexScores(ctx, input);
  }

  @Mutation(() => BatchResult, {
    description:
      "Stores officially published results (total, rank of how many); key `FRAMEWORK/YEAR/UNIT`. Needs write access " +
      "at each unit. Item errors: UNKNOWN_REFERENCE, INVALID_REFERENCE, OUT_OF_RANGE, INVALID_FORMAT, TOO_LONG, FORBIDDEN, CONFLICT.",
  })
  publishIndexResults(
    @Arg("input", () => [IndexResultInput], { description: "The results, at most the batch limit." }) input: IndexResultInput[],
    @Ctx() ctx: Context,
  ): Promise<BatchResult> {
    return publishIndexResults(ctx, input);
  }

  @FieldResolver(() => [IndexCriterion], { description: "The criteria tree: the fields (top level), each with nested `children`, in framework order." })
  async criteria(@Root() framework: IndexFramework, @Ctx() ctx: Context): Promise<IndexCriterion[]> {
    return toCriteriaTree(await ctx.loaders.indexes.criteria.load(framework.id));
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const indexResolvers = [IndexResolver] as const;
