import { ItemError } from "../../shared/batch.js";

/** Every item error `upsertProcedures` reports; the mutation's description lists them from here. */
export const PROCEDURE_ERROR_CODES = [
  "INVALID_FORMAT", "REQUIRED", "TOO_LONG", "OUT_OF_RANGE", "CONFLICT", "UNKNOWN_REFERENCE", "AMBIGUOUS_REFERENCE",
  "FORBIDDEN",
] as const;
export type ProcedureErrorCode = (typeof PROCEDURE_ERROR_CODES)[number];

/** An item error of this domain: only codes of {@link PROCEDURE_ERROR_CODES} compile. */
export function procedureError(code: ProcedureErrorCode, message: string, field: string): ItemError {
  return new ItemError(code, message, field);
}
