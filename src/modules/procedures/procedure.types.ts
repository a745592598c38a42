import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../shared/node.js";
import { Connection } from "../../shared/pagination.js";
import { AgencyUnitKind } from "../agency-units/agency-unit.types.js";
import { LegalDocumentRefInput } from "../legal-documents/legal-document.types.js";

export enum ProcedureLevel {
  CENTRAL = "CENTRAL",
  PROVINCE = "PROVINCE",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
}
registerEnumType(ProcedureLevel, {
  name: "ProcedureLevel",
  description: "The level of government that resolves a procedure (cấp thực hiện).",
  valuesConfig: {
    CENTRAL: { description: "Central level (cấp trung ương)." },
    PROVINCE: { description: "Province level (cấp tỉnh)." },
    DISTRICT: { description: "District level (cấp huyện; abolished 1 July 2025)." },
    COMMUNE: { description: "Commune level (cấp xã)." },
  },
});

export enum OnlineKind {
  FULL = "FULL",
  PARTIAL = "PARTIAL",
  NONE = "NONE",
}
registerEnumType(OnlineKind, {
  name: "OnlineKind",
  description:
    "Online public service kind. The older levels 1–4 map onto it: level 4 → FULL, level 3 → PARTIAL, levels 1–2 → NONE.",
  valuesConfig: {
    FULL: { description: "Full online (dịch vụ công trực tuyến toàn trình): submit, pay and receive the result online." },
    PARTIAL: { description: "Partial online (một phần): submitted online, some steps in person." },
    NONE: { description: "No online service beyond information and forms." },
  },
});

export enum OneStopKind {
  ONE_STOP = "ONE_STOP",
  INTER_AGENCY = "INTER_AGENCY",
}
registerEnumType(OneStopKind, {
  name: "OneStopKind",
  description: "How the dossier is received and returned (Decree 61/2018/NĐ-CP).",
  valuesConfig: {
    ONE_STOP: { description: "One-stop (một cửa): one agency receives, resolves and returns." },
    INTER_AGENCY: { description: "Inter-agency one-stop (một cửa liên thông): several agencies resolve in turn." },
  },
});

/** A procedure as the API shows it; rows are mapped in `procedure.mapper.ts`. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "An administrative procedure (thủ tục hành chính, TTHC) of the national database." })
export class Procedure {
  /** Internal ids, used by loaders only. */
  id!: number;
  ownerUnitId!: number | null;
  publishedById!: number | null;

  @Field(() => String, { description: "Procedure code: national `1.001445`, or a local variant `2.000815.000.00.00.H55`." })
  code!: string;

  @Field(() => String, { description: "The national part of the code, e.g. `2.000815`." })
  nationalCode!: string;

  @Field(() => Boolean, { description: "True for a local variant (the code ends with the owning unit's agency code)." })
  isLocalVariant!: boolean;

  @Field(() => String, { description: "Name, e.g. `Đăng ký khai sinh`." })
  name!: string;

  @Field(() => String, { description: "Field (lĩnh vực), e.g. `Tư pháp`; see `procedureFields`." })
  field!: string;

  @Field(() => ProcedureLevel, { description: "The level of government that resolves it." })
  level!: ProcedureLevel;

  @Field(() => [AgencyUnitKind], { description: "Kinds of units that implement it, e.g. every COMMUNE." })
  implementingKinds!: AgencyUnitKind[];

  @Field(() => Float, { description: "Statutory processing time in working days (half days exist, e.g. 0.5)." })
  statutoryDays!: number;

  @Field(() => Float, { description: "Committed processing time in working days; at most the statutory time." })
  committedDays!: number;

  @Field(() => Boolean, { description: "True when the committed time is shorter than the statutory one." })
  hasReducedTime!: boolean;

  @Field(() => Int, { nullable: true, description: "Fee or charge in VND; null when none is stated." })
  feeVnd!: number | null;

  @Field(() => String, { nullable: true, description: "How the fee applies, e.g. exemptions." })
  feeNote!: string | null;

  @Field(() => OnlineKind, { description: "Online public service kind." })
  onlineKind!: OnlineKind;

  @Field(() => OneStopKind, { description: "One-stop or inter-agency one-stop." })
  oneStopKind!: OneStopKind;

  @Field(() => Boolean, { description: "Dossiers can be received and results returned by post." })
  postal!: boolean;

  @Field(() => Boolean, { description: "Handled under an ISO 9001 quality management system." })
  iso9001!: boolean;

  @Field(() => Boolean, { description: "True for demo data, not official records." })
  isDemo!: boolean;

  @Field(() => Date, { description: "When the hub last changed this procedure." })
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: "A page of procedures." })
export class ProcedureConnection extends Connection(Procedure) {}

