import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../shared/node.js";
import { Connection } from "../../shared/pagination.js";
import { DateScalar } from "../../shared/scalars.js";

export enum LegalDocumentStatus {
  NOT_YET_IN_FORCE = "NOT_YET_IN_FORCE",
  IN_FORCE = "IN_FORCE",
  PARTLY_EXPIRED = "PARTLY_EXPIRED",
  EXPIRED = "EXPIRED",
}
registerEnumType(LegalDocumentStatus, {
  name: "LegalDocumentStatus",
  description:
    "Whether a document applies (tình trạng hiệu lực). Stored when the sender gives it; otherwise derived from the " +
    "dates as of today (Vietnam time): before `effectiveFrom` (or `issuedOn`) not yet in force, from `expiresOn` on " +
    "expired, else in force; a document replaced or repealed entirely by another is expired from the other's first " +
    "day in force, partly replaced or repealed is PARTLY_EXPIRED; an amended document stays in force.",
  valuesConfig: {
    NOT_YET_IN_FORCE: { description: "Issued but not yet in force (chưa có hiệu lực)." },
    IN_FORCE: { description: "In force (còn hiệu lực)." },
    PARTLY_EXPIRED: { description: "Partly expired (hết hiệu lực một phần)." },
    EXPIRED: { description: "Expired (hết hiệu lực toàn bộ)." },
  },
});

export enum LegalDocumentRelationKind {
  IMPLEMENTS = "IMPLEMENTS",
  BASED_ON = "BASED_ON",
  AMENDS = "AMENDS",
  REPLACES = "REPLACES",
  REPEALS = "REPEALS",
}
registerEnumType(LegalDocumentRelationKind, {
  name: "LegalDocumentRelationKind",
  description: "How one document relates to another: read as `<this document> <kind> <the other document>`.",
  valuesConfig: {
    IMPLEMENTS: { description: "Implements (triển khai, thực hiện) the other document, e.g. a plan implementing a directive." },
    BASED_ON: { description: "Is based on (căn cứ) the other document." },
    AMENDS: { description: "Amends or supplements (sửa đổi, bổ sung) the other document." },
    REPLACES: { description: "Replaces (thay thế) the other document." },
    REPEALS: { description: "Repeals (bãi bỏ) the other document." },
  },
});

@ObjectType({ simpleResolvers: true, description: "A document type code of Decree 30/2020/NĐ-CP or of the Law on Promulgation of Legal Documents." })
export class LegalDocumentType {
  @Field(() => String, { description: "The code as written in symbols, case-sensitive with the letter Đ: `KH`, `QĐ`, `NĐ`; `CV` for official letters." })
  code!: string;

  @Field(() => String, { description: "Vietnamese name, e.g. `Kế hoạch`." })
  name!: string;

  @Field(() => Boolean, { description: "A normative type (văn bản quy phạm pháp luật) whose symbols add the year, e.g. `NĐ`." })
  normative!: boolean;
}

/** A legal document as the API shows it; rows are mapped in `legal-document.mapper.ts`. */
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description:
    "A legal or administrative document (văn bản). Identified by its symbol, its issuer and the year issued: " +
    "`53/KH-UBND` is reused by every People's Committee every year.",
})
export class LegalDocument {
  /** Internal id, used by loaders only. */
  id!: number;
  issuerUnitId!: number | null;

  @Field(() => String, { description: "Number and symbol (số, ký hiệu), e.g. `53/KH-UBND`, `61/2018/NĐ-CP`, `1563/UBND-NC`." })
  symbol!: string;

  @Field(() => Int, { description: "The number part of the symbol, e.g. 53." })
  number!: number;

  @Field(() => Int, { description: "The year issued (from `issuedOn`); part of the document's identity." })
  year!: number;

  @Field(() => String, { description: "Type code, e.g. `KH`, `QĐ`, `NĐ`; `CV` for official letters (công văn). See `legalDocumentTypes`." })
  type!: string;

  @Field(() => String, { description: "Vietnamese name of the type, e.g. `Kế hoạch`." })
  typeName!: string;

  @Field(() => String, { description: "The issuer's abbreviation from the symbol: `UBND`, `TTg`, `CP`; for official letters with the drafting unit, `UBND-NC`." })
  issuerAbbr!: string;

  @Field(() => String, { description: "The issuer as written on the document, e.g. `UBND tỉnh Cao Bằng`, `Thủ tướng Chính phủ`." })
  issuerName!: string;

  @Field(() => String, { nullable: true, description: "Who signed it." })
  signer!: string | null;

