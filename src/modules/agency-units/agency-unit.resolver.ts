import { Query, Resolver } from "type-graphql";

@Resolver()
export class AgencyUnitResolver {
  @Query(() => String, { description: "placeholder" })
  agencyunitPlaceholder(): string {
    return "";
  }
}
