import { createWriteStream, existsSync, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { csvLine } from "../formats/writers.js";

export interface Reject {
  line: number;
  raw: string;
  code: string;
  field: string | null;
  message: string;
}

/** `<input>.rejects.csv`: line, code, field, message and the original row; opened on the first reject. */
export class RejectsFile {
  readonly path: string;
  private stream: WriteStream | null = null;
  written = 0;

  constructor(
    input: string,
    private readonly append: boolean,
  ) {
    this.path = `${input}.rejects.csv`;
  }

  /** A fresh run starts without the rejects of an earlier one. */
  async reset(): Promise<void> {
    if (!this.append) await rm(this.path, { force: true });
  }

  write(rejects: readonly Reject[]): void {
    if (!rejects.length) return;
    if (!this.stream) {
      const header = !this.append || !existsSync(this.path);
      this.stream = createWriteStream(this.path, { flags: this.append ? "a" : "w" });
      if (header) this.stream.write(csvLine(["line", "code", "field", "message", "row"]));
    }
    for (const r of rejects) this.stream.write(csvLine([String(r.line), r.code, r.field ?? "", r.message, r.raw]));
    this.written += rejects.length;
  }

  async close(): Promise<void> {
    const stream = this.stream;
    if (stream) await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
