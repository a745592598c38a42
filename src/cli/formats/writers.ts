import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

/** One CSV line (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",")}\n`;
}

export type OutputFormat = "csv" | "ndjson" | "xlsx";

/** Writes rows of one export as they arrive; `close` finishes the file. */
export interface RowWriter {
  write(row: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

function drain(stream: Writable, chunk: string): Promise<void> {
  return stream.write(chunk) ? Promise.resolve() : new Promise((resolve) => stream.once("drain", () => resolve()));
}

/**
 * A streaming writer for `--out FILE` (or stdout): CSV with a UTF-8 BOM when written to a file (so Excel reads the
 * Vietnamese letters), NDJSON, or `.xlsx` through exceljs' streaming writer (rows committed as they come).
 */
export function openWriter(format: OutputFormat, columns: readonly string[], out: string | undefined): RowWriter {
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  const finish = () =>
    out ? new Promise<void>((resolve, reject) => (stream as Writable).end((error?: Error | null) => (error ? reject(error) : resolve()))) : Promise.resolve();
  if (format === "xlsx") {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet("data");
    sheet.addRow([...columns]).commit();
    return {
      async write(row) {
        sheet.addRow(columns.map((c) => row[c] ?? "")).commit();
      },
      async close() {
        sheet.commit();
        await workbook.commit();
      },
    };
  }
  if (format === "ndjson") {
    return {
      write: (row) => drain(stream, `${JSON.stringify(Object.fromEntries(columns.filter((c) => row[c] !== undefined && row[c] !== "").map((c) => [c, row[c]])))}\n`),
      close: finish,
    };
  }
  let started = false;
  return {
    async write(row) {
      if (!started) {
        started = true;
        await drain(stream, `${out ? "\uFEFF" : ""}${csvLine(columns)}`);
      }
      await drain(stream, csvLine(columns.map((c) => row[c] ?? "")));
    },
    async close() {
      if (!started) await drain(stream, `${out ? "\uFEFF" : ""}${csvLine(columns)}`);
      await finish();
    },
  };
}