  @Field(() => DateScalar, { description: "Date issued (ngày ban hành)." })
  issuedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "First day in force (ngày có hiệu lực); null: unknown, taken as `issuedOn`." })
  effectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day no longer in force (ngày hết hiệu lực); null: no end known." })
  expiresOn!: string | null;

  /** The status the sender stored, if any; the API's `status` is derived (see `document-status.ts`). */
  storedStatus!: LegalDocumentStatus | null;

  @Field(() => Boolean, { description: "True when no status was sent: `status` comes from the dates and relations alone." })
  statusDerived!: boolean;

  @Field(() => String, { description: "Summary (trích yếu), e.g. `Kế hoạch thực hiện Chỉ thị số 26/CT-TTg…`." })
  summary!: string;

  @Field(() => String, { nullable: true, description: "Full text, when the sender provides it." })
  body!: string | null;

  @Field(() => Boolean, { description: "True for demo data, not official records." })
  isDemo!: boolean;

  @Field(() => Date, { description: "When the hub last changed this document." })
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: "A typed link between two documents." })
export class LegalDocumentRelation {
  @Field(() => LegalDocumentRelationKind, {
    description: "In `relations`: this document <kind> `document`. In `referencedBy`: `document` <kind> this document.",
  })
  kind!: LegalDocumentRelationKind;

  @Field(() => Boolean, { description: "For REPLACES and REPEALS: only a part of the other document is replaced or repealed." })
  partial!: boolean;

  @Field(() => LegalDocument, { description: "The document at the other end." })
  document!: LegalDocument;
}

@ObjectType({ simpleResolvers: true, description: "A page of legal documents." })
export class LegalDocumentConnection extends Connection(LegalDocument) {}

@InputType({ description: "Filters of `legalDocuments`; all given conditions must hold." })
export class LegalDocumentFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Words of the symbol or summary, with or without diacritics, any case (`cai cach hanh chinh` finds `cải cách " +
      "hành chính`); at most 200 characters. Results are ranked by relevance.",
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: "Type code, e.g. `KH`, `QĐ`, `CV`." })
  type?: string | null;

  @Field(() => String, { nullable: true, description: "Agency code of the issuing unit." })
  issuerCode?: string | null;

  @Field(() => LegalDocumentStatus, { nullable: true, description: "Status (stored or derived as of today)." })
  status?: LegalDocumentStatus | null;

  @Field(() => DateScalar, { nullable: true, description: "Issued on or after this date." })
  issuedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Issued on or before this date." })
  issuedTo?: string | null;
}

@InputType({ description: "Names one stored document: its symbol, and its issuer and year when the symbol alone is ambiguous." })
export class LegalDocumentRefInput {
  @Field(() => String, { description: "Number and symbol, e.g. `26/CT-TTg`." })
  symbol!: string;

  @Field(() => String, { nullable: true, description: "Agency code of the issuing unit." })
  issuerCode?: string | null;

  @Field(() => String, { nullable: true, description: "Issuer name, for bodies without a unit (e.g. `Chính phủ`)." })
  issuerName?: string | null;

  @Field(() => Int, { nullable: true, description: "Year issued; defaults to the year in a normative symbol." })
  year?: number | null;
}

@InputType({ description: "A relation from the document being written to another stored document." })
export class LegalDocumentRelationInput extends LegalDocumentRefInput {
  @Field(() => LegalDocumentRelationKind, { description: "The document being written <kind> the referenced one." })
  kind!: LegalDocumentRelationKind;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "For REPLACES and REPEALS: true when only a part of the referenced document is replaced or repealed (it becomes " +
      "PARTLY_EXPIRED instead of EXPIRED); default false.",
  })
  partial?: boolean | null;
}

@InputType({
  description:
    "A document to create or replace, keyed by (symbol, issuer, year issued). Every field is replaced: an omitted " +
    "optional field becomes null and the stored relations become exactly `relations`.",
})
export class LegalDocumentInput {
  @Field(() => String, { description: "Number and symbol per Decree 30/2020/NĐ-CP, e.g. `53/KH-UBND`, `61/2018/NĐ-CP`, `1563/UBND-NC`." })
  symbol!: string;

  @Field(() => String, {
    nullable: true,
    description: "Type code; must agree with the symbol's. Required when the symbol carries none (`202/2025/QH15` → `NQ`).",
  })
  type?: string | null;

  @Field(() => String, { nullable: true, description: "Agency code of the issuing unit. Either this or `issuerName` is required." })
  issuerCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Issuer as written on the document; alone for central bodies without a unit (`Chính phủ`, `Quốc hội`). Defaults to the unit's name.",
  })
  issuerName?: string | null;

  @Field(() => String, { nullable: true, description: "Who signed it; at most 255 characters." })
  signer?: string | null;

  @Field(() => DateScalar, { description: "Date issued; its year must equal the year of a normative symbol." })
  issuedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "First day in force." })
  effectiveFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day no longer in force; after `effectiveFrom` and `issuedOn`." })
  expiresOn?: string | null;

  @Field(() => LegalDocumentStatus, { nullable: true, description: "Status; when omitted it is derived from the dates." })
  status?: LegalDocumentStatus | null;

  @Field(() => String, { description: "Summary (trích yếu); at most 2,000 characters." })
  summary!: string;

  @Field(() => String, { nullable: true, description: "Full text; at most 500,000 characters." })
  body?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Mark as demo data." })
  isDemo?: boolean | null;

  @Field(() => [LegalDocumentRelationInput], { nullable: true, description: "Outgoing relations; replaces the stored set (omitted: none)." })
  relations?: LegalDocumentRelationInput[] | null;
}
