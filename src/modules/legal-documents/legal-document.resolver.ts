import { Query, Resolver } from "type-graphql";

@Resolver()
export class LegalDocumentResolver {
  @Query(() => String, { description: "placeholder" })
  legaldocumentPlaceholder(): string {
    return "";
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const legalDocumentResolvers = [LegalDocumentResolver] as const;
