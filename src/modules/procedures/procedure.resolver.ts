import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, ID } from "type-graphql";
import { globalId } from "../../shared/node.js";
import type { Context } from "../../context.js";
import { BatchResult } from "../../shared/batch.js";
import { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { LegalDocument } from "../legal-documents/legal-document.types.js";
import { upsertProcedures } from "./procedure-upsert.service.js";
import { PROCEDURE_ERROR_CODES } from "./procedure.errors.js";
import { getProcedure, listProcedureFields, listProcedurePage, proceduresOfUnit } from "./procedure.service.js";
import { Procedure, ProcedureConnection, ProcedureFieldCount, ProcedureFilter, ProcedureInput } from "./procedure.types.js";

@Resolver(() => Procedure)
export class ProcedureResolver {
  @FieldResolver(() => ID, { description: "Global, opaque, stable id (Relay Global Object Identification); `node(id)` finds it." })
  id(@Root() row: Procedure): string {
    return globalId("Procedure", row.id);
  }

  @Query(() => Procedure, { nullable: true, description: "One procedure by its code; null when none has it." })
  procedure(
    @Arg("code", () => String, { description: "National code `1.001445` or local variant `2.000815.000.00.00.H55`." }) code: string,
    @Ctx() ctx: Context,
  ): Promise<Procedure | null> {
    return getProcedure(ctx, code);
  }

  @Query(() => ProcedureConnection, { description: "Procedures matching the filter: ranked by relevance when `filter.search` is given, else by code." })
  procedures(
    @Arg("filter", () => ProcedureFilter, { nullable: true, description: "Conditions; all must hold." }) filter: ProcedureFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0–100 (default 20)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "The `endCursor` of the previous page." }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listProcedurePage(ctx, filter, first, after);
  }

  @Query(() => [ProcedureFieldCount], { description: "The fields (lĩnh vực) of the procedures matching the filter, with counts, largest first." })
  procedureFields(
    @Arg("filter", () => ProcedureFilter, { nullable: true, description: "Conditions; all must hold." }) filter: ProcedureFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ProcedureFieldCount[]> {
    return listProcedureFields(ctx, filter);
  }

  @Mutation(() => BatchResult, {
    description:
      "Creates or replaces procedures keyed by code. A local variant needs a writer token for its owning unit; a " +
      "national code needs a national administrator token; implementing units must be inside the token's scope. " +
      `Item errors: ${PROCEDURE_ERROR_CODES.join(", ")}.`,
  })
  upsertProcedures(
    @Arg("input", () => [ProcedureInput], { description: "The procedures, at most the batch limit (1,000 by default)." }) input: ProcedureInput[],
    @Ctx() ctx: Context,
  ): Promise<BatchResult> {
    return upsertProcedures(ctx, input);
  }

  @FieldResolver(() => AgencyUnit, { nullable: true, description: "The unit that owns a local variant; null for a national code." })
  owner(@Root() procedure: Procedure, @Ctx() ctx: Context): Promise<AgencyUnit | null> | null {
    return procedure.ownerUnitId === null ? null : ctx.loaders.agencyUnits.byId.load(procedure.ownerUnitId);
  }

  @FieldResolver(() => [AgencyUnit], { description: "The units that implement it (receive and resolve dossiers), by agency code." })
  agencies(@Root() procedure: Procedure, @Ctx() ctx: Context): Promise<AgencyUnit[]> {
    return ctx.loaders.procedures.agencies.load(procedure.id);
  }

  @FieldResolver(() => LegalDocument, { nullable: true, description: "The document that published it (quyết định công bố)." })
  publishedBy(@Root() procedure: Procedure, @Ctx() ctx: Context): Promise<LegalDocument | null> | null {
    return procedure.publishedById === null ? null : ctx.loaders.legalDocuments.byId.load(procedure.publishedById);
  }
}

@Resolver(() => AgencyUnit)
export class AgencyUnitProceduresResolver {
  @FieldResolver(() => [Procedure], { description: "Procedures this unit implements or owns (local variants), by code." })
  procedures(
    @Root() unit: AgencyUnit,
    @Arg("first", () => Int, { defaultValue: 20, description: "How many, 0–100." }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Procedure[]> {
    return proceduresOfUnit(ctx, unit, first);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const procedureResolvers = [ProcedureResolver, AgencyUnitProceduresResolver] as const;
