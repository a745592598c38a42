/**
 * The import pipeline: rows are read as a stream, checked and converted locally, gathered into batches and sent
 * concurrently; what comes back is written to the rejects file and the checkpoint in file order, for the prefix of
 * rows whose batches have all come back (so a resume neither skips nor repeats a row's report).
 */
import type { Entity, RowWork } from "../entities/entity.js";
import { FatalError, RowError } from "../errors.js";
import type { SourceRow } from "../formats/source.js";
import type { GraphQLClient } from "../transport/client.js";
import type { Checkpoint, Counts } from "./checkpoint.js";
import type { Reject, RejectsFile } from "./rejects.js";
import { buildRequest, type ItemResult, type RowOutcome } from "./request.js";

export interface ImportOptions {
  entity: Entity;
  /** null: a dry run, nothing is sent. */
  client: GraphQLClient | null;
  batchSize: number;
  concurrency: number;
  maxBatchItems: number;
  maxBodyBytes: number;
  rejects: RejectsFile;
  checkpoint: Checkpoint | null;
  /** Leading rows a resume skips, and the counts they had. */
  skip: number;
  counts: Counts;
  /** Set to stop reading (Ctrl-C): batches in flight finish, the checkpoint is saved. */
  stopped: () => boolean;
}

interface Row {
  index: number;
  line: number;
  raw: string;
  work: RowWork;
}

interface Batch {
  rows: Row[];
  minIndex: number;
}

/** Finished rows waiting for every earlier row to finish before they are reported. */
interface Finished {
  maxIndex: number;
  counts: Omit<Counts, "rows"> & { rows: number };
  rejects: (Reject & { index: number })[];
}

export class Importer {
  /** Counts of the reported prefix plus finished rows beyond it (what the progress line shows). */
  readonly counts: Counts;
  private readonly committed: Counts;
  private nextIndex = 0;
  private readonly lanes: { building: Batch | null; inFlight: Set<Batch>; waiters: (() => void)[] }[];
  private readonly perLane: number;
  private finished: Finished[] = [];
  private failure: FatalError | null = null;
  /** The first row of a batch that could not be sent: nothing from there on counts as finished. */
  private floor = Number.POSITIVE_INFINITY;

  constructor(private readonly options: ImportOptions) {
    const laneCount = options.entity.ordering === "lanes" ? options.concurrency : 1;
    this.perLane = options.entity.ordering === "free" ? options.concurrency : 1;
    this.lanes = Array.from({ length: laneCount }, () => ({ building: null, inFlight: new Set<Batch>(), waiters: [] }));
    this.counts = { ...options.counts };
    this.committed = { ...options.counts };
  }

  /** Reads every row, sends them, waits for the last batch; throws the FatalError that stopped it, if any. */
  async run(rows: AsyncIterable<SourceRow>): Promise<void> {
    const { entity } = this.options;
    const source = entity.ordering === "parents-first" ? await parentsFirst(rows) : rows;
    for await (const row of source) {
      if (this.failure || this.options.stopped()) break;
      const index = this.nextIndex++;
      if (index < this.options.skip) continue;
      const work = row.error ? row.error : toWork(entity, row);
      if (work instanceof RowError) {
        this.finish(index, [{ index, line: row.line, raw: row.raw, code: work.code, field: work.field, message: work.message }], { applied: 0, unchanged: 0 }, 1);
        continue;
      }
      await this.add({ index, line: row.line, raw: row.raw, work });
    }
    for (const lane of this.lanes) if (lane.building) await this.dispatch(lane);
    await Promise.all(this.lanes.flatMap((lane) => [...lane.inFlight].map((batch) => this.settled(lane, batch))));
    await this.flush(true);
    if (this.failure) throw this.failure;
  }

  private laneOf(work: RowWork) {
    if (this.lanes.length === 1 || work.lane === undefined) return this.lanes[0]!;
    let hash = 0;
    for (let i = 0; i < work.lane.length; i++) hash = (hash * 31 + work.lane.charCodeAt(i)) | 0;
    return this.lanes[Math.abs(hash) % this.lanes.length]!;
  }

  private async add(row: Row): Promise<void> {
    const lane = this.laneOf(row.work);
    lane.building ??= { rows: [], minIndex: row.index };
    lane.building.rows.push(row);
    if (lane.building.rows.length >= this.options.batchSize) await this.dispatch(lane);
  }

  /** Sends the lane's batch once the lane has room, without waiting for the answer. */
  private async dispatch(lane: (typeof this.lanes)[number]): Promise<void> {
    while (lane.inFlight.size >= this.perLane) await new Promise<void>((resolve) => lane.waiters.push(resolve));
    const batch = lane.building!;
    lane.building = null;
    lane.inFlight.add(batch);
    void this.send(batch.rows).then(
      (outcomes) => this.complete(lane, batch, outcomes),
      (error: unknown) => {
        this.failure ??= error instanceof FatalError ? error : new FatalError((error as Error).message);
        this.floor = Math.min(this.floor, batch.minIndex);
        this.release(lane, batch);
      },
    );
  }

