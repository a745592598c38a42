import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Query, Resolver, Root, Subscription } from "type-graphql";
import { createLoaders, type Context, type Loaders } from "../../context.js";
import { DateScalar } from "../../shared/scalars.js";
import { selectedFieldNames } from "../../shared/selection.js";
import { openDashboardStream } from "./live/dashboard-live.service.js";
import { dashboard, type DashboardArgs } from "./query/dashboard.service.js";
import { Dashboard } from "./dashboard.types.js";
import { serviceIndex } from "./service-index/scorecard.service.js";
import { ServiceIndex } from "./service-index/service-index.types.js";

const CODE = "Electronic code of the unit (Decision 20/2020), e.g. `000.00.18.H26`.";
const FROM = "First day of the period (Vietnam dates).";
const TO = "Last day of the period, inclusive; not before `from`, and the period at most 10 years long.";
const AS_OF =
  "Take the tree (and the unit the code names) as of this date. Default: today, the current tree, where units merged " +
  "into the unit or its subtree count as part of it; as of a date before a merger they stay separate.";

/**
 * Loaders of one pushed dashboard. A pushed dashboard is the same object for every subscriber of its watch, so they
 * share its loaders (nothing viewer-specific: aggregates are public).
 */
const pushLoaders = new WeakMap<Dashboard, Loaders>();

@Resolver()
export class DashboardResolver {
  @Query(() => Dashboard, {
    description:
      "Dossier statistics of a unit and its subtree over a period: received, resolved (early, on time, late), the " +
      "on-time rate, what is pending now, online and postal shares, by month, field, channel and child unit, the " +
      "children's ranking and the procedures with the most overdue dossiers. Public (no token needed). NOT_FOUND for " +
      "an unknown unit.",
  })
  dashboard(
    @Arg("agencyCode", () => String, { description: CODE }) agencyCode: string,
    @Arg("from", () => DateScalar, { description: FROM }) from: string,
    @Arg("to", () => DateScalar, { description: TO }) to: string,
    @Arg("asOf", () => DateScalar, { nullable: true, description: AS_OF }) asOf: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dashboard> {
    const selected = selectedFieldNames(info);
    return dashboard(
      ctx.db,
      { agencyCode, from, to, asOf },
      { months: selected.has("byMonth"), fields: selected.has("byField"), procedures: selected.has("mostOverdueProcedures") },
    );
  }

  @Query(() => ServiceIndex, {
    description:
      "The Decision 766/QĐ-TTg service-quality index of a unit and its subtree over a period, computed from the " +
      "dossiers: each indicator with its share, points, maximum and counts; indicators without data are not scored. " +
      "Public (no token needed).",
  })
  serviceIndex(
    @Arg("agencyCode", () => String, { description: CODE }) agencyCode: string,
    @Arg("from", () => DateScalar, { description: FROM }) from: string,
    @Arg("to", () => DateScalar, { description: TO }) to: string,
    @Arg("asOf", () => DateScalar, { nullable: true, description: AS_OF }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<ServiceIndex> {
    return serviceIndex(ctx.db, { agencyCode, from, to, asOf });
  }

  @Subscription(() => Dashboard, {
    description:
      "The dashboard of `dashboard(agencyCode, from, to, asOf)`: once at once, then again whenever a dossier received " +
      "by a unit of its scope changes — at most once a second, computed once for every subscriber of the same " +
      "arguments. Public (no token needed).",
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return openDashboardStream(ctx, args as DashboardArgs, (pushed) => {
        let loaders = pushLoaders.get(pushed);
        if (!loaders) pushLoaders.set(pushed, (loaders = createLoaders(ctx.db)));
        ctx.loaders = loaders;
      });
    },
  })
  dashboardChanged(
    @Root() pushed: Dashboard,
    @Arg("agencyCode", () => String, { description: CODE }) _agencyCode: string,
    @Arg("from", () => DateScalar, { description: FROM }) _from: string,
    @Arg("to", () => DateScalar, { description: TO }) _to: string,
    @Arg("asOf", () => DateScalar, { nullable: true, description: AS_OF }) _asOf: string | null,
  ): Dashboard {
    return pushed;
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const dashboardResolvers = [DashboardResolver] as const;
