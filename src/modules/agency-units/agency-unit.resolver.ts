import { Query, Resolver } from "type-graphql";

@Resolver()
export class AgencyUnitResolver {
  @Query(() => String, { description: "placeholder" })
  agencyUnitPlaceholder(): string {
    return "";
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const agencyUnitResolvers = [AgencyUnitResolver] as const;
