import { createReadStream } from "node:fs";
import ExcelJS from "exceljs";
import { FatalError } from "../errors.js";
import { resolveHeaders, type Column } from "../mapping/columns.js";
import { spreadsheetDateToVn } from "../mapping/values.js";
import { valuesOf, type Source, type SourceRow } from "./source.js";

/** A cell as text: dates as Vietnam-time ISO instants, rich text and formulas by their shown value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return spreadsheetDateToVn(value);
  if (typeof value === "object") {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join("");
    if (cell.result !== undefined) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return "";
  }
  return String(value);
}

/** The first worksheet of an `.xlsx` workbook, read as a stream (exceljs' streaming reader). */
export async function openXlsx(path: string, size: number, columns: readonly Column[], mapping: Map<string, string | null>): Promise<Source> {
  const file = createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit" });
  let sheets: AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader>;
  let rowsOfSheet: AsyncGenerator<ExcelJS.Row>;
  let header: ExcelJS.Row | undefined;
  try {
    sheets = workbook[Symbol.asyncIterator]();
    const sheet = await sheets.next();
    if (sheet.done) throw new FatalError(`${path} has no worksheet`);
    rowsOfSheet = sheet.value[Symbol.asyncIterator]();
    for (;;) {
      const next = await rowsOfSheet.next();
      if (next.done) break;
      if (next.value.hasValues) {
        header = next.value;
        break;
      }
    }
  } catch (error) {
    if (error instanceof FatalError) throw error;
    throw new FatalError(`${path} cannot be read as an .xlsx workbook: ${(error as Error).message}`);
  }
  if (!header) throw new FatalError(`${path}: the first worksheet is empty, expected a header row`);
  const cellsOf = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1).map(cellText);
  const headers = cellsOf(header);
  const fields = resolveHeaders(headers, columns, mapping);
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const next = await rowsOfSheet.next();
      if (next.done) break;
      if (!next.value.hasValues) continue;
      const cells = cellsOf(next.value);
      yield { line: next.value.number, raw: cells.join("\t"), values: valuesOf(cells, fields) };
    }
  }
  return { rows: rows(), bytesRead: () => file.bytesRead, size };
}
