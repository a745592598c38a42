import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, ID } from "type-graphql";
import { globalId } from "../../shared/node.js";
import type { Context } from "../../context.js";
import { BatchResult } from "../../shared/batch.js";
import { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { upsertLegalDocuments } from "./legal-document-upsert.service.js";
import { DOCUMENT_ERROR_CODES } from "./legal-document.errors.js";
import { getLegalDocument, issuedDocumentsOf, listDocumentTypes, listLegalDocuments, statusOf } from "./legal-document.service.js";
import {
  LegalDocument, LegalDocumentConnection, LegalDocumentFilter, LegalDocumentInput, LegalDocumentRelation, LegalDocumentStatus,
  LegalDocumentType,
} from "./legal-document.types.js";
import { DateScalar } from "../../shared/scalars.js";

@Resolver(() => LegalDocument)
export class LegalDocumentResolver {
  @FieldResolver(() => ID, { description: "Global, opaque, stable id (Relay Global Object Identification); `node(id)` finds it." })
  id(@Root() row: LegalDocument): string {
    return globalId("LegalDocument", row.id);
  }

  @Query(() => LegalDocument, {
    nullable: true,
    description:
      "One document by its symbol; null when none has it. When several documents share the symbol (every People's " +
      "Committee issues a `53/KH-UBND`), give `issuerCode` (or `issuerName`) and `year`, else BAD_USER_INPUT.",
  })
  legalDocument(
    @Arg("symbol", () => String, { description: "Number and symbol, e.g. `53/KH-UBND`." }) symbol: string,
    @Arg("issuerCode", () => String, { nullable: true, description: "Agency code of the issuing unit." }) issuerCode: string | null,
    @Arg("issuerName", () => String, { nullable: true, description: "Issuer name of a central body without a unit, e.g. `Chính phủ`." }) issuerName: string | null,
    @Arg("year", () => Int, { nullable: true, description: "Year issued." }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<LegalDocument | null> {
    return getLegalDocument(ctx, { symbol, issuerCode, issuerName, year });
  }

  @Query(() => LegalDocumentConnection, {
    description: "Documents matching the filter: ranked by relevance when `filter.search` is given, else newest issued first.",
  })
  legalDocuments(
    @Arg("filter", () => LegalDocumentFilter, { nullable: true, description: "Conditions; all must hold." }) filter: LegalDocumentFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0–100 (default 20)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "The `endCursor` of the previous page." }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listLegalDocuments(ctx, filter, first, after);
  }

  @Query(() => [LegalDocumentType], { description: "The known document type codes with their names." })
  legalDocumentTypes(): LegalDocumentType[] {
    return listDocumentTypes();
  }

  @Mutation(() => BatchResult, {
    description:
      "Creates or replaces documents keyed by (symbol, issuer, year issued). Needs a writer token for the issuing " +
      "unit's subtree, or a national administrator token for central bodies without a unit. " +
      `Item errors: ${DOCUMENT_ERROR_CODES.join(", ")}.`,
  })
  upsertLegalDocuments(
    @Arg("input", () => [LegalDocumentInput], { description: "The documents, at most the batch limit (1,000 by default)." }) input: LegalDocumentInput[],
    @Ctx() ctx: Context,
  ): Promise<BatchResult> {
    return upsertLegalDocuments(ctx, input);
  }

  @FieldResolver(() => AgencyUnit, { nullable: true, description: "The issuing unit; null for central bodies without a unit (see `issuerName`)." })
  issuer(@Root() doc: LegalDocument, @Ctx() ctx: Context): Promise<AgencyUnit | null> | null {
    return doc.issuerUnitId === null ? null : ctx.loaders.agencyUnits.byId.load(doc.issuerUnitId);
  }

  @FieldResolver(() => LegalDocumentStatus, {
    description:
      "Whether it applies on `on` (default today): not yet in force before its first day; expired from `expiresOn`, " +
      "or from the first day in force of a document that replaces or repeals it entirely; partly expired when one " +
      "replaces or repeals part of it; else (today) the status the sender stored, or in force. An amendment leaves it in force.",
  })
  status(
    @Root() doc: LegalDocument,
    @Arg("on", () => DateScalar, { nullable: true, description: "The day to look at; default: today in Vietnam." }) on: string | null,
    @Ctx() ctx: Context,
  ): Promise<LegalDocumentStatus> {
    return statusOf(ctx, doc, on);
  }

  @FieldResolver(() => [LegalDocumentRelation], { description: "Outgoing relations: this document <kind> `document`." })
  relations(@Root() doc: LegalDocument, @Ctx() ctx: Context): Promise<LegalDocumentRelation[]> {
    return ctx.loaders.legalDocuments.relations.load(doc.id);
  }

  @FieldResolver(() => [LegalDocumentRelation], {
    description: "Incoming relations: `document` <kind> this document, e.g. the plans implementing this directive.",
  })
  referencedBy(@Root() doc: LegalDocument, @Ctx() ctx: Context): Promise<LegalDocumentRelation[]> {
    return ctx.loaders.legalDocuments.referencedBy.load(doc.id);
  }
}

@Resolver(() => AgencyUnit)
export class AgencyUnitDocumentsResolver {
  @FieldResolver(() => [LegalDocument], { description: "Documents this unit issued, newest first." })
  issuedDocuments(
    @Root() unit: AgencyUnit,
    @Arg("first", () => Int, { defaultValue: 20, description: "How many, 0–100." }) first: number,
    @Ctx() ctx: Context,
  ): Promise<LegalDocument[]> {
    return issuedDocumentsOf(ctx, unit, first);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const legalDocumentResolvers = [LegalDocumentResolver, AgencyUnitDocumentsResolver] as const;
