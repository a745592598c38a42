import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../shared/pagination.js";
import { AgencyUnitKind } from "../agency-units/agency-unit.types.js";

export enum IndexScoringMethod {
  APPRAISAL = "APPRAISAL",
  SURVEY = "SURVEY",
  MIXED = "MIXED",
}
registerEnumType(IndexScoringMethod, {
  name: "IndexScoringMethod",
  description: "How a criterion is scored.",
  valuesConfig: {
    APPRAISAL: { description: "Self-assessed by the unit, then appraised (thẩm định): `selfScore`, `appraisedScore`." },
    SURVEY: { description: "By the sociological survey (điều tra xã hội học): `surveyScore` only." },
    MIXED: { description: "Partly appraised, partly surveyed: all three scores; their counted sum stays within the maximum." },
  },
});

/** A node of a framework's criteria tree; `children` are built in memory from the framework's flat list. */
@ObjectType({ simpleResolvers: true, description: "A field (lĩnh vực), criterion (tiêu chí) or sub-criterion (tiêu chí thành phần) of an index framework." })
export class IndexCriterion {
  @Field(() => String, { description: "Dotted code: `1` a field, `1.4` a criterion, `1.4.2` a sub-criterion." })
  code!: string;

  @Field(() => String, { description: "Name, e.g. `Công tác chỉ đạo, điều hành cải cách hành chính`." })
  name!: string;

  @Field(() => Float, { description: "Maximum points (two decimals); the children's maxima add up to it." })
  maxPoints!: number;

  @Field(() => String, { nullable: true, description: "The department that scores or answers for it, e.g. `Sở Nội vụ`; null when several or unknown." })
  responsible!: string | null;

  @Field(() => IndexScoringMethod, { description: "How it is scored." })
  method!: IndexScoringMethod;

  @Field(() => Int, { description: "Depth in the tree: 1 for a field, 2 for a criterion, 3 for a sub-criterion…" })
  level!: number;

  @Field(() => String, { nullable: true, description: "The parent's code; null for a field." })
  parentCode!: string | null;

  @Field(() => Boolean, { description: "True for a criterion without children: scores are submitted for leaves only." })
  isLeaf!: boolean;

  @Field(() => [IndexCriterion], { description: "The criteria below it, in framework order." })
  children!: IndexCriterion[];
}

@ObjectType({ simpleResolvers: true, description: "An index framework (bộ chỉ số) with its criteria tree, e.g. the provincial PAR Index or SIPAS." })
export class IndexFramework {
  /** Internal id: never exposed. */
  id!: number;

  @Field(() => String, { description: "Public code, e.g. `PAR_PROVINCE`, `SIPAS`." })
  code!: string;

  @Field(() => String, { description: "Name, e.g. `Chỉ số cải cách hành chính cấp tỉnh (PAR Index)`." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What it measures, who scores, and the legal basis." })
  description!: string | null;

  @Field(() => [AgencyUnitKind], { description: "The kinds of unit it scores and ranks." })
  scoredKinds!: AgencyUnitKind[];

  @Field(() => Float, { description: "Maximum total points; the fields' maxima add up to it." })
  maxTotal!: number;

  @Field(() => Int, { nullable: true, description: "First year it applies to; null: open." })
  fromYear!: number | null;

  @Field(() => Int, { nullable: true, description: "Last year it applies to; null: still applies." })
  toYear!: number | null;

  @Field(() => Boolean, { description: "True for demo data (incomplete or unverified), not an official record." })
  isDemo!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A page of index frameworks." })
export class IndexFrameworkConnection extends Connection(IndexFramework) {}

@ObjectType({ simpleResolvers: true, description: "The result of `upsertIndexFramework`." })
export class UpsertIndexFrameworkPayload {
  @Field(() => IndexFramework, { description: "The framework as stored." })
  framework!: IndexFramework;

  @Field(() => Boolean, { description: "False when the framework was already stored exactly as sent (nothing was written)." })
  changed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A unit's stored scores for one leaf criterion and year." })
export class IndexScore {
  @Field(() => String, { description: "The criterion's code." })
  criterionCode!: string;

  @Field(() => String, { description: "The criterion's name." })
  criterionName!: string;

  @Field(() => Float, { description: "The criterion's maximum." })
  maxPoints!: number;

  @Field(() => Float, { nullable: true, description: "Self-assessed score (tự chấm)." })
  selfScore!: number | null;

  @Field(() => Float, { nullable: true, description: "Appraised score (thẩm định); replaces the self-assessed score when present." })
  appraisedScore!: number | null;

  @Field(() => Float, { nullable: true, description: "Sociological-survey score (điều tra xã hội học)." })
  surveyScore!: number | null;

  @Field(() => Float, { description: "The counted points: (appraisedScore, else selfScore, else 0) + (surveyScore or 0)." })
  points!: number;

  @Field(() => Date, { description: "When these scores were last changed." })
  submittedAt!: Date;
}
