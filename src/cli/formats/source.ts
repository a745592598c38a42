import type { RowValues } from "../entities/entity.js";
import type { RowError } from "../errors.js";

/** One record of an input file: its first line, its original text, and its values or why it cannot be read. */
export interface SourceRow {
  line: number;
  raw: string;
  values?: RowValues;
  error?: RowError;
}

/** An opened input: its rows in file order and how far the reading got (for progress). */
export interface Source {
  rows: AsyncIterable<SourceRow>;
  bytesRead(): number;
  size: number;
}

/** Turns a record's cells into values by field (trimmed, empty cells left out). */
export function valuesOf(cells: readonly unknown[], fields: readonly (string | null)[]): RowValues {
  const values: RowValues = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!field) continue;
    const cell = cells[i];
    if (cell === undefined || cell === null) continue;
    const text = String(cell).trim();
    if (text !== "") values[field] = text;
  }
  return values;
}
