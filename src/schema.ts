import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema as buildTypeGraphQLSchema } from "type-graphql";
import { accessResolvers } from "./modules/access/access.resolver.js";
import { agencyUnitResolvers } from "./modules/agency-units/agency-unit.resolver.js";
import { calendarResolvers } from "./modules/calendar/calendar.resolver.js";
import { dashboardResolvers } from "./modules/dashboards/dashboard.resolver.js";
import { dossierResolvers } from "./modules/dossiers/dossier.resolver.js";
import { indexResolvers } from "./modules/indexes/par-index.resolver.js";
import { legalDocumentResolvers } from "./modules/legal-documents/legal-document.resolver.js";
import { nodeResolvers } from "./modules/nodes/node.resolver.js";
import { oversightResolvers } from "./modules/oversight/oversight.resolver.js";
import { procedureResolvers } from "./modules/procedures/procedure.resolver.js";
import { serverInfoResolvers } from "./modules/server-info/server-limits.resolver.js";
import { DateTimeScalar } from "./shared/scalars.js";

/** The single list of resolvers. */
export const resolvers = [
  ...accessResolvers,
  ...agencyUnitResolvers,
  ...legalDocumentResolvers,
  ...procedureResolvers,
  ...calendarResolvers,
  ...dossierResolvers,
  ...indexResolvers,
  ...dashboardResolvers,
  ...oversightResolvers,
  ...nodeResolvers,
  ...serverInfoResolvers,
] as const;

/**
 * Subscriptions read the database's event log through their own `subscribe` functions (an in-memory PubSub
 * would not cross instances); type-graphql insists on a PubSub as soon as one subscription exists, so it gets one
 * that refuses topic-based use.
 */
const noTopicPubSub = {
  publish: () => {
    throw new Error("topic-based subscriptions are not used: subscriptions read the event log");
  },
  subscribe: () => {
    throw new Error("topic-based subscriptions are not used: subscriptions read the event log");
  },
};

/**
 * Builds the executable schema from the decorated resolver classes. Every `@ObjectType` is declared with
 * `simpleResolvers: true`: the hub uses no type-graphql middlewares or auth checker (access is checked in the
 * services), so plain fields resolve with graphql-js's default resolver instead of a wrapper per field and value
 * (a few percent of the CPU time of a list query).
 */
export async function buildSchema(): Promise<GraphQLSchema> {
  return buildTypeGraphQLSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: noTopicPubSub,
    validate: false,
  });
}

/** The SDL committed as `schema/schema.graphql`, sorted so that it does not depend on declaration order. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
