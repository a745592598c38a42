import { Field, InputType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";
import { AgencyUnitKind, AgencyUnitLinkKind } from "./agency-unit.types.js";

@InputType({ description: "Which agency units to list. Every condition given must hold." })
export class AgencyUnitFilter {
  @Field(() => String, {
    nullable: true,
    description: "Only the direct children of the unit with this code (the unit the code names on `asOf`).",
  })
  parentCode?: string | null;

  @Field(() => AgencyUnitKind, { nullable: true, description: "Only units of this kind." })
  kind?: AgencyUnitKind | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Words of the name, with or without diacritics, any case (`gia lam` finds `Huyện Gia Lâm`), or an exact " +
      "agency or GSO code. Results are ranked by similarity to the search. Without `asOf` a search finds units " +
      "that no longer exist too (`gia lam` finds the district dissolved in 2025): units that exist today come " +
      "first, each with its `validFrom` and `validTo`. At most 200 characters.",
  })
  search?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only units that exist on this day; default: today in Vietnam (with `search`: units of any day, today's first)." })
  asOf?: string | null;
}

@InputType({ description: "A successor of a unit being written." })
export class AgencyUnitSuccessorInput {
  @Field(() => String, {
    description: "The successor's electronic code; it must name an existing unit (the one valid on `effectiveOn`, else the latest).",
  })
  code!: string;

  @Field(() => AgencyUnitLinkKind, { description: "How this unit was succeeded." })
  kind!: AgencyUnitLinkKind;

  @Field(() => DateScalar, { nullable: true, description: "The first day of the successor's responsibility." })
  effectiveOn?: string | null;
}

@InputType({
  description:
    "An agency unit to create or update. A unit is identified by `code` and `validFrom`: when a unit with this " +
    "code and the same `validFrom` exists it is updated, otherwise a new unit is created (a code reused by a " +
    "successor unit needs a validity that does not overlap the earlier unit's).",
})
export class AgencyUnitInput {
  @Field(() => String, { description: "Electronic agency code `NNN.NN.NN.XNN` (Decision 20/2020/QĐ-TTg), e.g. `000.17.22.H56`." })
  code!: string;

  @Field(() => String, { description: "Official name, at most 255 characters." })
  name!: string;

  @Field(() => AgencyUnitKind, { description: "What kind of agency this is." })
  kind!: AgencyUnitKind;

  @Field(() => String, {
    nullable: true,
    description:
      "The parent's code: the unit with this code valid on `validFrom` (or, without `validFrom`, today or the " +
      "unit's last day). Null: a root unit (needs national write access). Changing it moves the whole subtree.",
  })
  parentCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Statistics office (GSO) code, digits only: 2 for a province, 3 for a district, 5 for a commune, ward or township.",
  })
  gsoCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day the unit exists; null: since before records." })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day the unit exists (not before `validFrom`); null: still exists." })
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address, at most 500 characters." })
  address?: string | null;

  @Field(() => [AgencyUnitSuccessorInput], {
    nullable: true,
    description: "The units that succeeded this one. When given, replaces the stored successor links; when absent, keeps them.",
  })
  successors?: AgencyUnitSuccessorInput[] | null;
}