  private settled(lane: (typeof this.lanes)[number], batch: Batch): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (lane.inFlight.has(batch) ? lane.waiters.push(check) : resolve());
      check();
    });
  }

  private release(lane: (typeof this.lanes)[number], batch: Batch): void {
    lane.inFlight.delete(batch);
    for (const waiter of lane.waiters.splice(0)) waiter();
  }

  /** Sends rows in one request, or in halves when the request would exceed the hub's body limit. */
  private async send(rows: Row[]): Promise<RowOutcome[]> {
    const { client } = this.options;
    if (!client) return rows.map(() => ({ kind: "applied" }));
    const request = buildRequest(
      rows.map((r) => r.work),
      this.options.maxBatchItems,
    );
    if (Buffer.byteLength(request.body) > this.options.maxBodyBytes * 0.95 && rows.length > 1) {
      const half = Math.ceil(rows.length / 2);
      return [...(await this.send(rows.slice(0, half))), ...(await this.send(rows.slice(half)))];
    }
    const data = await client.send<Record<string, { items: ItemResult[] }>>(request.body);
    return request.outcomes(data);
  }

  private complete(lane: (typeof this.lanes)[number], batch: Batch, outcomes: RowOutcome[]): void {
    const rejects: Finished["rejects"] = [];
    let applied = 0;
    let unchanged = 0;
    batch.rows.forEach((row, i) => {
      const outcome = outcomes[i]!;
      if (outcome.kind === "applied") applied++;
      else if (outcome.kind === "unchanged") unchanged++;
      else if (outcome.kind === "rejected") rejects.push({ index: row.index, line: row.line, raw: row.raw, code: outcome.code, field: outcome.field, message: outcome.message });
    });
    const maxIndex = batch.rows[batch.rows.length - 1]!.index;
    this.release(lane, batch);
    this.finish(maxIndex, rejects, { applied, unchanged }, batch.rows.length);
  }

  private finish(maxIndex: number, rejects: Finished["rejects"], done: { applied: number; unchanged: number }, rows: number): void {
    const counts = { rows, applied: done.applied, unchanged: done.unchanged, rejected: rejects.length };
    this.finished.push({ maxIndex, counts, rejects });
    for (const key of ["rows", "applied", "unchanged", "rejected"] as const) this.counts[key] += counts[key];
    void this.flush(false);
  }

  /** The first row not yet finished: every row before it has come back. */
  private watermark(): number {
    let mark = Math.min(this.nextIndex, this.floor);
    for (const lane of this.lanes) {
      if (lane.building) mark = Math.min(mark, lane.building.minIndex);
      for (const batch of lane.inFlight) mark = Math.min(mark, batch.minIndex);
    }
    return mark;
  }

  private flushing = Promise.resolve();

  /** Reports finished rows below the watermark: rejects in file order, committed counts, the checkpoint. */
  private flush(force: boolean): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const mark = this.watermark();
      const ready = this.finished.filter((f) => f.maxIndex < mark);
      if (ready.length) {
        this.finished = this.finished.filter((f) => f.maxIndex >= mark);
        this.options.rejects.write(ready.flatMap((f) => f.rejects).sort((a, b) => a.index - b.index));
        for (const f of ready) for (const key of ["rows", "applied", "unchanged", "rejected"] as const) this.committed[key] += f.counts[key];
      }
      if (ready.length || force) await this.options.checkpoint?.save(Math.max(mark, this.options.skip), this.committed, force);
    });
    return this.flushing;
  }
}

function toWork(entity: Entity, row: SourceRow): RowWork | RowError {
  try {
    return entity.toWork(row.values!);
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
}

/** Reads a (small) catalogue file whole and orders it so that every unit follows its parent. */
async function parentsFirst(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const all: SourceRow[] = [];
  for await (const row of rows) all.push(row);
  const byCode = new Map(all.filter((r) => r.values?.code).map((r) => [r.values!.code!, r]));
  const placed = new Set<SourceRow>();
  const ordered: SourceRow[] = [];
  const place = (row: SourceRow, path: Set<SourceRow>) => {
    if (placed.has(row) || path.has(row)) return;
    path.add(row);
    const parent = row.values?.parentCode ? byCode.get(row.values.parentCode) : undefined;
    if (parent) place(parent, path);
    placed.add(row);
    ordered.push(row);
  };
  for (const row of all) place(row, new Set());
  return ordered;
}
