import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { RowValues } from "../entities/entity.js";
import { FatalError, RowError } from "../errors.js";
import { matchHeader, resolveHeaders, type Column } from "../mapping/columns.js";
import type { Source, SourceRow } from "./source.js";

/** Flattens `{ applicant: { name } }` into `applicant.name` so nested contract-shaped objects map too. */
function flatten(object: Record<string, unknown>, prefix = "", into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(object)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) flatten(value as Record<string, unknown>, `${prefix}${key}.`, into);
    else into[`${prefix}${key}`] = Array.isArray(value) ? value.join(";") : value;
  }
  return into;
}

/**
 * Maps JSON objects' keys to fields: the first object's keys must all be known (else the import stops); a later
 * object with an unknown key is a rejected row.
 */
function objectMapper(columns: readonly Column[], mapping: Map<string, string | null>) {
  const known = new Map<string, string | null>();
  let first = true;
  return (text: string): { values?: RowValues; error?: RowError } => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { error: new RowError("MALFORMED_ROW", `the row is not valid JSON: ${(error as Error).message}`) };
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { error: new RowError("MALFORMED_ROW", "the row must be a JSON object") };
    const flat = flatten(parsed as Record<string, unknown>);
    if (first) {
      first = false;
      const keys = Object.keys(flat);
      resolveHeaders(keys, columns, mapping).forEach((field, i) => known.set(keys[i]!, field));
    }
    const values: RowValues = {};
    for (const [key, value] of Object.entries(flat)) {
      if (!known.has(key)) known.set(key, matchHeader(key, columns, mapping) ?? "");
      const field = known.get(key);
      if (field === "") return { error: new RowError("UNKNOWN_COLUMN", `unknown key "${key}"`, key) };
      if (!field || value === null || value === undefined) continue;
      const textValue = String(value).trim();
      if (textValue !== "") values[field] = textValue;
    }
    return { values };
  };
}

/** NDJSON: one object per line. */
export function openNdjson(path: string, size: number, columns: readonly Column[], mapping: Map<string, string | null>): Source {
  const file = createReadStream(path, { encoding: "utf8", highWaterMark: 256 * 1024 });
  const map = objectMapper(columns, mapping);
  async function* rows(): AsyncGenerator<SourceRow> {
    let line = 0;
    for await (const text of createInterface({ input: file, crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      const raw = line === 1 ? text.replace(/^\uFEFF/, "") : text;
      if (raw.trim() === "") continue;
      yield { line, raw, ...map(raw) };
    }
  }
  return { rows: rows(), bytesRead: () => file.bytesRead, size };
}

/**
 * A JSON array of objects, split into its elements as the text streams by (strings and nesting tracked), so a file
 * larger than memory is never parsed whole.
 */
export function openJsonArray(path: string, size: number, columns: readonly Column[], mapping: Map<string, string | null>): Source {
  const file = createReadStream(path, { encoding: "utf8", highWaterMark: 256 * 1024 });
  const map = objectMapper(columns, mapping);
  async function* rows(): AsyncGenerator<SourceRow> {
    let line = 1;
    let started = false;
    let depth = 0;
    let inString = false;
    let escaped = false;
    let element: string[] = [];
    let elementLine = 0;
    let segmentStart = -1;
    for await (const chunk of file as AsyncIterable<string>) {
      segmentStart = depth > 0 ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const char = chunk[i]!;
        if (char === "\n") line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (char === "\\") escaped = true;
          else if (char === '"') inString = false;
          continue;
        }
        if (!started) {
          if (char === "[") started = true;
          else if (!/\s|\uFEFF/.test(char)) throw new FatalError(`${path} must hold a JSON array of objects (or one object per line, NDJSON)`);
          continue;
        }
        if (char === '"') inString = true;
        else if (char === "{" || char === "[") {
          if (depth === 0) {
            segmentStart = i;
            elementLine = line;
          }
          depth++;
        } else if (char === "}" || char === "]") {
          if (depth === 0) return; // the closing bracket of the array
          depth--;
          if (depth === 0) {
            element.push(chunk.slice(segmentStart, i + 1));
            const raw = element.join("");
            element = [];
            segmentStart = -1;
            yield { line: elementLine, raw, ...map(raw) };
          }
        }
      }
      if (depth > 0 && segmentStart >= 0) element.push(chunk.slice(segmentStart));
    }
    if (!started || depth > 0) throw new FatalError(`${path} ends before its JSON array is closed`);
  }
  return { rows: rows(), bytesRead: () => file.bytesRead, size };
}
