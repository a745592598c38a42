/* The operations of the page: the same public GraphQL API any other front end uses. */

const FIGURES = `received resolved early onTime late onTimeRate pendingInTime overdue onlineShare`;

export const DASHBOARD_FIELDS = `
  from to computedAt
  unit { code name }
  ${FIGURES}
  byMonth { month received resolved early onTime late }
  byChannel { channel received resolved onTimeRate }
  byField { field received resolved onTimeRate }
  byChildUnit { unit { code name } received resolved onTimeRate overdue }
  ranking { rank unit { code } }
  mostOverdueProcedures { code name field overdue }`;

export const DASHBOARD = `query Dashboard($unit: String!, $from: Date!, $to: Date!) {
  dashboard(agencyCode: $unit, from: $from, to: $to) { ${DASHBOARD_FIELDS} }
  serviceIndex(agencyCode: $unit, from: $from, to: $to) {
    points maxPoints scoredMaxPoints scoredShare
    groups { key name points maxPoints scoredMaxPoints available reason }
  }
}`;

export const DASHBOARD_CHANGED = `subscription DashboardChanged($unit: String!, $from: Date!, $to: Date!) {
  dashboardChanged(agencyCode: $unit, from: $from, to: $to) { ${DASHBOARD_FIELDS} }
}`;

const UNIT_LINE = `code name kind`;

export const UNIT = `query Unit($code: String!, $asOf: Date) {
  agencyUnit(code: $code, asOf: $asOf) {
    ${UNIT_LINE} validFrom validTo
    ancestors { ${UNIT_LINE} }
    children(asOf: $asOf) { ${UNIT_LINE} }
  }
}`;

export const FIRST_PROVINCE = `query FirstProvince {
  agencyUnits(filter: { kind: PROVINCE }, first: 1) { edges { node { code } } }
}`;

export const SEARCH_UNITS = `query SearchUnits($search: String!, $asOf: Date) {
  agencyUnits(filter: { search: $search, asOf: $asOf }, first: 10) {
    edges { node { ${UNIT_LINE} parent { name } } }
  }
}`;

export const INDEX_FRAMEWORKS = `query IndexFrameworks {
  indexFrameworks(first: 20) { edges { node { code name maxTotal } } }
}`;

/** `indexHistory` of one framework, aliased `f<i>` so that one request asks for every framework. */
export const indexHistoryQuery = (frameworks: number) => `query IndexHistory($unit: String!, ${Array.from(
  { length: frameworks },
  (_, i) => `$f${i}: String!`,
).join(", ")}) {
  ${Array.from(
    { length: frameworks },
    (_, i) => `f${i}: indexHistory(framework: $f${i}, unitCode: $unit) { year total rank comparedCount publishedTotal publishedRank publishedOf }`,
  ).join("\n  ")}
}`;

export const DOSSIER_STATUS_CHANGED = `subscription DossierStatusChanged($unit: String!, $after: String) {
  dossierStatusChanged(agencyCode: $unit, after: $after) {
    cursor at from to agencyCode
    dossier { code procedure { name } applicant { name identityNumber phone masked } }
  }
}`;

export interface UnitLine {
  code: string;
  name: string;
  kind: string;
}
export interface UnitData extends UnitLine {
  validFrom: string | null;
  validTo: string | null;
  ancestors: UnitLine[];
  children: UnitLine[];
}

export interface Counts {
  received: number;
  resolved: number;
  onTimeRate: number | null;
}
export interface DashboardData extends Counts {
  from: string;
  to: string;
  computedAt: string;
  unit: { code: string; name: string };
  early: number;
  onTime: number;
  late: number;
  pendingInTime: number;
  overdue: number;
  onlineShare: number | null;
  byMonth: { month: string; received: number; resolved: number; early: number; onTime: number; late: number }[];
  byChannel: (Counts & { channel: "DIRECT" | "ONLINE" | "POSTAL" })[];
  byField: (Counts & { field: string })[];
  byChildUnit: (Counts & { unit: { code: string; name: string }; overdue: number })[];
  ranking: { rank: number | null; unit: { code: string } }[];
  mostOverdueProcedures: { code: string; name: string; field: string; overdue: number }[];
}

export interface ServiceIndexData {
  points: number;
  maxPoints: number;
  scoredMaxPoints: number;
  scoredShare: number | null;
  groups: { key: string; name: string; points: number | null; maxPoints: number; scoredMaxPoints: number; available: boolean; reason: string | null }[];
}

export interface IndexYear {
  year: number;
  total: number | null;
  rank: number | null;
  comparedCount: number | null;
  publishedTotal: number | null;
  publishedRank: number | null;
  publishedOf: number | null;
}

export interface StatusEvent {
  cursor: string;
  at: string;
  from: string | null;
  to: string;
  agencyCode: string;
  dossier: { code: string; procedure: { name: string } | null; applicant: { name: string; identityNumber: string | null; phone: string | null; masked: boolean } | null };
}
