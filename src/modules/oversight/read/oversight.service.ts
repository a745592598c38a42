import type { Db } from "../../../db/client.js";
import { toAgencyUnit } from "../../agency-units/agency-unit.mapper.js";
import { OWN_BUCKET } from "../../dashboards/query/dashboard-scope.store.js";
import { bucketOfPath } from "../../dashboards/query/dashboard-terms.js";
import { resolveTarget, type DashboardArgs, type DashboardTarget } from "../../dashboards/query/dashboard.service.js";
import { countUnitsBelow, liveFigures, sumCounts } from "../oversight-counts.store.js";
import { PetitionKind } from "../oversight.enums.js";
import { Oversight, OversightChild, type OversightFigures } from "../oversight.types.js";

/** What is counted per bucket: the summed measures, the live counts, the inspected units. */
interface Bucket {
  measures: Map<string, number>;
  live: Map<string, number>;
  inspected: Set<number>;
}

const emptyBucket = (): Bucket => ({ measures: new Map(), live: new Map(), inspected: new Set() });
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The figures of a bucket; `unitsBelow` is the denominator of `unitsInspectedShare`. */
export function toFigures(b: Bucket, unitsBelow: number | undefined): OversightFigures {
  const m = (measure: string) => b.measures.get(measure) ?? 0;
  const live = (what: string) => b.live.get(what) ?? 0;
  const received = m("petitions.received");
  const resolved = m("petitions.resolved");
  const open = live("petitionsOpen");
  const overdue = live("petitionsOverdue");
  return {
    inspections: {
      total: m("inspections.total"), announced: m("inspections.ANNOUNCED"), unannounced: m("inspections.UNANNOUNCED"), thematic: m("inspections.THEMATIC"),
      findings: m("inspections.findings"), violations: m("inspections.violations"), followUps: m("inspections.followUps"),
      followUpsDone: m("inspections.followUpsDone"), unitsInspected: b.inspected.size,
      unitsInspectedShare: unitsBelow === undefined ? null : ratio(b.inspected.size, unitsBelow),
    },
    receptions: {
      sessions: m("receptions.sessions"), leaderSessions: m("receptions.LEADER_PERIODIC"), citizens: m("receptions.citizens"),
      cases: m("receptions.cases"), delegations: m("receptions.delegations"),
    },
    petitions: {
      received, accepted: m("petitions.accepted"), notAccepted: m("petitions.notAccepted"), transferred: m("petitions.transferred"),
      withdrawn: m("petitions.withdrawn"), resolved, resolutionRate: ratio(resolved, received), onTime: m("petitions.onTime"),
      late: m("petitions.late"), pendingInTime: open - overdue, overdue,
      byKind: Object.values(PetitionKind).map((kind) => ({
        kind, received: m(`petitions.received.${kind}`), accepted: m(`petitions.accepted.${kind}`), resolved: m(`petitions.resolved.${kind}`),
      })),
    },
    feedback: {
      received: m("feedback.received"), answered: m("feedback.answered"), overdue: m("feedback.answeredLate") + live("feedbackOverdue"),
    },
  };
}

/** `oversight(agencyCode, from, to, asOf)`. */
export async function oversight(db: Db, args: DashboardArgs, now = new Date()): Promise<Oversight> {
  return computeOversight(db, await resolveTarget(db, args), now);
}

/** The oversight figures of a resolved target (shared by the query and the subscription). */
export async function computeOversight(db: Db, target: DashboardTarget, now = new Date()): Promise<Oversight> {
  const [sums, live, below] = await Promise.all([
    sumCounts(db, target.scope.byBucket, target.period),
    liveFigures(db, target.scope.paths, target.from, target.to, now),
    countUnitsBelow(db, [target.root.path, ...target.children.map((c) => c.path)], target.from, target.to),
  ]);
  const buckets = new Map<number, Bucket>();
  const slot = (bucket: number) => {
    let b = buckets.get(bucket);
    if (!b) buckets.set(bucket, (b = emptyBucket()));
    return b;
  };
  const total = emptyBucket();
  for (const row of sums) {
    const b = slot(row.bucket);
    b.measures.set(row.measure, (b.measures.get(row.measure) ?? 0) + row.value);
    total.measures.set(row.measure, (total.measures.get(row.measure) ?? 0) + row.value);
  }
  for (const row of live) {
    const bucket = bucketOfPath(target.scope, row.unitId, row.path);
    if (bucket === undefined) continue;
    for (const b of [slot(bucket), total]) {
      if (row.what === "inspected") b.inspected.add(row.n);
      else b.live.set(row.what, (b.live.get(row.what) ?? 0) + row.n);
    }
  }
  const children = target.children.map(toAgencyUnit).sort((a, b) => a.code.localeCompare(b.code) || a.id - b.id);
  return Object.assign(new Oversight(), toFigures(total, below.get(target.root.path)), {
    unit: toAgencyUnit(target.root),
    from: target.from,
    to: target.to,
    asOf: target.asOf,
    computedAt: now,
    own: toFigures(buckets.get(OWN_BUCKET) ?? emptyBucket(), undefined),
    byChildUnit: children.map((unit) => Object.assign(new OversightChild(), toFigures(buckets.get(unit.id) ?? emptyBucket(), below.get(unit.path)), { unit })),
  });
}
