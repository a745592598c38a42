import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";
import { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { Channel } from "../dossiers/dossier-status.js";

@ObjectType({ simpleResolvers: true, description: "Dossier counts of a period." })
export abstract class DashboardCounts {
  @Field(() => Int, { description: "Dossiers received in the period (by the Vietnamese date of receipt)." })
  received!: number;

  @Field(() => Int, { description: "Dossiers resolved in the period: handling ended with a result (RESOLVED, then RETURNED) on a date of the period; `early + onTime + late`." })
  resolved!: number;

  @Field(() => Int, { description: "Resolved dossiers finished on a day before their due date (trước hạn)." })
  early!: number;

  @Field(() => Int, { description: "Resolved dossiers finished on their due date, by the due instant (đúng hạn)." })
  onTime!: number;

  @Field(() => Int, { description: "Resolved dossiers finished after the due instant, or after more than one supplement request (trễ hạn)." })
  late!: number;

  @Field(() => Float, {
    nullable: true,
    description: "`(early + onTime) / resolved`, a fraction from 0 to 1 (0.9996 is 99.96%); null when nothing was resolved.",
  })
  onTimeRate!: number | null;

  @Field(() => Int, { description: "Dossiers whose handling was stopped in the period (STOPPED, e.g. withdrawn)." })
  stopped!: number;

  @Field(() => Int, { description: "Dossiers refused in the period (NOT_ACCEPTED)." })
  notAccepted!: number;
}

@ObjectType({ simpleResolvers: true, description: "Dossier counts of a period with the channel and the 766-index flags of the received dossiers." })
export abstract class DashboardFigures extends DashboardCounts {
  @Field(() => Int, { description: "Received dossiers submitted directly at a one-stop desk." })
  receivedDirect!: number;

  @Field(() => Int, { description: "Received dossiers submitted online." })
  receivedOnline!: number;

  @Field(() => Int, { description: "Received dossiers sent by post." })
  receivedPostal!: number;

  @Field(() => Float, { nullable: true, description: "`receivedOnline / received` (0 to 1); null when nothing was received." })
  onlineShare!: number | null;

  @Field(() => Float, { nullable: true, description: "`receivedPostal / received` (0 to 1); null when nothing was received." })
  postalShare!: number | null;

  @Field(() => Int, { description: "Received dossiers with a fee to pay (the procedure has a fee, or it was paid online)." })
  feeDue!: number;

  @Field(() => Int, { description: "Received dossiers whose fees were paid online." })
  paidOnline!: number;

  @Field(() => Int, { description: "Received dossiers with digitised documents." })
  digitised!: number;

  @Field(() => Int, { description: "Received dossiers whose result is issued electronically." })
  electronicResult!: number;
}

@ObjectType({ simpleResolvers: true, description: "Dossier figures of a unit's scope: counts of the period and what is pending now." })
export class DashboardUnitFigures extends DashboardFigures {
  @Field(() => Int, { description: "Dossiers received up to the end of the period and still open now, not yet past their due instant." })
  pendingInTime!: number;

  @Field(() => Int, { description: "Dossiers received up to the end of the period and still open now, past their due instant (quá hạn)." })
  overdue!: number;
}

@ObjectType({ simpleResolvers: true, description: "The figures of one calendar month of the period (partial months count only their days inside the period)." })
export class DashboardMonth extends DashboardFigures {
  @Field(() => String, { description: "The month, `YYYY-MM`." })
  month!: string;
}

@ObjectType({ simpleResolvers: true, description: "The counts of the procedures of one field (lĩnh vực)." })
export class DashboardField extends DashboardCounts {
  @Field(() => String, { description: "The field of the procedures, e.g. `Tư pháp`." })
  field!: string;
}

@ObjectType({ simpleResolvers: true, description: "The counts of dossiers submitted through one channel." })
export class DashboardChannel extends DashboardCounts {
  @Field(() => Channel, { description: "How the dossiers were submitted." })
  channel!: Channel;
}

@ObjectType({ simpleResolvers: true, description: "The figures of one child unit and its subtree (with the units merged into them)." })
export class DashboardChildUnit extends DashboardUnitFigures {
  @Field(() => AgencyUnit, { description: "The child unit." })
  unit!: AgencyUnit;
}

@ObjectType({ simpleResolvers: true, description: "A child unit's place in the ranking by on-time rate." })
export class DashboardRankEntry {
  @Field(() => Int, {
    nullable: true,
    description: "1 for the best on-time rate; equal rates share a rank (1, 2, 2, 4); null when the unit resolved nothing in the period.",
  })
  rank!: number | null;

  @Field(() => AgencyUnit, { description: "The child unit." })
  unit!: AgencyUnit;

  @Field(() => Float, { nullable: true, description: "Its on-time rate (0 to 1); null when it resolved nothing." })
  onTimeRate!: number | null;

  @Field(() => Int, { description: "Dossiers it resolved in the period." })
  resolved!: number;

  @Field(() => Int, { description: "Of which late." })
  late!: number;
}

@ObjectType({ simpleResolvers: true, description: "A procedure with overdue open dossiers." })
export class DashboardOverdueProcedure {
  @Field(() => String, { description: "The procedure code." })
  code!: string;

  @Field(() => String, { description: "The procedure name." })
  name!: string;

  @Field(() => String, { description: "Its field (lĩnh vực)." })
  field!: string;

  @Field(() => Int, { description: "Its dossiers of the scope open now past their due instant (received up to the end of the period)." })
  overdue!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Dossier statistics of a unit and its subtree over a period. Dossiers count for the agency that RECEIVED them. " +
    "Without `asOf`, units merged into the unit or into units of its subtree count as part of it (the current " +
    "tree); with `asOf`, only merges effective by then. The top-level figures are the whole scope's.",
})
export class Dashboard extends DashboardUnitFigures {
  @Field(() => AgencyUnit, { description: "The unit." })
  unit!: AgencyUnit;

  @Field(() => DateScalar, { description: "First day of the period." })
  from!: string;

  @Field(() => DateScalar, { description: "Last day of the period (inclusive)." })
  to!: string;

  @Field(() => DateScalar, { description: "The date the tree (and the unit's code) is taken at: `asOf` or today." })
  asOf!: string;

  @Field(() => Date, { description: "When these figures were computed; pending and overdue counts are as of this instant." })
  computedAt!: Date;

  @Field(() => DashboardUnitFigures, {
    description: "The unit's own figures: dossiers received by the unit itself (and by units merged into it), without its subtree.",
  })
  own!: DashboardUnitFigures;

  @Field(() => [DashboardMonth], { description: "One entry per calendar month the period touches, in order." })
  byMonth!: DashboardMonth[];

  @Field(() => [DashboardField], { description: "One entry per field with dossiers, most received first." })
  byField!: DashboardField[];

  @Field(() => [DashboardChannel], { description: "One entry per channel (DIRECT, ONLINE, POSTAL)." })
  byChannel!: DashboardChannel[];

  @Field(() => [DashboardChildUnit], {
    description:
      "One entry per child unit valid on some day of the period, by code; each counts its own subtree and the units " +
      "merged into it. A child merged into another unit of the scope has no entry: its history counts for its successor.",
  })
  byChildUnit!: DashboardChildUnit[];

  @Field(() => [DashboardRankEntry], { description: "The child units by on-time rate, best first (then most resolved, then code)." })
  ranking!: DashboardRankEntry[];

  @Field(() => [DashboardOverdueProcedure], { description: "Up to 10 procedures with the most overdue open dossiers, most first." })
  mostOverdueProcedures!: DashboardOverdueProcedure[];
}
