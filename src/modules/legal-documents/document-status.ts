export type DocumentStatus = "NOT_YET_IN_FORCE" | "IN_FORCE" | "PARTLY_EXPIRED" | "EXPIRED";

export interface DocumentDates {
  issuedOn: string;
  effectiveFrom: string | null;
  expiresOn: string | null;
}

/**
 * The status of a document as of `today` (YYYY-MM-DD, Vietnam time) when none is stored: not yet in force before
 * `effectiveFrom` (or `issuedOn` when no effective date is known), expired from `expiresOn` on (the first day it
 * no longer applies), else in force. `PARTLY_EXPIRED` cannot be told from dates and exists only when stored. The
 * SQL filter in `legal-document.store.ts` applies the same rule.
 */
export function deriveStatus(dates: DocumentDates, today: string): DocumentStatus {
  if ((dates.effectiveFrom ?? dates.issuedOn) > today) return "NOT_YET_IN_FORCE";
  if (dates.expiresOn !== null && dates.expiresOn <= today) return "EXPIRED";
  return "IN_FORCE";
}
