import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";
import { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { DayCount, PetitionAction, PetitionChannel, PetitionKind, PetitionOutcome, PetitionStatus } from "./oversight.enums.js";

@ObjectType({ simpleResolvers: true, description: "Inspections by units of the scope that started in the period." })
export class InspectionFigures {
  @Field(() => Int, { description: "Inspections (kiểm tra công vụ, kiểm tra CCHC)." })
  total!: number;
  @Field(() => Int, { description: "Announced in a plan." })
  announced!: number;
  @Field(() => Int, { description: "Unannounced (đột xuất)." })
  unannounced!: number;
  @Field(() => Int, { description: "Thematic (chuyên đề)." })
  thematic!: number;
  @Field(() => Int, { description: "Findings recorded." })
  findings!: number;
  @Field(() => Int, { description: "Violations found." })
  violations!: number;
  @Field(() => Int, { description: "Follow-up actions required." })
  followUps!: number;
  @Field(() => Int, { description: "Follow-up actions done." })
  followUpsDone!: number;
  @Field(() => Int, { description: "Distinct units inspected by these inspections." })
  unitsInspected!: number;
  @Field(() => Float, { nullable: true, description: "`unitsInspected` / units strictly below the scope's unit valid in the period (0 to 1); null without such units." })
  unitsInspectedShare!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "Citizen reception sessions of the scope held in the period." })
export class ReceptionFigures {
  @Field(() => Int, { description: "Sessions." })
  sessions!: number;
  @Field(() => Int, { description: "Sessions held by leaders on their periodic days." })
  leaderSessions!: number;
  @Field(() => Int, { description: "Citizens received (lượt công dân)." })
  citizens!: number;
  @Field(() => Int, { description: "Cases (vụ việc)." })
  cases!: number;
  @Field(() => Int, { description: "Delegations (đoàn đông người)." })
  delegations!: number;
}

@ObjectType({ simpleResolvers: true, description: "Petitions of one kind received in the period." })
export class PetitionKindFigures {
  @Field(() => PetitionKind, { description: "The kind." })
  kind!: PetitionKind;
  @Field(() => Int, { description: "Received in the period." })
  received!: number;
  @Field(() => Int, { description: "Of those, accepted (thụ lý)." })
  accepted!: number;
  @Field(() => Int, { description: "Of those, resolved by now." })
  resolved!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Petitions received by units of the scope in the period (a cohort: what became of them is counted as of now).",
})
export class PetitionFigures {
  @Field(() => Int, { description: "Received in the period." })
  received!: number;
  @Field(() => Int, { description: "Accepted for resolution (thụ lý)." })
  accepted!: number;
  @Field(() => Int, { description: "Not accepted." })
  notAccepted!: number;
  @Field(() => Int, { description: "Transferred to the competent unit." })
  transferred!: number;
  @Field(() => Int, { description: "Withdrawn." })
  withdrawn!: number;
  @Field(() => Int, { description: "Resolved." })
  resolved!: number;
  @Field(() => Float, { nullable: true, description: "`resolved / received` (0 to 1), as reports state it (78 of 90: 0.867); null when none was received." })
  resolutionRate!: number | null;
  @Field(() => Int, { description: "Resolved before their statutory due instant." })
  onTime!: number;
  @Field(() => Int, { description: "Resolved after it." })
  late!: number;
  @Field(() => Int, { description: "Accepted and not yet resolved, within their time limit now." })
  pendingInTime!: number;
  @Field(() => Int, { description: "Accepted and not yet resolved, past their due instant now." })
  overdue!: number;
  @Field(() => [PetitionKindFigures], { description: "By kind, every kind listed." })
  byKind!: PetitionKindFigures[];
}

@ObjectType({ simpleResolvers: true, description: "Hotline and portal feedback on officials' conduct received in the period." })
export class FeedbackFigures {
  @Field(() => Int, { description: "Received." })
  received!: number;
  @Field(() => Int, { description: "Answered (by now)." })
  answered!: number;
  @Field(() => Int, { description: "Not answered within the time limit: answered late, or unanswered and past due now." })
  overdue!: number;
}

@ObjectType({ simpleResolvers: true, description: "Oversight figures of one part of the scope." })
export class OversightFigures {
  @Field(() => InspectionFigures, { description: "Inspections." })
  inspections!: InspectionFigures;
  @Field(() => ReceptionFigures, { description: "Citizen reception." })
  receptions!: ReceptionFigures;
  @Field(() => PetitionFigures, { description: "Petitions." })
  petitions!: PetitionFigures;
  @Field(() => FeedbackFigures, { description: "Feedback on conduct." })
  feedback!: FeedbackFigures;
}

