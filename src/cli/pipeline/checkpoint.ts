import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { FatalError } from "../errors.js";

export interface Counts {
  rows: number;
  applied: number;
  unchanged: number;
  rejected: number;
}

export const zeroCounts = (): Counts => ({ rows: 0, applied: 0, unchanged: 0, rejected: 0 });

interface CheckpointFile {
  version: 1;
  entity: string;
  size: number;
  mtimeMs: number;
  /** Rows (in file order, counting every record after the header) fully handled: a resume skips them. */
  done: number;
  counts: Counts;
}

/**
 * The checkpoint kept beside the input (`<input>.checkpoint.json`): how many leading rows are finished. It is
 * written atomically (a temporary file renamed over it), and only ever for a contiguous prefix of rows.
 */
export class Checkpoint {
  readonly path: string;
  private lastWrite = 0;

  constructor(
    private readonly input: string,
    private readonly entity: string,
  ) {
    this.path = `${input}.checkpoint.json`;
  }

  /** The finished prefix recorded for this very file (same size and modification time), or null. */
  async load(): Promise<{ done: number; counts: Counts } | null> {
    let saved: CheckpointFile;
    try {
      saved = JSON.parse(await readFile(this.path, "utf8")) as CheckpointFile;
    } catch {
      return null;
    }
    const info = await stat(this.input);
    if (saved.version !== 1 || saved.entity !== this.entity || saved.size !== info.size || saved.mtimeMs !== info.mtimeMs) {
      throw new FatalError(`${this.path} belongs to another file or import (the input changed since); delete it to start over`);
    }
    return { done: saved.done, counts: saved.counts };
  }

  /** Records the finished prefix; at most once a second unless `force`. */
  async save(done: number, counts: Counts, force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastWrite < 1000) return;
    this.lastWrite = now;
    const info = await stat(this.input);
    const file: CheckpointFile = { version: 1, entity: this.entity, size: info.size, mtimeMs: info.mtimeMs, done, counts };
    await writeFile(`${this.path}.tmp`, JSON.stringify(file));
    await rename(`${this.path}.tmp`, this.path);
  }

  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
