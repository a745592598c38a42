import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { BatchResult } from "../../shared/batch.js";
import { DateScalar } from "../../shared/scalars.js";
import { AgencyUnitFieldResolver } from "./agency-unit.fields.resolver.js";
import { AgencyUnitFilter, AgencyUnitInput } from "./agency-unit.inputs.js";
import { getAgencyUnit, listAgencyUnits } from "./agency-unit.service.js";
import { AgencyUnit, AgencyUnitConnection } from "./agency-unit.types.js";
import { upsertAgencyUnits } from "./agency-unit-upsert.service.js";

@Resolver()
export class AgencyUnitResolver {
  @Query(() => AgencyUnit, {
    nullable: true,
    description:
      "The agency unit an electronic code names on `asOf`. Codes are reused by successor units, so the date " +
      "matters; when no unit with the code exists that day, the latest unit that had it (a dissolved unit is " +
      "still found). Null when no unit ever had the code.",
  })
  agencyUnit(
    @Arg("code", () => String, { description: "Electronic agency code, e.g. `000.00.00.H26`." }) code: string,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The day to look at; default: today in Vietnam." }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AgencyUnit | null> {
    return getAgencyUnit(ctx, code, asOf);
  }

  @Query(() => AgencyUnitConnection, {
    description: "Agency units that exist on a day (default today), ordered by code, or by relevance when searching.",
  })
  agencyUnits(
    @Arg("filter", () => AgencyUnitFilter, { nullable: true, description: "Which units to list." }) filter: AgencyUnitFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0 to 100; default 20." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "The `endCursor` of the previous page." }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<AgencyUnitConnection> {
    return listAgencyUnits(ctx, filter, first, after);
  }

  @Mutation(() => BatchResult, {
    description:
      "Creates or updates agency units (at most the configured batch size). Each item is applied whole or not " +
      "at all; items may refer to units created by earlier items. Needs a token with the WRITER role whose scope " +
      "covers the unit's parent (old and new parent when a unit moves; national scope for a root unit).",
  })
  upsertAgencyUnits(
    @Arg("input", () => [AgencyUnitInput], { description: "The units, applied in this order." }) input: AgencyUnitInput[],
    @Ctx() ctx: Context,
  ): Promise<BatchResult> {
    return upsertAgencyUnits(ctx, input);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const agencyUnitResolvers = [AgencyUnitResolver, AgencyUnitFieldResolver] as const;
