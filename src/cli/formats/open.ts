import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import type { Column } from "../mapping/columns.js";
import { FatalError } from "../errors.js";
import { openCsv } from "./csv.js";
import { assertUtf8 } from "./encoding.js";
import { openJsonArray, openNdjson } from "./json.js";
import type { Source } from "./source.js";
import { openXlsx } from "./xlsx.js";

export type InputFormat = "csv" | "ndjson" | "json" | "xlsx";

/** The format by extension; `.json` files are sniffed (an array, or one object per line). */
export async function detectFormat(path: string): Promise<InputFormat> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".xls") throw new FatalError(`${path}: the old .xls format is not read; save the sheet as .xlsx or CSV UTF-8`);
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson";
  if (ext === ".json") {
    const handle = await open(path, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      const first = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "").trimStart()[0];
      return first === "[" ? "json" : "ndjson";
    } finally {
      await handle.close();
    }
  }
  return "csv";
}

/**
 * Opens an input file for an import: checks it can be read and (text formats) that it is UTF-8 throughout, reads
 * its header, and returns its rows as a stream. Every failure here is a FatalError: nothing has been sent yet.
 */
export async function openSource(path: string, columns: readonly Column[], mapping: Map<string, string | null>): Promise<Source> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error("not a file");
    size = info.size;
  } catch (error) {
    throw new FatalError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  const format = await detectFormat(path);
  if (format === "xlsx") return openXlsx(path, size, columns, mapping);
  await assertUtf8(path);
  if (format === "ndjson") return openNdjson(path, size, columns, mapping);
  if (format === "json") return openJsonArray(path, size, columns, mapping);
  return openCsv(path, size, columns, mapping);
}
