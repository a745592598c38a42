import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse, type CsvError } from "csv-parse";
import type { Column } from "../mapping/columns.js";
import { resolveHeaders } from "../mapping/columns.js";
import { FatalError, RowError } from "../errors.js";
import { valuesOf, type Source, type SourceRow } from "./source.js";

/** Comma or semicolon: whichever occurs more often outside quotes in the header line. */
export async function detectDelimiter(path: string): Promise<"," | ";"> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
    const text = buffer.subarray(0, bytesRead).toString("utf8");
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const char of text) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && (char === "\n" || char === "\r")) break;
      else if (!quoted && char === ",") commas++;
      else if (!quoted && char === ";") semicolons++;
    }
    return semicolons > commas ? ";" : ",";
  } finally {
    await handle.close();
  }
}

/** Line breaks inside a record's text (CR LF, LF or CR), its own record delimiter stripped. */
const innerBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
const stripDelimiter = (raw: string) => raw.replace(/(\r\n|\r|\n)$/, "");

/** A CSV file (UTF-8 with or without BOM, comma or semicolon, quoted fields with new lines), read as a stream. */
export async function openCsv(path: string, size: number, columns: readonly Column[], mapping: Map<string, string | null>): Promise<Source> {
  const delimiter = await detectDelimiter(path);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_records_with_error: true,
    raw: true,
  });
  const skipped: CsvError[] = [];
  parser.on("skip", (error: CsvError) => skipped.push(error));
  file.on("error", (error) => parser.destroy(error));
  file.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; raw: string }>;
  const first = await iterator.next();
  if (first.done) throw new FatalError(`${path} is empty: expected a header row`);
  // Lines are counted here from each record's raw text (one record delimiter after each): csv-parse's own count
  // takes a CR LF inside quotes for two lines.
  let linesSeen = innerBreaks(stripDelimiter(first.value.raw)) + 1;
  const headers = first.value.record;
  const fields = resolveHeaders(headers, columns, mapping);

  async function* rows(): AsyncGenerator<SourceRow> {
    const drainSkipped = function* (): Generator<SourceRow> {
      for (const error of skipped.splice(0)) {
        linesSeen = Math.max(linesSeen, Number((error as { lines?: unknown }).lines ?? 0));
        yield { line: linesSeen, raw: "", error: new RowError("MALFORMED_ROW", `the row cannot be read as CSV: ${error.message}`) };
      }
    };
    for (;;) {
      const next = await iterator.next();
      yield* drainSkipped();
      if (next.done) break;
      const { record, raw } = next.value;
      const line = linesSeen + 1;
      const text = stripDelimiter(raw);
      linesSeen += innerBreaks(text) + 1;
      if (record.length === 1 && record[0] === "") continue; // an empty line
      if (record.length !== headers.length) {
        yield { line, raw: text, error: new RowError("MALFORMED_ROW", `the row has ${record.length} fields, the header has ${headers.length}`) };
        continue;
      }
      yield { line, raw: text, values: valuesOf(record, fields) };
    }
  }
  return { rows: rows(), bytesRead: () => file.bytesRead, size };
}
