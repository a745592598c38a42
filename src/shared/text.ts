import { ItemError } from "./batch.js";

/** Removes Vietnamese diacritics (đ/Đ included) and lower-cases: the same normalisation as SQL `lt_norm`. */
export function normalizeText(value: string): string {
  return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/**
 * Validates a free-text field of a batch item: trimmed, NFC-normalised (Vietnamese text arrives in both forms),
 * within `max` characters, not empty when required.
 */
export function cleanText(field: string, value: string, max: number): string;
export function cleanText(field: string, value: string | null | undefined, max: number, optional: true): string | null;
export function cleanText(field: string, value: string | null | undefined, max: number, optional = false): string | null {
  const text = value?.normalize("NFC").trim() ?? "";
  if (text === "") {
    if (optional) return null;
    throw new ItemError("REQUIRED", `${field} must not be empty`, field);
  }
  if (text.length > max) throw new ItemError("TOO_LONG", `${field} must be at most ${max} characters (got ${text.length})`, field);
  return text;
}
