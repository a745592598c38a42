import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema as buildTypeGraphQLSchema } from "type-graphql";
import { accessResolvers } from "./modules/access/access.resolver.js";
import { agencyUnitResolvers } from "./modules/agency-units/agency-unit.resolver.js";
import { legalDocumentResolvers } from "./modules/legal-documents/legal-document.resolver.js";
import { procedureResolvers } from "./modules/procedures/procedure.resolver.js";
import { DateTimeScalar } from "./shared/scalars.js";

/** The single list of resolvers. */
export const resolvers = [...accessResolvers, ...agencyUnitResolvers, ...legalDocumentResolvers, ...procedureResolvers] as const;

/** Builds the executable schema from the decorated resolver classes. */
export async function buildSchema(): Promise<GraphQLSchema> {
  return buildTypeGraphQLSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
}

/** The SDL committed as `schema/schema.graphql`, sorted so that it does not depend on declaration order. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
