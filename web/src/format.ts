/*
 * Vietnamese number formats: `.` groups thousands, `,` marks decimals, a (no-break) space before `%`:
 * 46893 → `46.893`, 0.922 → `92,2 %`. Written out rather than left to Intl so that every browser shows the same.
 */

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** An integer count: `46.893`; `–` for null. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return (value < 0 ? "-" : "") + group(String(Math.abs(Math.round(value))));
}

/** A number with `decimals` decimals: `82,74`. */
export function formatDecimal(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined) return "–";
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".");
  return (value < 0 ? "-" : "") + group(whole!) + (fraction ? `,${fraction}` : "");
}

/**
 * A fraction 0–1 as a percentage with one decimal (`92,2 %`); two when one would round a rate below 100% up to
 * `100,0 %` (0.9996 → `99,96 %`). `–` for null (nothing to divide).
 */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const percent = value * 100;
  const decimals = percent < 100 && Number(percent.toFixed(1)) >= 100 ? 2 : 1;
  return `${formatDecimal(percent, decimals)}\u00a0%`;
}

/** `2017-05` → `05/2017`. */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-");
  return `${m}/${year}`;
}

/** `2017-05-31` → `31/05/2017`. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}

/** An ISO instant as Vietnam time `HH:mm dd/MM/yyyy`. */
export function formatInstant(iso: string): string {
  const vn = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${vn.slice(11, 16)} ${formatDate(vn.slice(0, 10))}`;
}
