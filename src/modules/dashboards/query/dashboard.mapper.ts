import type { AgencyUnit } from "../../agency-units/agency-unit.types.js";
import { Channel } from "../../dossiers/dossier-status.js";
import type { CounterSums, MainSums } from "./dashboard.store.js";
import {
  DashboardChannel, DashboardChildUnit, DashboardField, DashboardMonth, DashboardRankEntry, DashboardUnitFigures,
  type DashboardCounts, type DashboardFigures,
} from "../dashboard.types.js";

/** Main counters with the channel split of the received dossiers. */
export interface ChannelSums extends MainSums {
  receivedDirect: number;
  receivedOnline: number;
  receivedPostal: number;
}

export interface Pending {
  inTime: number;
  overdue: number;
}

export const ZERO_SUMS: ChannelSums = {
  received: 0, early: 0, onTime: 0, late: 0, stopped: 0, notAccepted: 0,
  paidOnline: 0, digitised: 0, electronicResult: 0, feeDue: 0,
  receivedDirect: 0, receivedOnline: 0, receivedPostal: 0,
};

/** Adds the counters of `row` (of one channel, or already split) into `into`. */
export function addSums(into: ChannelSums, row: MainSums & { channel?: string }): ChannelSums {
  for (const key of Object.keys(ZERO_SUMS) as (keyof ChannelSums)[]) {
    if (key in row) into[key] += Number((row as unknown as Record<string, number>)[key] ?? 0);
  }
  if (row.channel === "DIRECT") into.receivedDirect += Number(row.received);
  if (row.channel === "ONLINE") into.receivedOnline += Number(row.received);
  if (row.channel === "POSTAL") into.receivedPostal += Number(row.received);
  return into;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The on-time rate of resolved dossiers: `(early + onTime) / resolved`, null when none was resolved. */
export function onTimeRate(sums: Pick<CounterSums, "early" | "onTime" | "late">): number | null {
  return share(sums.early + sums.onTime, sums.early + sums.onTime + sums.late);
}

function fillCounts<T extends DashboardCounts>(target: T, sums: CounterSums): T {
  return Object.assign(target, {
    received: sums.received,
    resolved: sums.early + sums.onTime + sums.late,
    early: sums.early,
    onTime: sums.onTime,
    late: sums.late,
    onTimeRate: onTimeRate(sums),
    stopped: sums.stopped,
    notAccepted: sums.notAccepted,
  });
}

/** Fills the counters and receipt figures of any figures object. */
export function fillFigures<T extends DashboardFigures>(target: T, sums: ChannelSums): T {
  return Object.assign(fillCounts(target, sums), {
    receivedDirect: sums.receivedDirect,
    receivedOnline: sums.receivedOnline,
    receivedPostal: sums.receivedPostal,
    onlineShare: share(sums.receivedOnline, sums.received),
    postalShare: share(sums.receivedPostal, sums.received),
    feeDue: sums.feeDue,
    paidOnline: sums.paidOnline,
    digitised: sums.digitised,
    electronicResult: sums.electronicResult,
  });
}

export function fillUnitFigures<T extends DashboardUnitFigures>(target: T, sums: ChannelSums, pending: Pending): T {
  return Object.assign(fillFigures(target, sums), { pendingInTime: pending.inTime, overdue: pending.overdue });
}

export function toUnitFigures(sums: ChannelSums, pending: Pending): DashboardUnitFigures {
  return fillUnitFigures(new DashboardUnitFigures(), sums, pending);
}

export function toMonth(month: string, sums: ChannelSums): DashboardMonth {
  return Object.assign(fillFigures(new DashboardMonth(), sums), { month });
}

export function toField(field: string, sums: CounterSums): DashboardField {
  return Object.assign(fillCounts(new DashboardField(), sums), { field });
}

export function toChannel(channel: Channel, sums: CounterSums): DashboardChannel {
  return Object.assign(fillCounts(new DashboardChannel(), sums), { channel });
}

export function toChildUnit(unit: AgencyUnit, sums: ChannelSums, pending: Pending): DashboardChildUnit {
  return Object.assign(fillUnitFigures(new DashboardChildUnit(), sums, pending), { unit });
}

/**
 * The children ranked by on-time rate (best first; ties share a rank: 1, 2, 2, 4), then most resolved, then code;
 * children that resolved nothing come last without a rank.
 */
export function toRanking(children: readonly DashboardChildUnit[]): DashboardRankEntry[] {
  const sorted = [...children].sort(
    (a, b) =>
      (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.resolved - a.resolved || a.unit.code.localeCompare(b.unit.code),
  );
  let rank = 0;
  return sorted.map((child, i) => {
    if (child.onTimeRate !== null && (i === 0 || sorted[i - 1]!.onTimeRate !== child.onTimeRate)) rank = i + 1;
    return Object.assign(new DashboardRankEntry(), {
      rank: child.onTimeRate === null ? null : rank,
      unit: child.unit,
      onTimeRate: child.onTimeRate,
      resolved: child.resolved,
      late: child.late,
    });
  });
}

export const CHANNELS: readonly Channel[] = [Channel.DIRECT, Channel.ONLINE, Channel.POSTAL];
