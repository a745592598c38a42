import cliProgress from "cli-progress";
import type { Counts } from "./pipeline/checkpoint.js";

const number = (n: number) => n.toLocaleString("en-US");

export interface Progress {
  stop(): void;
}

/**
 * Progress on stderr: on a terminal a bar (share of the file read, rows, rows/s, ETA and the outcome counts);
 * otherwise one summary line every few seconds, which a log can keep.
 */
export function startProgress(label: string, counts: Counts, read: () => { done: number; total: number }, dryRun = false, intervalMs = 5000): Progress {
  const applied = dryRun ? "valid" : "applied";
  const started = Date.now();
  const startRows = counts.rows;
  const rate = () => Math.round(((counts.rows - startRows) * 1000) / Math.max(1, Date.now() - started));
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${label} {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted} | ${applied} {applied} · unchanged {unchanged} · rejected {rejected}`,
        etaBuffer: 50,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const payload = () => ({ rows: number(counts.rows), rate: number(rate()), applied: number(counts.applied), unchanged: number(counts.unchanged), rejected: number(counts.rejected) });
    bar.start(Math.max(1, read().total), 0, payload());
    const timer = setInterval(() => bar.update(read().done, payload()), 200);
    return {
      stop() {
        clearInterval(timer);
        bar.update(read().total, payload());
        bar.stop();
      },
    };
  }
  const line = () =>
    process.stderr.write(
      `${label}: ${number(counts.rows)} rows (${number(rate())} rows/s, ${Math.round((100 * read().done) / Math.max(1, read().total))}% of the file): ` +
        `${applied} ${number(counts.applied)}, unchanged ${number(counts.unchanged)}, rejected ${number(counts.rejected)}\n`,
    );
  const timer = setInterval(line, intervalMs);
  return { stop: () => clearInterval(timer) };
}

export function formatCount(n: number): string {
  return number(n);
}
