import { Field, Float, InputType, Int } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";
import {
  DayCount, FeedbackOutcome, FeedbackTopic, FollowUpStatus, InspectionKind, PetitionAction, PetitionChannel, PetitionKind,
  PetitionOutcome, ReceptionKind, TargetMetric, TargetScope,
} from "./oversight.enums.js";

const KEY = "The sender's key of the item (1–100 letters, digits, `.`, `-`, `_`, `/`): sending the same key again updates the item or changes nothing.";

@InputType({ description: "A follow-up action an inspection required (kiến nghị xử lý sau kiểm tra)." })
export class FollowUpInput {
  @Field(() => String, { description: "What must be done, at most 1,000 characters." })
  description!: string;

  @Field(() => DateScalar, { nullable: true, description: "By when." })
  dueOn?: string | null;

  @Field(() => FollowUpStatus, { nullable: true, description: "Status; default OPEN." })
  status?: FollowUpStatus | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was done (only with status DONE)." })
  doneOn?: string | null;
}

@InputType({ description: "An inspection of public service or administrative reform. A resend replaces every field and the follow-ups." })
export class InspectionInput {
  @Field(() => String, { description: KEY })
  key!: string;

  @Field(() => String, { description: "Electronic code of the inspecting unit; the token must write for it." })
  inspectingUnitCode!: string;

  @Field(() => [String], { description: "Codes of the inspected units (at least one, at most 500), each inside the inspecting unit's subtree." })
  inspectedUnitCodes!: string[];

  @Field(() => InspectionKind, { description: "Announced, unannounced or thematic." })
  kind!: InspectionKind;

  @Field(() => String, { nullable: true, description: "Subject or theme, at most 500 characters." })
  subject?: string | null;

  @Field(() => DateScalar, { description: "First day; not in the future. The inspection counts in the period containing it." })
  startedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day; not before `startedOn`." })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Symbol of the plan it implements, e.g. `53/KH-UBND`." })
  planSymbol?: string | null;

  @Field(() => Int, { nullable: true, description: "Findings recorded (0 or more); default 0." })
  findings?: number | null;

  @Field(() => Int, { nullable: true, description: "Violations found (0 or more, at most `findings` when given); default 0." })
  violations?: number | null;

  @Field(() => [FollowUpInput], { nullable: true, description: "Follow-up actions, in order (at most 100)." })
  followUps?: FollowUpInput[] | null;
}

@InputType({ description: "A citizen reception session (buổi tiếp công dân). A resend replaces every field." })
export class ReceptionSessionInput {
  @Field(() => String, { description: KEY })
  key!: string;

  @Field(() => String, { description: "Electronic code of the receiving unit; the token must write for it." })
  unitCode!: string;

  @Field(() => ReceptionKind, { description: "Regular desk, a leader's periodic day, or unscheduled." })
  kind!: ReceptionKind;

  @Field(() => DateScalar, { description: "The day; not in the future." })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: "Name of the leader who received (required for LEADER_PERIODIC)." })
  leaderName?: string | null;

  @Field(() => String, { nullable: true, description: "The leader's title, e.g. `Chủ tịch UBND huyện`." })
  leaderTitle?: string | null;

  @Field(() => Int, { description: "Citizens received (lượt công dân), 0 to 10,000." })
  citizens!: number;

  @Field(() => Int, { description: "Cases (vụ việc), 0 to `citizens` when citizens > 0." })
  cases!: number;

  @Field(() => Int, { nullable: true, description: "Delegations of several citizens (đoàn đông người); default 0." })
  delegations?: number | null;
}

@InputType({ description: "The petitioner (personal data: shown masked without PERSONAL_DATA, unmasked reads are audited)." })
export class PetitionerInput {
  @Field(() => String, { description: "Name, at most 255 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Identity number: 6–20 letters, digits or `-`." })
  identityNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Phone: 8–15 digits, optional leading `+`." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Address, at most 500 characters." })
  address?: string | null;
}

@InputType({
  description:
    "A petition as received. Kind, unit and receipt instant are fixed once stored; a resend may change the summary, " +
    "the petitioner and the `complicated`/`remoteArea` flags (the due instant follows).",
})
export class PetitionInput {
  @Field(() => String, { description: KEY })
  key!: string;

  @Field(() => PetitionKind, { description: "Complaint, denunciation, recommendation or reflection." })
  kind!: PetitionKind;

  @Field(() => PetitionChannel, { description: "How it arrived." })
  channel!: PetitionChannel;

  @Field(() => Date, { description: "When it was received; not in the future." })
  receivedAt!: Date;

  @Field(() => String, { description: "Electronic code of the unit that received it and handles it; the token must write for it." })
  unitCode!: string;

  @Field(() => Boolean, { nullable: true, description: "A complicated case (vụ việc phức tạp): the longer statutory time applies. Default false." })
  complicated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "A remote, hard-to-reach area (vùng sâu, vùng xa): the remote-area time applies. Default false." })
  remoteArea?: boolean | null;

  @Field(() => String, { nullable: true, description: "Summary, at most 1,000 characters." })
  summary?: string | null;

  @Field(() => PetitionerInput, { nullable: true, description: "Who sent it (left out: anonymous or unchanged on a resend)." })
  petitioner?: PetitionerInput | null;
}