@ObjectType({ simpleResolvers: true, description: "How many procedures a field (lĩnh vực) holds." })
export class ProcedureFieldCount {
  @Field(() => String, { description: "The field, e.g. `Tư pháp`." })
  field!: string;

  @Field(() => Int, { description: "Procedures of the field matching the filter." })
  count!: number;

  @Field(() => Int, { description: "Of those, procedures with a committed time shorter than the statutory one." })
  withReducedTime!: number;

  @Field(() => Int, { description: "Of those, procedures handled under ISO 9001." })
  iso9001!: number;
}

@InputType({ description: "Filters of `procedures` and `procedureFields`; all given conditions must hold." })
export class ProcedureFilter {
  @Field(() => String, {
    nullable: true,
    description: "Words of the name or the code, with or without diacritics, any case; at most 200 characters. Results are ranked by relevance.",
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: "Exact field name, e.g. `Tư pháp`." })
  field?: string | null;

  @Field(() => ProcedureLevel, { nullable: true, description: "Level." })
  level?: ProcedureLevel | null;

  @Field(() => OnlineKind, { nullable: true, description: "Online service kind." })
  onlineKind?: OnlineKind | null;

  @Field(() => String, { nullable: true, description: "Agency code: procedures that unit implements or owns (local variants)." })
  agencyCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only procedures with (true) or without (false) a reduced committed time." })
  hasReducedTime?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only procedures with (true) or without (false) ISO 9001." })
  iso9001?: boolean | null;
}

@InputType({
  description:
    "A procedure to create or replace, keyed by `code`. Every field is replaced: omitted optional fields take their " +
    "defaults and the implementing units become exactly `agencyCodes`.",
})
export class ProcedureInput {
  @Field(() => String, { description: "National code `1.001445` or local variant `2.000815.000.00.00.H55` (its owning unit must exist)." })
  code!: string;

  @Field(() => String, { description: "Name; at most 1,000 characters." })
  name!: string;

  @Field(() => String, { description: "Field (lĩnh vực), e.g. `Tư pháp`; at most 255 characters." })
  field!: string;

  @Field(() => ProcedureLevel, { description: "The level of government that resolves it." })
  level!: ProcedureLevel;

  @Field(() => [AgencyUnitKind], { nullable: true, description: "Kinds of units that implement it (omitted: none)." })
  implementingKinds?: AgencyUnitKind[] | null;

  @Field(() => [String], { nullable: true, description: "Agency codes of the implementing units; each must exist and be inside the writer's scope." })
  agencyCodes?: string[] | null;

  @Field(() => Float, { description: "Statutory processing time in working days, 0–1000, whole or half days." })
  statutoryDays!: number;

  @Field(() => Float, { nullable: true, description: "Committed (reduced) time in working days, at most `statutoryDays`; omitted: the statutory time." })
  committedDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Fee in VND, 0 or more." })
  feeVnd?: number | null;

  @Field(() => String, { nullable: true, description: "How the fee applies; at most 1,000 characters." })
  feeNote?: string | null;

  @Field(() => OnlineKind, { nullable: true, description: "Online service kind; omitted: from `onlineLevel`, else NONE." })
  onlineKind?: OnlineKind | null;

  @Field(() => Int, {
    nullable: true,
    description: "Older online service level 1–4, mapped to `onlineKind` (4 → FULL, 3 → PARTIAL, 1–2 → NONE); must agree with `onlineKind` when both are given.",
  })
  onlineLevel?: number | null;

  @Field(() => OneStopKind, { nullable: true, defaultValue: OneStopKind.ONE_STOP, description: "One-stop kind." })
  oneStopKind?: OneStopKind | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Postal receipt and return." })
  postal?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Handled under ISO 9001." })
  iso9001?: boolean | null;

  @Field(() => LegalDocumentRefInput, { nullable: true, description: "The stored document that published the procedure." })
  publishedBy?: LegalDocumentRefInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Mark as demo data." })
  isDemo?: boolean | null;
}
