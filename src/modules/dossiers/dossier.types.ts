import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../shared/node.js";
import { Connection } from "../../shared/pagination.js";
import { Channel, DossierStatus } from "./dossier-status.js";
import { ApplicantKind, DossierEventKind, Timeliness } from "./dossier.enums.js";


@ObjectType({ simpleResolvers: true, description: "The applicant of a dossier. Identity and phone numbers are masked unless the token has the PERSONAL_DATA role." })
export class Applicant {
  @Field(() => ApplicantKind, { description: "Citizen or organisation." })
  kind!: ApplicantKind;

  @Field(() => String, { description: "Name of the citizen or organisation." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Identity card (CCCD/CMND), passport or tax number; masked like `0*********12` without PERSONAL_DATA." })
  identityNumber!: string | null;

  @Field(() => String, { nullable: true, description: "Phone number; masked like `0*******89` without PERSONAL_DATA." })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "E-mail address." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address!: string | null;

  @Field(() => Boolean, { description: "True when identity and phone numbers are masked for this token." })
  masked!: boolean;
}

/** The stored applicant, unmasked: masking happens in the field resolver with the viewer at hand. */
export interface ApplicantData {
  kind: ApplicantKind;
  name: string;
  identityNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: "A citizen's dossier (hồ sơ thủ tục hành chính). Reading needs a token whose scope covers its receiving or holding agency." })
export class Dossier {
  /** Internal ids: never exposed, used by loaders. */
  id!: number;
  procedureId!: number;
  agencyId!: number;
  holderId!: number;
  applicantData!: ApplicantData | null;
  supplementSince!: Date | null;

  @Field(() => String, { description: "Handling agency code + receipt date yymmdd + sequence, e.g. `000.17.22.H56-210531-0001`." })
  code!: string;

  @Field(() => Channel, { description: "How the dossier was submitted." })
  channel!: Channel;

  @Field(() => Int, { description: "The portal's channel code: 1 direct, 2 online, 3 postal." })
  channelPortalCode!: number;

  @Field(() => DossierStatus, { description: "Current status." })
  status!: DossierStatus;

  @Field(() => Int, { description: "The portal's status code 1..10." })
  statusPortalCode!: number;

  @Field(() => Date, { description: "When the dossier was received." })
  receivedAt!: Date;

  @Field(() => Date, { description: "Due instant: sent by the agency system, or computed from the procedure's committed working days." })
  dueAt!: Date;

  @Field(() => Date, { description: "The due instant moved by the working days spent waiting on the applicant's supplements." })
  effectiveDueAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the handling ended (first RESOLVED, RETURNED, STOPPED or NOT_ACCEPTED); null while open." })
  finishedAt!: Date | null;

  @Field(() => Timeliness, { description: "EARLY, ON_TIME or LATE once finished; IN_TIME or OVERDUE as of now while open." })
  timeliness!: Timeliness;

  @Field(() => Int, { description: "How many times the applicant was asked to supplement." })
  supplementCount!: number;

  @Field(() => Boolean, { description: "Fees were paid online (766 index: online payment)." })
  paidOnline!: boolean;

  @Field(() => Boolean, { description: "The dossier's documents were digitised (766 index: digitisation)." })
  digitised!: boolean;

  @Field(() => Boolean, { description: "The result is issued electronically (766 index: digitisation)." })
  electronicResult!: boolean;

  @Field(() => Date, { description: "`at` of the latest status event; later events may not be earlier." })
  lastEventAt!: Date;

  @Field(() => Date, { description: "When the hub last changed this dossier." })
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: "One line of a dossier's history (the process control slip, phiếu kiểm soát quá trình)." })
export class DossierEvent {
  dossierId!: number;
  agencyId!: number;
  previousAgencyId!: number | null;

  @Field(() => String, { description: "Position of the event in the hub's event log; pass it as `after` to `dossierStatusChanged`." })
  cursor!: string;

  @Field(() => String, { nullable: true, description: "The sender's event id; null for events the hub wrote (RECEIVED, UPDATED)." })
  id!: string | null;

  @Field(() => DossierEventKind, { description: "What wrote the event." })
  kind!: DossierEventKind;

  @Field(() => DossierStatus, { nullable: true, description: "Status before; null when the dossier was received." })
  from!: DossierStatus | null;

  @Field(() => DossierStatus, { description: "Status after." })
  to!: DossierStatus;

  @Field(() => Int, { nullable: true, description: "Portal code of `from`." })
  fromPortalCode!: number | null;

  @Field(() => Int, { description: "Portal code of `to`." })
  toPortalCode!: number;

  @Field(() => Date, { description: "When it happened, as sent." })
  at!: Date;

  @Field(() => Boolean, { description: "True when the dossier moved to another agency with this event (an inter-agency hand-over)." })
  handOver!: boolean;

  @Field(() => String, { nullable: true, description: "Free-text note of the sender." })
  note!: string | null;

  @Field(() => Date, { description: "When the hub recorded it." })
  recordedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: "A change of a dossier, delivered by `dossierStatusChanged`." })
export class DossierStatusEvent {
  @Field(() => String, { description: "Position of this event; pass it as `after` when resubscribing to miss nothing." })
  cursor!: string;

  @Field(() => Dossier, { description: "The dossier, as it is when the event is delivered." })
  dossier!: Dossier;

  @Field(() => DossierEventKind, { description: "What wrote the event." })
  kind!: DossierEventKind;

  @Field(() => String, { nullable: true, description: "The sender's event id; null for events the hub wrote." })
  eventId!: string | null;

  @Field(() => DossierStatus, { nullable: true, description: "Status before; null when the dossier was received." })
  from!: DossierStatus | null;

  @Field(() => DossierStatus, { description: "Status after." })
  to!: DossierStatus;

  @Field(() => Int, { nullable: true, description: "Portal code of `from`." })
  fromPortalCode!: number | null;

  @Field(() => Int, { description: "Portal code of `to`." })
  toPortalCode!: number;

  @Field(() => Date, { description: "When it happened." })
  at!: Date;

  @Field(() => String, { description: "Code of the agency holding the dossier after the event." })
  agencyCode!: string;

  @Field(() => String, { nullable: true, description: "Code of the agency that held it before; differs from `agencyCode` on a hand-over." })
  previousAgencyCode!: string | null;

  @Field(() => Boolean, { description: "True for an inter-agency hand-over." })
  handOver!: boolean;

  @Field(() => String, { nullable: true, description: "Free-text note of the sender." })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of dossiers, newest receipt first." })
export class DossierConnection extends Connection(Dossier) {}
