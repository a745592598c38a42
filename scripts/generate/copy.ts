import type { Sql } from "postgres";

export type CopyValue = string | number | boolean | Date | null;

/** One value in COPY text format: `\N` for null, backslash escapes for the characters COPY treats specially. */
function encode(value: CopyValue): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** A row as one COPY text line. */
export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(encode).join("\t")}\n`;
}

/**
 * Streams lines into `COPY table (columns) FROM STDIN` and resolves once the server has them all (the statement's
 * own transaction has committed). Writes respect the stream's back-pressure.
 */
export async function copyInto(sql: Sql, table: string, columns: readonly string[], lines: Iterable<string>): Promise<number> {
  const stream = await sql.unsafe(`COPY ${table} (${columns.join(", ")}) FROM STDIN`).writable();
  let count = 0;
  let chunk = "";
  const flush = async () => {
    if (chunk === "") return;
    const ok = stream.write(chunk);
    chunk = "";
    if (!ok) await new Promise<void>((resolve) => stream.once("drain", resolve));
  };
  for (const line of lines) {
    chunk += line;
    count++;
    if (chunk.length > 256 * 1024) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => {
    stream.once("error", reject);
    stream.once("finish", resolve);
    stream.end();
  });
  return count;
}
