import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { Connection } from "../../shared/pagination.js";

export enum ApiRole {
  READER = "READER",
  WRITER = "WRITER",
  PERSONAL_DATA = "PERSONAL_DATA",
  ADMIN = "ADMIN",
}
registerEnumType(ApiRole, {
  name: "ApiRole",
  description: "What a token may do, within its agency subtree.",
  valuesConfig: {
    READER: { description: "Read dossiers of the subtree (personal data masked)." },
    WRITER: { description: "Write catalogue rows and dossiers of units in the subtree; implies reading its dossiers." },
    PERSONAL_DATA: { description: "See applicants' identity and phone numbers unmasked, within the subtree." },
    ADMIN: { description: "Everything, everywhere: issue and revoke tokens, read the audit trail, set the calendar." },
  },
});

@ObjectType({ simpleResolvers: true, description: "An API token as administrators see it; the secret itself is never shown again." })
export class ApiToken {
  scopeUnitId!: number | null;

  @Field(() => ID, { description: "The token's id, used to revoke it and in the audit trail." })
  id!: string;

  @Field(() => String, { description: "Who or what the token is for, e.g. `Cổng DVC tỉnh Cao Bằng`." })
  label!: string;

  @Field(() => String, { description: "The first characters of the secret, to recognise it." })
  prefix!: string;

  @Field(() => [ApiRole], { description: "The roles the token carries." })
  roles!: ApiRole[];

  @Field(() => String, { nullable: true, description: "Code of the unit whose subtree is the token's scope; null: the whole country." })
  agencyCode!: string | null;

  @Field(() => AgencyUnit, { nullable: true, description: "The scope unit; null: the whole country." })
  agency?: AgencyUnit | null;

  @Field(() => Date, { description: "When the token was issued." })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the token stops working; null: never." })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the token was revoked; null: not revoked." })
  revokedAt!: Date | null;

  @Field(() => Boolean, { description: "Neither revoked nor expired." })
  active!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A newly issued token. `token` is shown this once: store it now." })
export class IssuedToken {
  @Field(() => String, { description: "The secret, sent as `Authorization: Bearer <token>`." })
  token!: string;

  @Field(() => ApiToken, { description: "The token's details." })
  apiToken!: ApiToken;
}

@InputType({ description: "A token to issue." })
export class IssueApiTokenInput {
  @Field(() => String, { nullable: true, description: "The scope: the unit whose subtree the token acts on; omit for the whole country." })
  agencyCode?: string | null;

  @Field(() => [ApiRole], { description: "Roles; at least one." })
  roles!: ApiRole[];

  @Field(() => String, { description: "Who or what the token is for (1–200 characters)." })
  label!: string;

  @Field(() => Date, { nullable: true, description: "When the token stops working; omit for never." })
  expiresAt?: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "One applied write: which token wrote what, when." })
export class AuditEntry {
  @Field(() => ID, { description: "Position in the audit trail." })
  id!: string;

  @Field(() => Date, { description: "When the write was committed." })
  at!: Date;

  @Field(() => String, { description: "The writing token's id (`bootstrap` for ADMIN_TOKEN)." })
  tokenId!: string;

  @Field(() => String, { nullable: true, description: "The writing token's label at the time." })
  tokenLabel!: string | null;

  @Field(() => String, { description: "The operation, e.g. `upsertAgencyUnits`." })
  operation!: string;

  @Field(() => String, { description: "The key of the item written: a code, symbol or event id." })
  key!: string;
}

@InputType({ description: "Which audit entries to list." })
export class AuditFilterInput {
  @Field(() => String, { nullable: true, description: "Only writes of this token id." })
  tokenId?: string | null;

  @Field(() => String, { nullable: true, description: "Only this operation, e.g. `submitDossiers`." })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "Only writes of this item key." })
  key?: string | null;

  @Field(() => Date, { nullable: true, description: "Only entries at or after this instant." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only entries before this instant." })
  to?: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of API tokens." })
export class ApiTokenConnection extends Connection(ApiToken) {}

@ObjectType({ simpleResolvers: true, description: "A page of the audit trail, newest first." })
export class AuditEntryConnection extends Connection(AuditEntry) {}
