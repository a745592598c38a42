/** What the page shows: one unit's subtree over one period. Lives in the URL: `?unit=…&from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export interface ViewState {
  unit: string | null;
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** Today in Vietnam (UTC+7), `YYYY-MM-DD`. */
export function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The last day of a month (1–12). */
export function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
export function monthPeriod(year: number, month: number): { from: string; to: string } {
  return { from: `${year}-${pad(month)}-01`, to: lastDay(year, month) };
}
export function quarterPeriod(year: number, quarter: number): { from: string; to: string } {
  return { from: `${year}-${pad(quarter * 3 - 2)}-01`, to: lastDay(year, quarter * 3) };
}

export type PeriodKind = "month" | "quarter" | "year" | "custom";

/** Which kind of period `from`–`to` is: a whole month, quarter or year, else custom. */
export function periodKind(from: string, to: string): { kind: PeriodKind; year: number; month: number; quarter: number } {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const same = (p: { from: string; to: string }) => p.from === from && p.to === to;
  if (same(yearPeriod(year))) return { kind: "year", year, month, quarter };
  if (same(quarterPeriod(year, quarter))) return { kind: "quarter", year, month, quarter };
  if (same(monthPeriod(year, month))) return { kind: "month", year, month, quarter };
  return { kind: "custom", year, month, quarter };
}

/** The state in the URL; a missing or malformed period is the current year, a missing unit is null (the first province). */
export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const unit = params.get("unit")?.trim() || null;
  let from = params.get("from") ?? "";
  let to = params.get("to") ?? "";
  if (!DATE.test(from) || !DATE.test(to) || from > to) ({ from, to } = yearPeriod(Number(todayInVietnam().slice(0, 4))));
  return { unit, from, to };
}

/** The URL of a state (a link to that view). */
export function stateUrl(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.unit) params.set("unit", state.unit);
  params.set("from", state.from);
  params.set("to", state.to);
  return `/?${params.toString()}`;
}