@InputType({ description: "Something that happened to a petition; `id` is the idempotency key." })
export class PetitionEventInput {
  @Field(() => String, { description: "The sender's event id (1–100 characters)." })
  id!: string;

  @Field(() => String, { description: "Key of the petition." })
  petitionKey!: string;

  @Field(() => PetitionAction, { description: "What happened." })
  action!: PetitionAction;

  @Field(() => Date, { description: "When; not before the receipt or the previous event, not in the future." })
  at!: Date;

  @Field(() => String, { nullable: true, description: "TRANSFERRED: the code of the unit it was transferred to." })
  toUnitCode?: string | null;

  @Field(() => PetitionOutcome, { nullable: true, description: "RESOLVED: the outcome (required)." })
  outcome?: PetitionOutcome | null;

  @Field(() => Int, { nullable: true, description: "EXTENDED: days added (required, within the statutory extension)." })
  extensionDays?: number | null;

  @Field(() => String, { nullable: true, description: "A note, at most 1,000 characters." })
  note?: string | null;
}

@InputType({ description: "Feedback on an official's conduct through the hotline or the portal. A resend updates the answer." })
export class ConductFeedbackInput {
  @Field(() => String, { description: KEY })
  key!: string;

  @Field(() => String, { description: "Electronic code of the unit concerned; the token must write for it." })
  unitCode!: string;

  @Field(() => PetitionChannel, { description: "HOTLINE, PORTAL, DIRECT or POST." })
  channel!: PetitionChannel;

  @Field(() => FeedbackTopic, { description: "What it is about." })
  topic!: FeedbackTopic;

  @Field(() => Date, { description: "When it was received; not in the future." })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was answered; not before `receivedAt`." })
  answeredAt?: Date | null;

  @Field(() => FeedbackOutcome, { nullable: true, description: "The outcome (with `answeredAt`)." })
  outcome?: FeedbackOutcome | null;

  @Field(() => String, { nullable: true, description: "Summary, at most 1,000 characters." })
  summary?: string | null;
}

@InputType({ description: "The statutory time limits of one petition kind (administrator only)." })
export class PetitionDeadlineInput {
  @Field(() => PetitionKind, { description: "The kind." })
  kind!: PetitionKind;

  @Field(() => Int, { description: "Days from receipt to acceptance (thụ lý), 1–90." })
  acceptanceDays!: number;

  @Field(() => DayCount, { description: "How `acceptanceDays` count." })
  acceptanceCount!: DayCount;

  @Field(() => Int, { description: "Days from acceptance to resolution, 1–365." })
  resolutionDays!: number;

  @Field(() => Int, { description: "Complicated cases (with every extension), at least `resolutionDays`." })
  complicatedDays!: number;

  @Field(() => Int, { description: "Remote areas, at least `resolutionDays`." })
  remoteDays!: number;

  @Field(() => Int, { description: "Complicated cases in remote areas, at least `remoteDays` and `complicatedDays`." })
  remoteComplicatedDays!: number;

  @Field(() => DayCount, { description: "How the resolution days count." })
  resolutionCount!: DayCount;

  @Field(() => String, { description: "The legal basis (articles), at most 500 characters." })
  legalBasis!: string;
}

@InputType({ description: "A target of a plan. (planSymbol, code) is the key: a resend updates it." })
export class PlanTargetInput {
  @Field(() => String, { description: "Symbol of the plan (a legal document already stored), e.g. `53/KH-UBND`." })
  planSymbol!: string;

  @Field(() => String, { description: "The target's code inside the plan (1–40 characters), e.g. `3`." })
  code!: string;

  @Field(() => String, { description: "What the plan says, at most 1,000 characters." })
  description!: string;

  @Field(() => String, { description: "Electronic code of the issuing unit; the token must write for it." })
  issuerUnitCode!: string;

  @Field(() => TargetMetric, { description: "What is measured." })
  metric!: TargetMetric;

  @Field(() => Float, { nullable: true, description: "REDUCED_TIME_SHARE: the reduction in percent (e.g. 20); not used by other metrics." })
  parameter?: number | null;

  @Field(() => TargetScope, { description: "The issuer's subtree as one, or each unit of `unitKinds` in it." })
  scope!: TargetScope;

  @Field(() => [String], { nullable: true, description: "EACH_UNIT: the agency unit kinds evaluated (e.g. `PROVINCIAL_DEPARTMENT`, `DISTRICT`)." })
  unitKinds?: string[] | null;

  @Field(() => Float, { description: "The least value that meets the target (percent 0–100, or index points)." })
  threshold!: number;

  @Field(() => DateScalar, { description: "Start of the period the hub's metrics count from." })
  periodFrom!: string;

  @Field(() => DateScalar, { description: "When the target must be met; not before `periodFrom`." })
  deadline!: string;
}

@InputType({ description: "A unit's value of a REPORTED target." })
export class PlanTargetReportInput {
  @Field(() => String, { description: "Symbol of the plan." })
  planSymbol!: string;

  @Field(() => String, { description: "The target's code." })
  code!: string;

  @Field(() => String, { description: "The reporting unit's code (inside the issuer's subtree); the token must write for it." })
  unitCode!: string;

  @Field(() => Float, { description: "The value (percent 0–100 unless the target says otherwise)." })
  value!: number;

  @Field(() => DateScalar, { description: "As of which day; not in the future." })
  reportedOn!: string;
}
