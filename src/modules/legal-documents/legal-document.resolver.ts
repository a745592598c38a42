import { Query, Resolver } from "type-graphql";

@Resolver()
export class LegalDocumentResolver {
  @Query(() => String, { description: "placeholder" })
  legaldocumentPlaceholder(): string {
    return "";
  }
}
