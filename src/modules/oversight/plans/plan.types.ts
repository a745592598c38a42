import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../../shared/scalars.js";
import { TargetMetric, TargetScope } from "../oversight.enums.js";

@ObjectType({ simpleResolvers: true, description: "A metric's value for one unit, with what it was computed from." })
export class MetricValue {
  @Field(() => String, { description: "The unit's code." })
  unitCode!: string;
  @Field(() => String, { description: "The unit's name." })
  unitName!: string;
  @Field(() => Float, { nullable: true, description: "The value (percent 0–100, or index points in percent of the scored maximum); null when there is nothing to measure." })
  value!: number | null;
  @Field(() => Float, { nullable: true, description: "What was counted (e.g. procedures with reduced time); null for REPORTED and SERVICE_INDEX." })
  numerator!: number | null;
  @Field(() => Float, { nullable: true, description: "Out of what (e.g. the unit's procedures)." })
  denominator!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "A target's evaluation for one unit." })
export class TargetUnitProgress extends MetricValue {
  @Field(() => Boolean, { nullable: true, description: "`value >= threshold`; null when the value is unknown." })
  met!: boolean | null;
}

@ObjectType({ simpleResolvers: true, description: "A plan target evaluated now." })
export class PlanTargetProgress {
  @Field(() => String, { description: "The target's code inside the plan." })
  code!: string;
  @Field(() => String, { description: "What the plan says." })
  description!: string;
  @Field(() => TargetMetric, { description: "What is measured." })
  metric!: TargetMetric;
  @Field(() => Float, { nullable: true, description: "The metric's parameter (REDUCED_TIME_SHARE: the reduction in percent)." })
  parameter!: number | null;
  @Field(() => TargetScope, { description: "Scope." })
  scope!: TargetScope;
  @Field(() => [String], { description: "EACH_UNIT: the unit kinds evaluated." })
  unitKinds!: string[];
  @Field(() => Float, { description: "The least value that meets it." })
  threshold!: number;
  @Field(() => DateScalar, { description: "Start of the measured period." })
  periodFrom!: string;
  @Field(() => DateScalar, { description: "When it must be met." })
  deadline!: string;
  @Field(() => DateScalar, { description: "Last day measured: today, or the deadline once past." })
  measuredTo!: string;
  @Field(() => Int, { description: "Units evaluated." })
  unitsEvaluated!: number;
  @Field(() => Int, { description: "Units meeting it." })
  unitsMet!: number;
  @Field(() => [String], { description: "Codes of the units behind (value known and below the threshold, or unknown)." })
  unitsBehind!: string[];
  @Field(() => [TargetUnitProgress], { description: "Each unit's evaluation, by code." })
  units!: TargetUnitProgress[];
}

@ObjectType({ simpleResolvers: true, description: "A plan's targets evaluated now." })
export class PlanProgress {
  @Field(() => String, { description: "The plan's symbol." })
  symbol!: string;
  @Field(() => Date, { description: "When it was evaluated." })
  evaluatedAt!: Date;
  @Field(() => [PlanTargetProgress], { description: "Its targets, by code." })
  targets!: PlanTargetProgress[];
}
