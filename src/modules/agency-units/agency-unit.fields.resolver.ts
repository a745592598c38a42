import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { globalId } from "../../shared/node.js";
import { DateScalar } from "../../shared/scalars.js";
import {
  ancestorsOf,
  childrenOf,
  descendantsOf,
  isCurrent,
  levelOf,
  parentOf,
  predecessorsOf,
  successorsOf,
} from "./agency-unit.service.js";
import { AdministrativeLevel, AgencyUnit, AgencyUnitConnection, AgencyUnitKind, AgencyUnitLink } from "./agency-unit.types.js";

const DEFAULT_DAY =
  "Default: today in Vietnam while the unit exists; for a unit that no longer exists, its last day (`validTo`); " +
  "for a unit that does not exist yet, its first day.";

@Resolver(() => AgencyUnit)
export class AgencyUnitFieldResolver {
  @FieldResolver(() => ID, { description: "Global, opaque, stable id (Relay); a successor that reuses the code has its own." })
  id(@Root() unit: AgencyUnit): string {
    return globalId("AgencyUnit", unit.id);
  }

  @FieldResolver(() => AgencyUnit, { nullable: true, description: "The unit directly above; null for a root unit." })
  parent(@Root() unit: AgencyUnit, @Ctx() ctx: Context): Promise<AgencyUnit | null> {
    return parentOf(ctx, unit);
  }

  @FieldResolver(() => [AgencyUnit], {
    description: `The units directly below that exist on \`asOf\`, by code. ${DEFAULT_DAY}`,
  })
  children(
    @Root() unit: AgencyUnit,
    @Arg("asOf", () => DateScalar, { nullable: true, description: `The day to look at. ${DEFAULT_DAY}` }) asOf: string | null,
    @Arg("kind", () => AgencyUnitKind, { nullable: true, description: "Only children of this kind." }) kind: AgencyUnitKind | null,
    @Ctx() ctx: Context,
  ): Promise<AgencyUnit[]> {
    return childrenOf(ctx, unit, asOf, kind);
  }

  @FieldResolver(() => [AgencyUnit], { description: "The units above this one, the root first, the parent last." })
  ancestors(@Root() unit: AgencyUnit, @Ctx() ctx: Context): Promise<AgencyUnit[]> {
    return ancestorsOf(ctx, unit);
  }

  @FieldResolver(() => AgencyUnitConnection, {
    description: `All units below this one at any depth that exist on \`asOf\`, by code. ${DEFAULT_DAY}`,
  })
  descendants(
    @Root() unit: AgencyUnit,
    @Arg("kind", () => AgencyUnitKind, { nullable: true, description: "Only descendants of this kind." }) kind: AgencyUnitKind | null,
    @Arg("asOf", () => DateScalar, { nullable: true, description: `The day to look at. ${DEFAULT_DAY}` }) asOf: string | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0 to 100; default 20." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "The `endCursor` of the previous page." }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<AgencyUnitConnection> {
    return descendantsOf(ctx, unit, kind, asOf, first, after);
  }

  @FieldResolver(() => [AgencyUnitLink], {
    description: "The units that succeeded this one (it was merged into, split into or renamed to them).",
  })
  successors(@Root() unit: AgencyUnit, @Ctx() ctx: Context): Promise<AgencyUnitLink[]> {
    return successorsOf(ctx, unit);
  }

  @FieldResolver(() => [AgencyUnitLink], {
    description: "The units this one succeeded (merged into it, split into it or renamed to it).",
  })
  predecessors(@Root() unit: AgencyUnit, @Ctx() ctx: Context): Promise<AgencyUnitLink[]> {
    return predecessorsOf(ctx, unit);
  }

  @FieldResolver(() => AdministrativeLevel, {
    description: "The tier of government, from the kind (a service unit takes the tier of the unit it belongs to).",
  })
  level(@Root() unit: AgencyUnit, @Ctx() ctx: Context): Promise<AdministrativeLevel> {
    return levelOf(ctx, unit);
  }

  @FieldResolver(() => Boolean, { description: "True when the unit exists today (in Vietnam)." })
  isCurrent(@Root() unit: AgencyUnit): boolean {
    return isCurrent(unit);
  }
}
