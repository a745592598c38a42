import type { Context } from "../../../context.js";
import { SafeError } from "../../../shared/errors.js";
import { dashboardFeedFor, type DashboardStream } from "./dashboard-feed.js";
import { resolveTarget, type DashboardArgs } from "../query/dashboard.service.js";
import type { Dashboard } from "../dashboard.types.js";

/**
 * Opens a `dashboardChanged` subscription: the arguments are checked like the query's (BAD_USER_INPUT, NOT_FOUND),
 * then the stream joins the instance's watch of the same (unit, period, tree date). Anonymous callers may subscribe:
 * dashboards are aggregates, public information.
 */
export async function openDashboardStream(
  ctx: Pick<Context, "db" | "dossierEvents">,
  args: DashboardArgs,
  beforeDeliver: (dashboard: Dashboard) => void,
): Promise<DashboardStream> {
  const target = await resolveTarget(ctx.db, args);
  if (!ctx.dossierEvents) throw new SafeError("INTERNAL", "live dashboards are not served by this instance");
  return dashboardFeedFor(ctx.dossierEvents, ctx.db).open(target, beforeDeliver);
}
