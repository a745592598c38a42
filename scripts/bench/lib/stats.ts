/** Small statistics and formatting helpers of the benchmarks. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The `p`-th percentile (nearest rank) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  return value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** One line of the results table. */
export interface ResultRow {
  bench: string;
  measure: string;
  ours: string;
  limit: string;
  ratio: string;
  target: string;
  met: "yes" | "no" | "–";
}

export const results: ResultRow[] = [];

export function record(row: ResultRow): void {
  results.push(row);
  console.log(`  → ${row.measure}: ours ${row.ours}, limit ${row.limit}, ratio ${row.ratio} (target ${row.target}) ${row.met === "yes" ? "MET" : row.met === "no" ? "MISSED" : ""}`);
}

export function markdownTable(rows: readonly ResultRow[]): string {
  const head = "| bench | measure | ours | limit | ratio | target | met |\n| --- | --- | --- | --- | --- | --- | --- |";
  return [head, ...rows.map((r) => `| ${r.bench} | ${r.measure} | ${r.ours} | ${r.limit} | ${r.ratio} | ${r.target} | ${r.met} |`)].join("\n");
}
