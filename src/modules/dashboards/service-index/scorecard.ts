/**
 * The service-quality index of Decision 766/QĐ-TTg (2022), computed from the hub's own data. Pure: the counts
 * come from the dashboard rollups, the open dossiers and the procedure catalogue; this module only does the
 * arithmetic, so that tests can check it by hand and users can check it from the counts it shows.
 *
 * Groups and maxima (facts.json): publicity 18, progress 20, online service 12, online payment 10, digitisation 22,
 * satisfaction 18 = 100. How this hub scores each indicator:
 * - progress (20): 20 × (early + onTime) / resolved;
 * - online service (12): procedures offered online 6 × onlineProcedures / procedures; dossiers submitted online
 *   6 × min(1, (receivedOnline / received) / 50%) — full points at half of the dossiers online;
 * - online payment (10): 10 × paidOnline / feeDue (received dossiers with a fee to pay);
 * - digitisation (22): dossiers digitised 11 × digitised / received; electronic results 11 × electronicResult / received;
 * - satisfaction (18): 18 × (100% − overdue share − complaint share): the hub records no complaints, so it is not
 *   scored; the overdue share's counts are shown;
 * - publicity (18): the hub records neither the publication of procedures nor the synchronisation of statuses, so
 *   it is not scored.
 * An indicator without data (its denominator is 0, or the hub has no such data) is `available: false` with a
 * reason and no points: nothing is invented. Points are rounded to 2 decimals; totals add the rounded points.
 */

export type ServiceIndexGroupKey = "PUBLICITY" | "PROGRESS" | "ONLINE_SERVICE" | "ONLINE_PAYMENT" | "DIGITISATION" | "SATISFACTION";

/** The group maxima of Decision 766 (the same as `serviceIndex766Groups` of facts.json). */
export const GROUP_MAXIMA: Readonly<Record<ServiceIndexGroupKey, number>> = {
  PUBLICITY: 18,
  PROGRESS: 20,
  ONLINE_SERVICE: 12,
  ONLINE_PAYMENT: 10,
  DIGITISATION: 22,
  SATISFACTION: 18,
};

/** Full points of the online-submission indicator are reached at this share. */
export const ONLINE_SUBMISSION_TARGET = 0.5;

/** The counts the index is computed from. */
export interface ServiceIndexInput {
  received: number;
  receivedOnline: number;
  early: number;
  onTime: number;
  late: number;
  feeDue: number;
  paidOnline: number;
  digitised: number;
  electronicResult: number;
  /** Open now (received up to the end of the period), past / not past the due instant. */
  overdue: number;
  pendingInTime: number;
  /** Procedures implemented by the units of the scope, and those of them offered online (FULL or PARTIAL). */
  procedures: number;
  onlineProcedures: number;
}

export interface IndicatorCount {
  name: string;
  value: number;
}

export interface IndicatorResult {
  key: string;
  name: string;
  available: boolean;
  reason: string | null;
  /** The share the points are computed from (0 to 1); null when not available. */
  value: number | null;
  points: number | null;
  maxPoints: number;
  formula: string;
  counts: IndicatorCount[];
}

export interface GroupResult {
  key: ServiceIndexGroupKey;
  name: string;
  maxPoints: number;
  /** True when every indicator of the group was scored. */
  available: boolean;
  /** The points of its scored indicators; null when none was scored. */
  points: number | null;
  /** The maxima of its scored indicators. */
  scoredMaxPoints: number;
  reason: string | null;
  indicators: IndicatorResult[];
}

export interface ServiceIndexResult {
  groups: GroupResult[];
  /** The points of every scored indicator. */
  points: number;
  /** The maxima of every scored indicator: the most the scored part could reach. */
  scoredMaxPoints: number;
  maxPoints: number;
  /** `points / scoredMaxPoints`; null when nothing was scored. */
  scoredShare: number | null;
  scoredGroups: ServiceIndexGroupKey[];
  partlyScoredGroups: ServiceIndexGroupKey[];
  unscoredGroups: ServiceIndexGroupKey[];
}

/** Rounds to 2 decimals (points are shown and added rounded). */
export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

const count = (name: string, value: number): IndicatorCount => ({ name, value });

interface Share {
  key: string;
  name: string;
  maxPoints: number;
  numerator: number;
  denominator: number;
  formula: string;
  counts: IndicatorCount[];
  /** Why there is no share when the denominator is 0. */
  empty: string;
  /** Points of a share; default `maxPoints × share`. */
  score?: (share: number) => number;
}

function shareIndicator(s: Share): IndicatorResult {
  if (s.denominator === 0) {
    return { key: s.key, name: s.name, available: false, reason: s.empty, value: null, points: null, maxPoints: s.maxPoints, formula: s.formula, counts: s.counts };
  }
  const value = s.numerator / s.denominator;
  const points = round2(s.score ? s.score(value) : s.maxPoints * value);
  return { key: s.key, name: s.name, available: true, reason: null, value, points, maxPoints: s.maxPoints, formula: s.formula, counts: s.counts };
}

function unavailable(key: string, name: string, maxPoints: number, formula: string, reason: string, counts: IndicatorCount[] = []): IndicatorResult {
  return { key, name, available: false, reason, value: null, points: null, maxPoints, formula, counts };
}

