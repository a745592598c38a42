import { ItemError } from "../../shared/batch.js";

/** Every item error `upsertLegalDocuments` reports; the mutation's description lists them from here. */
export const DOCUMENT_ERROR_CODES = [
  "INVALID_FORMAT", "CONFLICT", "REQUIRED", "TOO_LONG", "INVALID_DATE", "UNKNOWN_REFERENCE", "AMBIGUOUS_REFERENCE",
  "INVALID_REFERENCE", "FORBIDDEN",
] as const;
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

/** An item error of this domain: only codes of {@link DOCUMENT_ERROR_CODES} compile. */
export function documentError(code: DocumentErrorCode, message: string, field: string): ItemError {
  return new ItemError(code, message, field);
}
