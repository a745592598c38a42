import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../../shared/scalars.js";
import { AgencyUnit } from "../../agency-units/agency-unit.types.js";

export enum ServiceIndexGroupKey {
  PUBLICITY = "PUBLICITY",
  PROGRESS = "PROGRESS",
  ONLINE_SERVICE = "ONLINE_SERVICE",
  ONLINE_PAYMENT = "ONLINE_PAYMENT",
  DIGITISATION = "DIGITISATION",
  SATISFACTION = "SATISFACTION",
}
registerEnumType(ServiceIndexGroupKey, {
  name: "ServiceIndexGroupKey",
  description: "The six groups of the Decision 766/QĐ-TTg service-quality index, with their maximum points.",
  valuesConfig: {
    PUBLICITY: { description: "Công khai, minh bạch — publicity and transparency, 18 points." },
    PROGRESS: { description: "Tiến độ giải quyết — progress of resolution, 20 points." },
    ONLINE_SERVICE: { description: "Dịch vụ trực tuyến — online public services, 12 points." },
    ONLINE_PAYMENT: { description: "Thanh toán trực tuyến — online payment, 10 points." },
    DIGITISATION: { description: "Số hóa hồ sơ — digitisation, 22 points." },
    SATISFACTION: { description: "Mức độ hài lòng — satisfaction, 18 points." },
  },
});

@ObjectType({ simpleResolvers: true, description: "One count an indicator is computed from." })
export class ServiceIndexCount {
  @Field(() => String, { description: "What is counted, named as in `formula` (e.g. `early`, `resolved`)." })
  name!: string;

  @Field(() => Int, { description: "The count." })
  value!: number;
}

@ObjectType({ simpleResolvers: true, description: "One indicator of the index: its share, its points and the counts behind them." })
export class ServiceIndexIndicator {
  @Field(() => String, { description: "Stable key, e.g. `resolvedInTime`, `dossiersOnline`." })
  key!: string;

  @Field(() => String, { description: "What the indicator measures." })
  name!: string;

  @Field(() => Boolean, { description: "False when the hub has no data to compute it (see `reason`); it then has no points." })
  available!: boolean;

  @Field(() => String, { nullable: true, description: "Why it is not available; null when it is." })
  reason!: string | null;

  @Field(() => Float, { nullable: true, description: "The share the points are computed from (0 to 1); null when not available." })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: "Its points, rounded to 2 decimals; null when not available." })
  points!: number | null;

  @Field(() => Float, { description: "Its maximum points." })
  maxPoints!: number;

  @Field(() => String, { description: "How the points are computed from the counts, e.g. `20 × (early + onTime) / resolved`." })
  formula!: string;

  @Field(() => [ServiceIndexCount], { description: "The counts the formula uses." })
  counts!: ServiceIndexCount[];
}

@ObjectType({ simpleResolvers: true, description: "One group of the index." })
export class ServiceIndexGroup {
  @Field(() => ServiceIndexGroupKey, { description: "Which group." })
  key!: ServiceIndexGroupKey;

  @Field(() => String, { description: "The group's name (Vietnamese, then English)." })
  name!: string;

  @Field(() => Float, { description: "The group's maximum points in Decision 766." })
  maxPoints!: number;

  @Field(() => Boolean, { description: "True when every indicator of the group was scored." })
  available!: boolean;

  @Field(() => Float, { nullable: true, description: "The points of its scored indicators; null when none was scored." })
  points!: number | null;

  @Field(() => Float, { description: "The maximum points of its scored indicators." })
  scoredMaxPoints!: number;

  @Field(() => String, { nullable: true, description: "Why some indicators were not scored; null when all were." })
  reason!: string | null;

  @Field(() => [ServiceIndexIndicator], { description: "Its indicators." })
  indicators!: ServiceIndexIndicator[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The Decision 766/QĐ-TTg service-quality index of a unit's scope (the same scope as its `dashboard`) over a " +
    "period, computed from the hub's data. Indicators the hub has no data for are reported as not available " +
    "instead of being scored: compare `points` with `scoredMaxPoints`, not only with `maxPoints`.",
})
export class ServiceIndex {
  @Field(() => AgencyUnit, { description: "The unit." })
  unit!: AgencyUnit;

  @Field(() => DateScalar, { description: "First day of the period." })
  from!: string;

  @Field(() => DateScalar, { description: "Last day of the period (inclusive)." })
  to!: string;

  @Field(() => DateScalar, { description: "The date the tree is taken at: `asOf` or today." })
  asOf!: string;

  @Field(() => Date, { description: "When it was computed (open dossiers are counted as of this instant)." })
  computedAt!: Date;

  @Field(() => Float, { description: "Points of every scored indicator, added." })
  points!: number;

  @Field(() => Float, { description: "The maximum points of the scored indicators: the most `points` could be." })
  scoredMaxPoints!: number;

  @Field(() => Float, { description: "The maximum of the whole index: 100." })
  maxPoints!: number;

  @Field(() => Float, { nullable: true, description: "`points / scoredMaxPoints` (0 to 1); null when nothing was scored." })
  scoredShare!: number | null;

  @Field(() => [ServiceIndexGroupKey], { description: "Groups whose every indicator was scored." })
  scoredGroups!: ServiceIndexGroupKey[];

  @Field(() => [ServiceIndexGroupKey], { description: "Groups of which only some indicators were scored." })
  partlyScoredGroups!: ServiceIndexGroupKey[];

  @Field(() => [ServiceIndexGroupKey], { description: "Groups without any scored indicator." })
  unscoredGroups!: ServiceIndexGroupKey[];

  @Field(() => [ServiceIndexGroup], { description: "The six groups, in the order of Decision 766." })
  groups!: ServiceIndexGroup[];
}
