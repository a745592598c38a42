import { Field, InputType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";
import { Channel, DossierStatus } from "./dossier-status.js";
import { ApplicantKind, Timeliness } from "./dossier.enums.js";

@InputType({ description: "The applicant of a dossier (personal data: stored as sent, shown masked without PERSONAL_DATA)." })
export class ApplicantInput {
  @Field(() => ApplicantKind, { nullable: true, description: "Citizen (default) or organisation." })
  kind?: ApplicantKind | null;

  @Field(() => String, { description: "Name, at most 255 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Identity card (9 or 12 digits), passport or tax number: 6–20 letters, digits or `-`." })
  identityNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number: 8–15 digits, optionally with a leading `+`; spaces, dots and dashes are dropped." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "E-mail address, at most 255 characters." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address, at most 500 characters." })
  address?: string | null;
}

@InputType({
  description:
    "A dossier as an agency system sends it. Sending the same code again updates the mutable fields (channel, " +
    "dueAt, applicant, flags) or changes nothing; procedure, agency, receipt time and initial status are fixed " +
    "once received. Optional fields left out keep their stored value on a resend.",
})
export class DossierInput {
  @Field(() => String, { description: "`agencyCode` + `-` + receipt date yymmdd (Vietnam time) + `-` + a sequence of 4 or more digits, e.g. `000.17.22.H56-210531-0001`." })
  code!: string;

  @Field(() => String, { description: "Code of the procedure (TTHC), e.g. `1.001445`." })
  procedureCode!: string;

  @Field(() => String, { description: "Electronic code of the receiving agency, valid on the receipt date." })
  agencyCode!: string;

  @Field(() => Channel, { description: "How the dossier was submitted." })
  channel!: Channel;

  @Field(() => Date, { description: "When it was received; not in the future (5 minutes of clock skew are tolerated)." })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: "Due instant; computed from the procedure's committed working days when absent on the first receipt." })
  dueAt?: Date | null;

  @Field(() => DossierStatus, {
    nullable: true,
    description: "Status at receipt: SUBMITTED or ACCEPTED. Default ACCEPTED for DIRECT (accepted at the desk), SUBMITTED otherwise.",
  })
  initialStatus?: DossierStatus | null;

  @Field(() => ApplicantInput, { nullable: true, description: "The applicant." })
  applicant?: ApplicantInput | null;

  @Field(() => Boolean, { nullable: true, description: "Fees were paid online. Default false." })
  paidOnline?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The dossier's documents were digitised. Default false." })
  digitised?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The result is issued electronically. Default false." })
  electronicResult?: boolean | null;
}

@InputType({
  description:
    "A status event or hand-over of a dossier. `id` is the sender's idempotency key: the same id again with the " +
    "same content changes nothing, with other content it is rejected (CONFLICT).",
})
export class DossierEventInput {
  @Field(() => String, {
    description:
      "The sender's event id, at most 100 characters, unique across all senders: prefix your own ids with your " +
      "system's or agency's code (e.g. `000.17.22.H56:12345`).",
  })
  id!: string;

  @Field(() => String, { description: "Code of the dossier." })
  dossierCode!: string;

  @Field(() => DossierStatus, { description: "Status after the event; must be allowed after the current one (see DossierStatus)." })
  status!: DossierStatus;

  @Field(() => Date, {
    description:
      "When it happened: not before the dossier's latest event nor its receipt (OUT_OF_ORDER), not in the future " +
      "(5 minutes of clock skew are tolerated).",
  })
  at!: Date;

  @Field(() => String, {
    nullable: true,
    description: "The agency holding the dossier after the event; a code other than the current holder's is an inter-agency hand-over.",
  })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true, description: "Free-text note, at most 2000 characters." })
  note?: string | null;
}

@InputType({ description: "Which dossiers to list; every condition given must hold. The token's read scope always applies." })
export class DossierFilter {
  @Field(() => String, { nullable: true, description: "Dossiers received or held by this unit (and its subtree unless `includeDescendants` is false)." })
  agencyCode?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: "Include the units below `agencyCode`. Default true." })
  includeDescendants?: boolean | null;

  @Field(() => [DossierStatus], { nullable: true, description: "Any of these statuses." })
  status?: DossierStatus[] | null;

  @Field(() => [Timeliness], { nullable: true, description: "Any of these timeliness values (IN_TIME/OVERDUE as of now)." })
  timeliness?: Timeliness[] | null;

  @Field(() => String, { nullable: true, description: "Dossiers of this procedure." })
  procedureCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Received on or after this date (Vietnam)." })
  receivedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Received on or before this date (Vietnam)." })
  receivedTo?: string | null;
}
