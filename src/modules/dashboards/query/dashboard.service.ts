import type { Db } from "../../../db/client.js";
import { addDays, vnDateTime } from "../../../shared/calendar/index.js";
import { BadInputError, NotFoundError } from "../../../shared/errors.js";
import { isValidDate, vnToday } from "../../../shared/scalars.js";
import { toAgencyUnit } from "../../agency-units/agency-unit.mapper.js";
import type { AgencyUnitRow } from "../../../db/schema/index.js";
import { checkPeriod, monthsOf, splitPeriod, type PeriodSplit } from "./dashboard-period.js";
import { findDashboardScope, OWN_BUCKET } from "./dashboard-scope.store.js";
import { scopeTerms, type ScopeTerms } from "./dashboard-terms.js";
import { dashboardFigures, EVERY_PART, type DashboardParts, type PendingRow } from "./dashboard.store.js";
import {
  addSums, CHANNELS, toChannel, toChildUnit, toField, toMonth, toRanking, toUnitFigures, fillUnitFigures, ZERO_SUMS,
  type ChannelSums, type Pending,
} from "./dashboard.mapper.js";
import { Dashboard, DashboardOverdueProcedure } from "../dashboard.types.js";

/** Arguments of `dashboard`, `dashboardChanged` and `serviceIndex`. */
export interface DashboardArgs {
  agencyCode: string;
  from: string;
  to: string;
  asOf?: string | null;
}

/** A checked dashboard request: the unit found, the period split, the scope. */
export interface DashboardTarget {
  root: AgencyUnitRow;
  from: string;
  to: string;
  asOf: string;
  period: PeriodSplit;
  /** The units counted, as signed terms over subtree counters (see `dashboard-terms.ts`). */
  scope: ScopeTerms;
  /** The units of the children buckets (the root's children valid in the period). */
  children: AgencyUnitRow[];
}

/** How many procedures `mostOverdueProcedures` lists. */
export const OVERDUE_PROCEDURES_LIMIT = 10;

/**
 * Checks the arguments (BAD_USER_INPUT naming the argument; NOT_FOUND for an unknown unit) and finds the unit the
 * code names on `asOf` (today by default; a code no unit carries that day names its most recent unit).
 */
export async function resolveTarget(db: Db, args: DashboardArgs): Promise<DashboardTarget> {
  checkPeriod(args.from, args.to);
  if (args.asOf != null && !isValidDate(args.asOf)) throw new BadInputError("asOf", "must be a date YYYY-MM-DD");
  const asOf = args.asOf ?? vnToday();
  const code = args.agencyCode.trim();
  const found = await findDashboardScope(db, code, args, asOf);
  if (!found) throw new NotFoundError("agency unit", code);
  return {
    root: found.root,
    from: args.from,
    to: args.to,
    asOf,
    period: splitPeriod(args.from, args.to),
    scope: scopeTerms(found.scope),
    children: found.children,
  };
}

/** The target with its scope read again (the tree may have changed since it was resolved). */
export async function refreshTarget(db: Db, target: DashboardTarget): Promise<DashboardTarget> {
  return resolveTarget(db, { agencyCode: target.root.code, from: target.from, to: target.to, asOf: target.asOf });
}

/** Open dossiers are those received before the day after the period (Vietnam time). */
export function receivedBefore(target: DashboardTarget): Date {
  return vnDateTime(addDays(target.to, 1), 0);
}

/**
 * `dashboard`: every figure of a unit's scope over a period, from the rollups and the open dossiers. `parts` leaves
 * out the lists nobody asked for (they are then empty).
 */
export async function dashboard(db: Db, args: DashboardArgs, parts: DashboardParts = EVERY_PART): Promise<Dashboard> {
  return computeDashboard(db, await resolveTarget(db, args), new Date(), parts);
}

/**
 * Computes a dashboard of a resolved target (shared by the query and the subscriptions); open dossiers are judged
 * at `now`, which becomes `computedAt`.
 */
export async function computeDashboard(db: Db, target: DashboardTarget, now = new Date(), parts: DashboardParts = EVERY_PART): Promise<Dashboard> {
  const limit = parts.procedures ? OVERDUE_PROCEDURES_LIMIT : 0;
  const { main, fields, open } = await dashboardFigures(db, target.scope, target.period, receivedBefore(target), now, limit, parts);

  const byBucket = new Map<number, ChannelSums>();
  const byMonth = new Map<string, ChannelSums>();
  const byChannel = new Map<string, ChannelSums>();
  const total = { ...ZERO_SUMS };
  for (const row of main) {
    if (row.bucket !== null) {
      addSums(slot(byBucket, row.bucket), row);
      addSums(slot(byChannel, row.channel), row);
      addSums(total, row);
    } else if (row.month !== null) {
      addSums(slot(byMonth, row.month), row);
    }
  }
  const pendingOf = pendingByBucket(open.pending);
  const children = target.children.map(toAgencyUnit).sort((a, b) => a.code.localeCompare(b.code) || a.id - b.id);
  const byChildUnit = children.map((unit) => toChildUnit(unit, byBucket.get(unit.id) ?? { ...ZERO_SUMS }, pendingOf(unit.id)));

  return Object.assign(fillUnitFigures(new Dashboard(), total, pendingOf(null)), {
    unit: toAgencyUnit(target.root),
    from: target.from,
    to: target.to,
    asOf: target.asOf,
    computedAt: now,
    own: toUnitFigures(byBucket.get(OWN_BUCKET) ?? { ...ZERO_SUMS }, pendingOf(OWN_BUCKET)),
    byMonth: monthsOf(target.from, target.to).map((m) => toMonth(m, byMonth.get(m) ?? { ...ZERO_SUMS })),
    byField: fields
      .map((row) => toField(row.field, row))
      .sort((a, b) => b.received - a.received || b.resolved - a.resolved || a.field.localeCompare(b.field)),
    byChannel: CHANNELS.map((channel) => toChannel(channel, byChannel.get(channel) ?? { ...ZERO_SUMS })),
    byChildUnit,
    ranking: toRanking(byChildUnit),
    mostOverdueProcedures: open.mostOverdue.map((row) => Object.assign(new DashboardOverdueProcedure(), row)),
  });
}

function slot<K>(map: Map<K, ChannelSums>, key: K): ChannelSums {
  let sums = map.get(key);
  if (!sums) map.set(key, (sums = { ...ZERO_SUMS }));
  return sums;
}

/** Pending counts of one bucket, or of all buckets (`null`). */
function pendingByBucket(rows: PendingRow[]): (bucket: number | null) => Pending {
  return (bucket) => {
    const pending = { inTime: 0, overdue: 0 };
    for (const row of rows) {
      if (bucket === null || row.bucket === bucket) {
        pending.inTime += row.inTime;
        pending.overdue += row.overdue;
      }
    }
    return pending;
  };
}