function group(key: ServiceIndexGroupKey, name: string, indicators: IndicatorResult[]): GroupResult {
  const scored = indicators.filter((i) => i.available);
  const missing = indicators.filter((i) => !i.available);
  return {
    key,
    name,
    maxPoints: GROUP_MAXIMA[key],
    available: missing.length === 0,
    points: scored.length === 0 ? null : round2(scored.reduce((sum, i) => sum + i.points!, 0)),
    scoredMaxPoints: scored.reduce((sum, i) => sum + i.maxPoints, 0),
    reason: missing.length === 0 ? null : missing.map((i) => `${i.name}: ${i.reason}`).join("; "),
    indicators,
  };
}

/** Scores the index from its counts. */
export function scoreServiceIndex(c: ServiceIndexInput): ServiceIndexResult {
  const resolved = c.early + c.onTime + c.late;
  const noDossiers = "no dossier was received in the period";
  const groups = [
    group("PUBLICITY", "Công khai, minh bạch (publicity and transparency)", [
      unavailable(
        "publicity",
        "Publication of procedures and dossier statuses",
        18,
        "not computed by the hub",
        "the hub records neither the publication of procedures nor the synchronisation of dossier statuses with the national portal",
      ),
    ]),
    group("PROGRESS", "Tiến độ giải quyết (progress of resolution)", [
      shareIndicator({
        key: "resolvedInTime",
        name: "Dossiers resolved early or on time",
        maxPoints: 20,
        numerator: c.early + c.onTime,
        denominator: resolved,
        formula: "20 × (early + onTime) / resolved",
        counts: [count("early", c.early), count("onTime", c.onTime), count("late", c.late), count("resolved", resolved)],
        empty: "no dossier was resolved in the period",
      }),
    ]),
    group("ONLINE_SERVICE", "Dịch vụ trực tuyến (online public services)", [
      shareIndicator({
        key: "proceduresOnline",
        name: "Procedures offered online",
        maxPoints: 6,
        numerator: c.onlineProcedures,
        denominator: c.procedures,
        formula: "6 × onlineProcedures / procedures",
        counts: [count("onlineProcedures", c.onlineProcedures), count("procedures", c.procedures)],
        empty: "no procedure of the catalogue is implemented by these units",
      }),
      shareIndicator({
        key: "dossiersOnline",
        name: "Dossiers submitted online",
        maxPoints: 6,
        numerator: c.receivedOnline,
        denominator: c.received,
        formula: "6 × min(1, (receivedOnline / received) / 0.5)",
        counts: [count("receivedOnline", c.receivedOnline), count("received", c.received)],
        empty: noDossiers,
        score: (share) => 6 * Math.min(1, share / ONLINE_SUBMISSION_TARGET),
      }),
    ]),
    group("ONLINE_PAYMENT", "Thanh toán trực tuyến (online payment)", [
      shareIndicator({
        key: "paidOnline",
        name: "Fees paid online",
        maxPoints: 10,
        numerator: c.paidOnline,
        denominator: c.feeDue,
        formula: "10 × paidOnline / feeDue",
        counts: [count("paidOnline", c.paidOnline), count("feeDue", c.feeDue)],
        empty: "no dossier received in the period had a fee to pay",
      }),
    ]),
    group("DIGITISATION", "Số hóa hồ sơ (digitisation)", [
      shareIndicator({
        key: "dossiersDigitised",
        name: "Dossiers digitised",
        maxPoints: 11,
        numerator: c.digitised,
        denominator: c.received,
        formula: "11 × digitised / received",
        counts: [count("digitised", c.digitised), count("received", c.received)],
        empty: noDossiers,
      }),
      shareIndicator({
        key: "electronicResults",
        name: "Results issued electronically",
        maxPoints: 11,
        numerator: c.electronicResult,
        denominator: c.received,
        formula: "11 × electronicResult / received",
        counts: [count("electronicResult", c.electronicResult), count("received", c.received)],
        empty: noDossiers,
      }),
    ]),
    group("SATISFACTION", "Mức độ hài lòng (satisfaction)", [
      unavailable(
        "satisfaction",
        "Satisfaction: 100% − overdue share − complaint share",
        18,
        "18 × (1 − (late + overdue) / (resolved + overdue + pendingInTime) − complaints / handled)",
        "the hub records no complaints (phản ánh, kiến nghị), so the complaint share is unknown; the counts of the overdue share are shown",
        [
          count("late", c.late),
          count("overdue", c.overdue),
          count("resolved", resolved),
          count("pendingInTime", c.pendingInTime),
        ],
      ),
    ]),
  ];
  const indicators = groups.flatMap((g) => g.indicators).filter((i) => i.available);
  const points = round2(indicators.reduce((sum, i) => sum + i.points!, 0));
  const scoredMaxPoints = indicators.reduce((sum, i) => sum + i.maxPoints, 0);
  return {
    groups,
    points,
    scoredMaxPoints,
    maxPoints: Object.values(GROUP_MAXIMA).reduce((a, b) => a + b, 0),
    scoredShare: scoredMaxPoints === 0 ? null : points / scoredMaxPoints,
    scoredGroups: groups.filter((g) => g.available).map((g) => g.key),
    partlyScoredGroups: groups.filter((g) => !g.available && g.points !== null).map((g) => g.key),
    unscoredGroups: groups.filter((g) => g.points === null).map((g) => g.key),
  };
}
