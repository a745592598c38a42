/**
 * Columns an import accepts and how a file's headers are matched to them: the contract's field names, the
 * built-in Vietnamese preset (case- and diacritics-insensitive) and a `--mapping` file of header → field.
 */
import { readFile } from "node:fs/promises";
import { FatalError } from "../errors.js";
import { fold } from "./normalise.js";

export interface Column {
  /** The contract's field name, also the export's header. */
  field: string;
  /** Headers one-stop exports write for it (the Vietnamese preset). */
  aliases?: readonly string[];
  required?: boolean;
  description: string;
}

/** A header's place in the record and the field it fills (`null`: ignored by the mapping file). */
export type HeaderMap = (string | null)[];

/** Reads a `--mapping` JSON file `{ "header": "field" | null }` (null ignores a column). */
export async function loadMappingFile(path: string): Promise<Map<string, string | null>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new FatalError(`cannot read the mapping file ${path}: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new FatalError(`the mapping file ${path} must be a JSON object of "header": "field" (or null to ignore a column)`);
  }
  const mapping = new Map<string, string | null>();
  for (const [header, field] of Object.entries(parsed)) {
    if (field !== null && typeof field !== "string") throw new FatalError(`mapping file ${path}: the value of "${header}" must be a field name or null`);
    mapping.set(fold(header), field);
  }
  return mapping;
}

/** Matches one header to a column's field, or `undefined` when nothing accepts it. */
export function matchHeader(header: string, columns: readonly Column[], mapping: Map<string, string | null>): string | null | undefined {
  const key = fold(header);
  if (mapping.has(key)) {
    const field = mapping.get(key)!;
    if (field !== null && !columns.some((c) => c.field === field)) {
      throw new FatalError(`the mapping file maps "${header}" to "${field}", which is not a column of this import (accepted: ${columns.map((c) => c.field).join(", ")})`);
    }
    return field;
  }
  const column = columns.find((c) => fold(c.field) === key || c.aliases?.some((alias) => fold(alias) === key));
  return column?.field;
}

/**
 * Resolves a file's header row: every header must be known (a contract field, a preset header or a mapping entry),
 * no field may come twice, and the required fields must be present. Otherwise one message lists every problem.
 */
export function resolveHeaders(headers: readonly string[], columns: readonly Column[], mapping: Map<string, string | null>): HeaderMap {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const map = headers.map((header) => {
    if (header.trim() === "") return null;
    const field = matchHeader(header, columns, mapping);
    if (field === undefined) {
      problems.push(`unknown column "${header}"`);
      return null;
    }
    if (field !== null) {
      const previous = seen.get(field);
      if (previous !== undefined) problems.push(`columns "${previous}" and "${header}" both fill ${field}`);
      seen.set(field, header);
    }
    return field;
  });
  for (const column of columns) {
    if (column.required && !seen.has(column.field)) {
      problems.push(`missing column ${column.field}${column.aliases?.length ? ` (or "${column.aliases[0]}")` : ""}`);
    }
  }
  if (problems.length) {
    throw new FatalError(
      `the file's columns do not fit: ${problems.join("; ")}.\n` +
        `Accepted columns: ${columns.map((c) => c.field).join(", ")} (see --help); use --mapping FILE for other headers.`,
    );
  }
  return map;
}

/** The columns as `--help` lists them. */
export function describeColumns(columns: readonly Column[]): string {
  return columns
    .map((c) => {
      const aliases = c.aliases?.length ? ` (${c.aliases.map((a) => `"${a}"`).join(", ")})` : "";
      return `  ${c.field}${c.required ? "*" : ""}${aliases}: ${c.description}`;
    })
    .join("\n");
}
