import { Query, Resolver } from "type-graphql";

@Resolver()
export class ProcedureResolver {
  @Query(() => String, { description: "placeholder" })
  procedurePlaceholder(): string {
    return "";
  }
}
