import type { Db } from "../../../db/client.js";
import { toAgencyUnit } from "../../agency-units/agency-unit.mapper.js";
import { receivedBefore, resolveTarget, type DashboardArgs } from "../query/dashboard.service.js";
import { countOfferedProcedures, countOpen, sumMainRollups } from "../query/dashboard.store.js";
import { addSums, ZERO_SUMS } from "../query/dashboard.mapper.js";
import { scoreServiceIndex } from "./scorecard.js";
import {
  ServiceIndex, ServiceIndexCount, ServiceIndexGroup, ServiceIndexIndicator, type ServiceIndexGroupKey,
} from "./service-index.types.js";

/** `serviceIndex`: the Decision 766 index of a unit's dashboard scope over a period. */
export async function serviceIndex(db: Db, args: DashboardArgs): Promise<ServiceIndex> {
  const target = await resolveTarget(db, args);
  const { scope } = target;
  const now = new Date();
  const [main, open, offered] = await Promise.all([
    sumMainRollups(db, scope, target.period),
    countOpen(db, scope, receivedBefore(target), now, 0),
    countOfferedProcedures(db, scope),
  ]);
  const pending = open.pending;
  const sums = { ...ZERO_SUMS };
  for (const row of main) if (row.bucket !== null) addSums(sums, row);
  const result = scoreServiceIndex({
    ...sums,
    overdue: pending.reduce((n, row) => n + row.overdue, 0),
    pendingInTime: pending.reduce((n, row) => n + row.inTime, 0),
    procedures: offered.procedures,
    onlineProcedures: offered.online,
  });
  return Object.assign(new ServiceIndex(), {
    unit: toAgencyUnit(target.root),
    from: target.from,
    to: target.to,
    asOf: target.asOf,
    computedAt: now,
    points: result.points,
    scoredMaxPoints: result.scoredMaxPoints,
    maxPoints: result.maxPoints,
    scoredShare: result.scoredShare,
    scoredGroups: result.scoredGroups as ServiceIndexGroupKey[],
    partlyScoredGroups: result.partlyScoredGroups as ServiceIndexGroupKey[],
    unscoredGroups: result.unscoredGroups as ServiceIndexGroupKey[],
    groups: result.groups.map((g) =>
      Object.assign(new ServiceIndexGroup(), {
        ...g,
        key: g.key as ServiceIndexGroupKey,
        indicators: g.indicators.map((i) =>
          Object.assign(new ServiceIndexIndicator(), { ...i, counts: i.counts.map((c) => Object.assign(new ServiceIndexCount(), c)) }),
        ),
      }),
    ),
  });
}
