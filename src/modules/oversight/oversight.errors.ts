import { ItemError } from "../../shared/batch.js";

/** Every item error the oversight mutations report (inspections, receptions, petitions, feedback, plan targets). */
export enum OversightErrorCode {
  INVALID_FORMAT = "INVALID_FORMAT",
  REQUIRED = "REQUIRED",
  TOO_LONG = "TOO_LONG",
  INVALID_DATE = "INVALID_DATE",
  OUT_OF_RANGE = "OUT_OF_RANGE",
  UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE",
  FORBIDDEN = "FORBIDDEN",
  CONFLICT = "CONFLICT",
  INVALID_TRANSITION = "INVALID_TRANSITION",
}

/** What each code means, for the mutations' descriptions; a new code without a line here does not compile. */
export function describeOversightError(code: OversightErrorCode): string {
  switch (code) {
    case OversightErrorCode.INVALID_FORMAT:
      return "a key, code or symbol is malformed";
    case OversightErrorCode.REQUIRED:
      return "a required field is empty";
    case OversightErrorCode.TOO_LONG:
      return "a text is longer than allowed";
    case OversightErrorCode.INVALID_DATE:
      return "a date is in the future or out of order";
    case OversightErrorCode.OUT_OF_RANGE:
      return "a number is negative or beyond its limit";
    case OversightErrorCode.UNKNOWN_REFERENCE:
      return "a unit code, petition key or plan names nothing on that date";
    case OversightErrorCode.FORBIDDEN:
      return "the token may not write for that unit";
    case OversightErrorCode.CONFLICT:
      return "a field fixed once stored differs";
    case OversightErrorCode.INVALID_TRANSITION:
      return "the petition's status does not allow that action";
    default: {
      const never: never = code;
      return never;
    }
  }
}

/** The codes and their meanings as one sentence, for schema descriptions. */
export const OVERSIGHT_ERRORS_TEXT = Object.values(OversightErrorCode)
  .map((code) => `${code} (${describeOversightError(code)})`)
  .join(", ");

/** An item error of this domain, naming the field and the rule. */
export function oversightError(code: OversightErrorCode, field: string, rule: string): ItemError {
  return new ItemError(code, `${field}: ${rule}`, field);
}
