import { Arg, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { createLoaders, type Context, type Loaders } from "../../context.js";
import { BatchResult } from "../../shared/batch.js";
import { EVENT_ERROR_CODES, SUBMIT_ERROR_CODES } from "./dossier.errors.js";
import { recordDossierEvents } from "./write/dossier-event-record.service.js";
import { dossierByCode, listDossiers, openDossierStream, type DossierStreamArgs } from "./read/dossier-query.service.js";
import type { StreamedEvent } from "./dossier-event-log.store.js";
import { DossierEventFieldResolver, DossierFieldResolver } from "./read/dossier-fields.resolver.js";
import { toStatusEvent } from "./dossier.mapper.js";
import { submitDossiers } from "./write/dossier-submit.service.js";
import { DossierEventInput, DossierFilter, DossierInput } from "./dossier.inputs.js";
import { Dossier, DossierConnection, DossierStatusEvent } from "./dossier.types.js";

/**
 * Loaders of one delivered event. An event of the hub's shared tail is the same object for every subscription of
 * the instance, so they share its loaders (they hold no viewer-specific data: masking happens in field resolvers):
 * one query per relation and event instead of one per subscriber.
 */
const eventLoaders = new WeakMap<StreamedEvent, Loaders>();
function loadersFor(event: StreamedEvent, ctx: Context): Loaders {
  let loaders = eventLoaders.get(event);
  if (!loaders) {
    loaders = createLoaders(ctx.db);
    eventLoaders.set(event, loaders);
  }
  return loaders;
}

@Resolver()
export class DossierResolver {
  @Query(() => Dossier, {
    nullable: true,
    description:
      "One dossier by code; null when no dossier has it. Needs a token with a reading role (FORBIDDEN for " +
      "anonymous callers, whatever the code) whose scope covers the receiving or the holding agency (else FORBIDDEN).",
  })
  dossier(@Arg("code", () => String, { description: "The dossier code." }) code: string, @Ctx() ctx: Context): Promise<Dossier | null> {
    return dossierByCode(ctx, code);
  }

  @Query(() => DossierConnection, {
    description:
      "Dossiers matching the filter, newest receipt first, always limited to the token's read scope (dossiers " +
      "received or held by a unit inside it). Needs a token with a reading role.",
  })
  dossiers(
    @Arg("filter", () => DossierFilter, { nullable: true, description: "Which dossiers; every condition given must hold." })
    filter: DossierFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, at most 100 (default 20)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "`endCursor` of the previous page." }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listDossiers(ctx, filter, first, after);
  }

  @Mutation(() => BatchResult, {
    description:
      "Receives dossiers from a one-stop system, each item whole or not at all. A known code updates its mutable " +
      "fields (`applied`) or changes nothing (`unchanged`). Needs the WRITER role for the receiving agency. " +
      `Item errors: ${SUBMIT_ERROR_CODES.join(", ")}.`,
  })
  submitDossiers(
    @Arg("input", () => [DossierInput], { description: "The dossiers, at most the configured batch size." }) input: DossierInput[],
    @Ctx() ctx: Context,
  ): Promise<BatchResult> {
    return submitDossiers(ctx, input);
  }

  @Mutation(() => BatchResult, {
    description:
      "Records status events and inter-agency hand-overs, each item whole or not at all, idempotent by event id. " +
      "Events must not be earlier than the dossier's latest event (OUT_OF_ORDER). Needs the WRITER role for the " +
      "dossier's current holder or its receiving agency. " +
      `Item errors: ${EVENT_ERROR_CODES.join(", ")}.`,
  })
  recordDossierEvents(
    @Arg("input", () => [DossierEventInput], { description: "The events, applied in input order." }) input: DossierEventInput[],
    @Ctx() ctx: Context,
  ): Promise<BatchResult> {
    return recordDossierEvents(ctx, input);
  }

  @Subscription(() => DossierStatusEvent, {
    description:
      "Changes of dossiers inside the token's read scope, in log order. With `after` (a `cursor` received before), " +
      "first every event after it, then live ones: none twice, none lost across reconnects. Without it, events " +
      "from the moment of subscribing. Needs a token with a reading role.",
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const since = Date.now();
      // Fresh DataLoaders for every delivered event, so that `dossier { procedure { name } }` is current.
      return openDossierStream(ctx, args as DossierStreamArgs, (event) => {
        ctx.loaders = loadersFor(event, ctx);
        // Event-to-push latency of live events (a replay after a cursor would count its age).
        const recorded = event.event.recordedAt.getTime();
        if (recorded >= since) ctx.metrics?.eventPushSeconds.observe(Math.max(0, Date.now() - recorded) / 1000);
      });
    },
  })
  dossierStatusChanged(
    @Root() event: StreamedEvent,
    @Arg("agencyCode", () => String, { nullable: true, description: "Events of dossiers held by this unit before or after the event (and its subtree)." })
    _agencyCode: string | null,
    @Arg("includeDescendants", () => Boolean, { nullable: true, defaultValue: true, description: "Include the units below `agencyCode`." })
    _includeDescendants: boolean | null,
    @Arg("dossierCode", () => String, { nullable: true, description: "Events of this dossier only." }) _dossierCode: string | null,
    @Arg("procedureCode", () => String, { nullable: true, description: "Events of dossiers of this procedure only." })
    _procedureCode: string | null,
    @Arg("after", () => String, { nullable: true, description: "Resume after this event `cursor`." }) _after: string | null,
  ): DossierStatusEvent {
    return toStatusEvent(event);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const dossierResolvers = [DossierResolver, DossierFieldResolver, DossierEventFieldResolver] as const;