@ObjectType({ simpleResolvers: true, description: "The oversight figures of a child unit's subtree." })
export class OversightChild extends OversightFigures {
  @Field(() => AgencyUnit, { description: "The child unit." })
  unit!: AgencyUnit;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Accountability figures (inspections, citizen reception, petitions, feedback on conduct) of a unit's subtree over a " +
    "period, from counters kept in the write transaction. Public aggregates.",
})
export class Oversight extends OversightFigures {
  @Field(() => AgencyUnit, { description: "The unit." })
  unit!: AgencyUnit;
  @Field(() => DateScalar, { description: "First day of the period." })
  from!: string;
  @Field(() => DateScalar, { description: "Last day of the period." })
  to!: string;
  @Field(() => DateScalar, { description: "The tree date." })
  asOf!: string;
  @Field(() => Date, { description: "When the figures were computed (open petitions and feedback are judged at this instant)." })
  computedAt!: Date;
  @Field(() => OversightFigures, { description: "The unit's own figures (its subtree minus its children's)." })
  own!: OversightFigures;
  @Field(() => [OversightChild], { description: "Each child unit valid in the period, by code." })
  byChildUnit!: OversightChild[];
}

@ObjectType({ simpleResolvers: true, description: "The statutory time limits of one petition kind, with their legal basis." })
export class PetitionDeadline {
  @Field(() => PetitionKind, { description: "The kind." })
  kind!: PetitionKind;
  @Field(() => Int, { description: "Days from receipt to acceptance (thụ lý)." })
  acceptanceDays!: number;
  @Field(() => DayCount, { description: "How `acceptanceDays` count." })
  acceptanceCount!: DayCount;
  @Field(() => Int, { description: "Days from acceptance to resolution." })
  resolutionDays!: number;
  @Field(() => Int, { description: "Complicated cases, extensions included." })
  complicatedDays!: number;
  @Field(() => Int, { description: "Remote areas." })
  remoteDays!: number;
  @Field(() => Int, { description: "Complicated cases in remote areas." })
  remoteComplicatedDays!: number;
  @Field(() => DayCount, { description: "How the resolution days count." })
  resolutionCount!: DayCount;
  @Field(() => String, { description: "The articles that set them." })
  legalBasis!: string;
  @Field(() => Date, { description: "Last change." })
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: "The petitioner; identity number and phone masked without PERSONAL_DATA." })
export class Petitioner {
  @Field(() => String, { description: "Name." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Identity number (masked without PERSONAL_DATA)." })
  identityNumber!: string | null;
  @Field(() => String, { nullable: true, description: "Phone (masked without PERSONAL_DATA)." })
  phone!: string | null;
  @Field(() => String, { nullable: true, description: "Address (withheld without PERSONAL_DATA)." })
  address!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "An event of a petition." })
export class PetitionEvent {
  @Field(() => String, { description: "The sender's event id." })
  id!: string;
  @Field(() => PetitionAction, { description: "What happened." })
  action!: PetitionAction;
  @Field(() => Date, { description: "When." })
  at!: Date;
  @Field(() => PetitionOutcome, { nullable: true, description: "RESOLVED: the outcome." })
  outcome!: PetitionOutcome | null;
  @Field(() => Int, { nullable: true, description: "EXTENDED: days added." })
  extensionDays!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "A petition (đơn thư). Reading it needs a token whose scope covers its unit." })
export class Petition {
  @Field(() => String, { description: "The sender's key." })
  key!: string;
  @Field(() => PetitionKind, { description: "Kind." })
  kind!: PetitionKind;
  @Field(() => PetitionChannel, { description: "Channel." })
  channel!: PetitionChannel;
  @Field(() => Date, { description: "Received." })
  receivedAt!: Date;
  @Field(() => String, { description: "Code of the unit handling it." })
  unitCode!: string;
  @Field(() => PetitionStatus, { description: "Status." })
  status!: PetitionStatus;
  @Field(() => Date, { nullable: true, description: "Accepted (thụ lý)." })
  acceptedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "Statutory due instant (from acceptance, extensions included)." })
  dueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "Resolved." })
  resolvedAt!: Date | null;
  @Field(() => PetitionOutcome, { nullable: true, description: "Outcome." })
  outcome!: PetitionOutcome | null;
  @Field(() => Boolean, { nullable: true, description: "Resolved before the due instant; null while not resolved." })
  onTime!: boolean | null;
  @Field(() => Boolean, { description: "Complicated case." })
  complicated!: boolean;
  @Field(() => Boolean, { description: "Remote area." })
  remoteArea!: boolean;
  @Field(() => String, { nullable: true, description: "Summary." })
  summary!: string | null;
  @Field(() => Petitioner, { nullable: true, description: "The petitioner (personal data)." })
  petitioner!: Petitioner | null;
  @Field(() => [PetitionEvent], { description: "Events in order." })
  events!: PetitionEvent[];
}
