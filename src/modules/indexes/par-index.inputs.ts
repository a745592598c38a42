import { Field, Float, InputType, Int } from "type-graphql";
import { AgencyUnitKind } from "../agency-units/agency-unit.types.js";
import { IndexScoringMethod } from "./par-index.types.js";

@InputType({ description: "One criterion of a framework being written. Its parent is its code without the last segment (`1.4` for `1.4.2`)." })
export class IndexCriterionInput {
  @Field(() => String, { description: "Dotted code, unique in the framework: `1` a field, `1.4` a criterion, `1.4.2` a sub-criterion (at most 6 levels)." })
  code!: string;

  @Field(() => String, { description: "Name, at most 1,000 characters." })
  name!: string;

  @Field(() => Float, {
    description: "Maximum points, 0–10,000 with at most two decimals. The children of a criterion must add up exactly to its maximum.",
  })
  maxPoints!: number;

  @Field(() => String, { nullable: true, description: "The responsible department, e.g. `Sở Nội vụ`, at most 255 characters." })
  responsible?: string | null;

  @Field(() => IndexScoringMethod, { nullable: true, description: "How it is scored; default APPRAISAL." })
  method?: IndexScoringMethod | null;
}

@InputType({
  description:
    "An index framework to create or replace, keyed by `code`. The criteria list replaces the stored one whole (its " +
    "order is the display order); a criterion that has scores cannot be removed, gain children, or get a maximum " +
    "below a stored score.",
})
export class IndexFrameworkInput {
  @Field(() => String, { description: "Public code: capitals, digits and `_`, 2–40 characters, e.g. `PAR_PROVINCE`, `PAR_DEPARTMENT_H06`." })
  code!: string;

  @Field(() => String, { description: "Name, at most 500 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What it measures, who scores, legal basis; at most 4,000 characters." })
  description?: string | null;

  @Field(() => [AgencyUnitKind], { description: "The kinds of unit it scores (at least one), e.g. `[PROVINCE]` or `[PROVINCIAL_DEPARTMENT]`." })
  scoredKinds!: AgencyUnitKind[];

  @Field(() => Float, { description: "Maximum total, with at most two decimals; the fields (top-level criteria) must add up exactly to it." })
  maxTotal!: number;

  @Field(() => Int, { nullable: true, description: "First year it applies to (1990–2100); null: open." })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: "Last year it applies to (not before `fromYear`); null: still applies." })
  toYear?: number | null;

  @Field(() => [IndexCriterionInput], { description: "The whole criteria tree as a flat list, at most 2,000 criteria." })
  criteria!: IndexCriterionInput[];
}

@InputType({
  description:
    "Scores of one unit for one leaf criterion in one year; the batch key is `FRAMEWORK/YEAR/UNIT/CRITERION`. " +
    "A score left out keeps its stored value, a score sent as null clears it; when no score remains the row is " +
    "deleted. Scores have at most two decimals, each is from 0 to the criterion's maximum, and the counted points " +
    "(appraised, else self-assessed, plus survey) must not exceed the maximum either.",
})
export class IndexScoreInput {
  @Field(() => String, { description: "The framework's code, e.g. `PAR_PROVINCE`." })
  framework!: string;

  @Field(() => Int, { description: "The year scored; within the framework's years." })
  year!: number;

  @Field(() => String, { description: "The scored unit's electronic code; it must exist during the year and be of a kind the framework scores." })
  unitCode!: string;

  @Field(() => String, { description: "The leaf criterion's code, e.g. `1.4.2`." })
  criterionCode!: string;

  @Field(() => Float, { nullable: true, description: "Self-assessed score (tự chấm)." })
  selfScore?: number | null;

  @Field(() => Float, { nullable: true, description: "Appraised score (thẩm định)." })
  appraisedScore?: number | null;

  @Field(() => Float, { nullable: true, description: "Sociological-survey score (điều tra xã hội học)." })
  surveyScore?: number | null;
}

@InputType({
  description:
    "An officially published result (total, rank) of one unit for one year, keyed `FRAMEWORK/YEAR/UNIT`; replaces " +
    "the stored one. For rankings whose other units' scores are not known, e.g. Bắc Giang 2017: 82.74, 13th of 63.",
})
export class IndexResultInput {
  @Field(() => String, { description: "The framework's code." })
  framework!: string;

  @Field(() => Int, { description: "The year; within the framework's years." })
  year!: number;

  @Field(() => String, { description: "The unit's electronic code; it must exist during the year and be of a kind the framework scores." })
  unitCode!: string;

  @Field(() => Float, { description: "The published total, from 0 to the framework's maximum, at most two decimals." })
  total!: number;

  @Field(() => Int, { nullable: true, description: "The published rank, from 1 to `rankOf`." })
  rank?: number | null;

  @Field(() => Int, { nullable: true, description: "How many units the published ranking compared, 1–100,000." })
  rankOf?: number | null;

  @Field(() => String, { nullable: true, description: "Where it was published, at most 1,000 characters." })
  source?: string | null;
}
