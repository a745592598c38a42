import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";
import { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { IndexFramework } from "./par-index.types.js";

export enum IndexExclusionReason {
  NOT_VALID_ON_REFERENCE_DATE = "NOT_VALID_ON_REFERENCE_DATE",
  KIND_NOT_SCORED = "KIND_NOT_SCORED",
}
registerEnumType(IndexExclusionReason, {
  name: "IndexExclusionReason",
  description: "Why a unit with scores or a published result is left out of a ranking.",
  valuesConfig: {
    NOT_VALID_ON_REFERENCE_DATE: {
      description:
        "The unit did not exist on the ranking's reference date (e.g. a province merged on 1 July 2025 in the 2025 " +
        "ranking, which compares the 34-province map): rankings compare like with like.",
    },
    KIND_NOT_SCORED: { description: "The unit is of a kind the framework no longer scores." },
  },
});

@ObjectType({ simpleResolvers: true, description: "A unit's points in one field (top-level criterion) of a framework." })
export class IndexFieldPoints {
  @Field(() => String, { description: "The field's code, e.g. `3`." })
  code!: string;

  @Field(() => String, { description: "The field's name." })
  name!: string;

  @Field(() => Float, { description: "Points: the sum of the counted points of its leaf criteria (0 when none is scored)." })
  points!: number;

  @Field(() => Float, { description: "The field's maximum." })
  maxPoints!: number;
}

@ObjectType({ simpleResolvers: true, description: "One unit of a ranking." })
export class IndexRankingEntry {
  @Field(() => Int, {
    nullable: true,
    description:
      "Rank among the units of this ranking that have scores (`comparedCount`), by total descending; equal totals " +
      "share a rank (1, 2, 2, 4). Null for a unit known only by its published result.",
  })
  rank!: number | null;

  @Field(() => AgencyUnit, { description: "The unit." })
  unit!: AgencyUnit;

  @Field(() => Float, {
    description: "Total points: the sum of the field points when the unit has scores, else its published total.",
  })
  total!: number;

  @Field(() => Boolean, { description: "True when the total is computed from scores; false when it is the published total." })
  computed!: boolean;

  @Field(() => Boolean, { description: "True when every leaf criterion of the framework has a score for this unit." })
  complete!: boolean;

  @Field(() => [IndexFieldPoints], { description: "Points per field, in framework order; empty for a published-only result." })
  fields!: IndexFieldPoints[];

  @Field(() => Float, { nullable: true, description: "The officially published total; null when none was published here." })
  publishedTotal!: number | null;

  @Field(() => Int, { nullable: true, description: "The officially published rank, e.g. 13 (among `publishedOf`)." })
  publishedRank!: number | null;

  @Field(() => Int, { nullable: true, description: "How many units the published ranking compared, e.g. 63." })
  publishedOf!: number | null;

  @Field(() => String, { nullable: true, description: "Where the result was published." })
  source!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A unit left out of a ranking, and why." })
export class IndexRankingExclusion {
  @Field(() => AgencyUnit, { description: "The unit." })
  unit!: AgencyUnit;

  @Field(() => IndexExclusionReason, { description: "Why it is left out." })
  reason!: IndexExclusionReason;

  @Field(() => String, { description: "The reason in words, with the dates involved." })
  message!: string;
}

@ObjectType({ simpleResolvers: true, description: "The units of a framework ranked for one year." })
export class IndexRanking {
  @Field(() => IndexFramework, { description: "The framework." })
  framework!: IndexFramework;

  @Field(() => Int, { description: "The year ranked." })
  year!: number;

  @Field(() => DateScalar, {
    description:
      "The day whose map of units is compared: the year's last day (2017 → the 63-province map, 2025 → the " +
      "34-province map of 1 July 2025). Only units that exist on this day are ranked.",
  })
  referenceDate!: string;

  @Field(() => AgencyUnit, { nullable: true, description: "The unit whose subtree is ranked; null: the whole country." })
  parent!: AgencyUnit | null;

  @Field(() => [IndexRankingEntry], {
    description: "Ranked units first (by rank, then unit code), then units known only by a published result (by published rank).",
  })
  units!: IndexRankingEntry[];

  @Field(() => Int, { description: "How many units have scores and were ranked against each other." })
  comparedCount!: number;

  @Field(() => [IndexRankingExclusion], { description: "Units in the subtree with scores or a published result for the year that are left out, by code." })
  excluded!: IndexRankingExclusion[];
}

@ObjectType({ simpleResolvers: true, description: "A unit's result in one year of a framework." })
export class IndexYearResult {
  @Field(() => Int, { description: "The year." })
  year!: number;

  @Field(() => Float, { nullable: true, description: "Total computed from scores; null when the unit has no scores that year." })
  total!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Rank of the computed total in the country-wide ranking of that year (see `indexRanking`); null when not ranked.",
  })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: "How many units that ranking compared." })
  comparedCount!: number | null;

  @Field(() => Float, { nullable: true, description: "The officially published total." })
  publishedTotal!: number | null;

  @Field(() => Int, { nullable: true, description: "The officially published rank." })
  publishedRank!: number | null;

  @Field(() => Int, { nullable: true, description: "How many units the published ranking compared." })
  publishedOf!: number | null;

  @Field(() => String, { nullable: true, description: "Where the result was published." })
  source!: string | null;
}
