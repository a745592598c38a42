import { ItemError } from "../../shared/batch.js";

/** Every item error `submitDossiers` reports; the mutation's description lists them from here. */
export const SUBMIT_ERROR_CODES = [
  "INVALID_FORMAT", "MISMATCH", "INVALID_DATE", "INVALID_TRANSITION", "REQUIRED", "TOO_LONG", "UNKNOWN_REFERENCE",
  "FORBIDDEN", "CONFLICT", "INVALID_VALUE", "INTERNAL",
] as const;

/** Every item error `recordDossierEvents` reports; the mutation's description lists them from here. */
export const EVENT_ERROR_CODES = [
  "INVALID_FORMAT", "REQUIRED", "TOO_LONG", "INVALID_DATE", "FORBIDDEN", "UNKNOWN_REFERENCE", "CONFLICT",
  "OUT_OF_ORDER", "INVALID_TRANSITION", "INVALID_VALUE", "INTERNAL",
] as const;

export type DossierErrorCode = (typeof SUBMIT_ERROR_CODES)[number] | (typeof EVENT_ERROR_CODES)[number];

/** An item error of the dossier domain: only codes of the lists above compile. */
export function dossierError(code: DossierErrorCode, message: string, field: string): ItemError {
  return new ItemError(code, message, field);
}
