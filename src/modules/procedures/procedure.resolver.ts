import { Query, Resolver } from "type-graphql";

@Resolver()
export class ProcedureResolver {
  @Query(() => String, { description: "placeholder" })
  procedurePlaceholder(): string {
    return "";
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const procedureResolvers = [ProcedureResolver] as const;
