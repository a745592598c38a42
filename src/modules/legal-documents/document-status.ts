export type DocumentStatus = "NOT_YET_IN_FORCE" | "IN_FORCE" | "PARTLY_EXPIRED" | "EXPIRED";

export interface DocumentDates {
  issuedOn: string;
  effectiveFrom: string | null;
  expiresOn: string | null;
}

/** A document that replaces or repeals this one, wholly or in part, from the day it takes effect. */
export interface Termination {
  partial: boolean;
  /** The other document's dates: it ends this one from its own first day in force. */
  by: DocumentDates;
}

/** The first day a document applies: `effectiveFrom`, or `issuedOn` when no effective date is known. */
export const startOf = (dates: DocumentDates) => dates.effectiveFrom ?? dates.issuedOn;

/**
 * The status of a document on `day` (YYYY-MM-DD, Vietnam time), from its dates and relations:
 * 1. not yet in force before its first day (`effectiveFrom`, or `issuedOn`);
 * 2. expired from `expiresOn` on (the first day it no longer applies);
 * 3. expired from the first day in force of a document that REPLACES or REPEALS it entirely;
 * 4. partly expired from the first day in force of a document that replaces or repeals part of it (an amendment
 *    leaves it in force);
 * 5. else the status the sender stored, when asked for today; else in force.
 * The SQL filter in `legal-document.store.ts` applies the same rule.
 */
export function deriveStatus(
  dates: DocumentDates & { status?: DocumentStatus | null },
  day: string,
  terminations: readonly Termination[] = [],
  today: string = day,
): DocumentStatus {
  if (startOf(dates) > day) return "NOT_YET_IN_FORCE";
  if (dates.expiresOn !== null && dates.expiresOn <= day) return "EXPIRED";
  const inForce = terminations.filter((t) => startOf(t.by) <= day);
  if (inForce.some((t) => !t.partial)) return "EXPIRED";
  if (inForce.length > 0) return "PARTLY_EXPIRED";
  return (day === today ? dates.status : null) ?? "IN_FORCE";
}
