import { ENTITIES } from "../entities/index.js";
import type { Entity } from "../entities/entity.js";
import { FatalError } from "../errors.js";
import { openSource } from "../formats/open.js";
import { describeColumns, loadMappingFile } from "../mapping/columns.js";
import { Checkpoint, zeroCounts } from "../pipeline/checkpoint.js";
import { Importer } from "../pipeline/importer.js";
import { RejectsFile } from "../pipeline/rejects.js";
import { formatCount, startProgress } from "../progress.js";
import { connect, type CommonOptions } from "./common.js";

export interface ImportOptions extends CommonOptions {
  concurrency: string;
  batchSize?: string;
  mapping?: string;
  dryRun?: boolean;
  resume?: boolean;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FatalError(`--${name} must be a whole number of at least 1 (got "${value}")`);
  return n;
}

/** `lienthong import <entity> <file>`: returns the exit status (0 nothing rejected, 1 some rows rejected). */
export async function runImport(entityName: string, file: string, options: ImportOptions): Promise<number> {
  const entity: Entity | undefined = ENTITIES[entityName as Entity["name"]];
  if (!entity || entityName === "toString") throw new FatalError(`unknown import "${entityName}": one of ${Object.keys(ENTITIES).join(", ")}`);
  const concurrency = positive("concurrency", options.concurrency, 4);
  const requestedBatch = positive("batch-size", options.batchSize, Number.POSITIVE_INFINITY);
  const mapping = options.mapping ? await loadMappingFile(options.mapping) : new Map<string, string | null>();
  const source = await openSource(file, entity.columns, mapping);

  const hub = options.dryRun ? null : await connect(options, { write: true });
  const maxBatchItems = hub?.limits.maxBatchItems ?? 1000;
  if (Number.isFinite(requestedBatch) && requestedBatch > maxBatchItems) {
    process.stderr.write(`lienthong: --batch-size ${requestedBatch} is over the hub's limit; using ${maxBatchItems}\n`);
  }
  const batchSize = Math.min(requestedBatch, maxBatchItems);

  const checkpoint = options.dryRun ? null : new Checkpoint(file, entity.name);
  const resumed = options.resume && checkpoint ? await checkpoint.load() : null;
  const rejects = new RejectsFile(file, resumed !== null);
  await rejects.reset();
  if (resumed) process.stderr.write(`lienthong: resuming after row ${formatCount(resumed.done)} (${checkpoint!.path})\n`);

  let stopped = false;
  const stop = () => {
    if (stopped) process.exit(130);
    stopped = true;
    process.stderr.write("\nlienthong: stopping after the batches in flight; run again with --resume to continue\n");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const importer = new Importer({
    entity,
    client: hub?.client ?? null,
    batchSize,
    concurrency,
    maxBatchItems,
    maxBodyBytes: hub?.limits.maxBodyBytes ?? 2_097_152,
    rejects,
    checkpoint,
    skip: resumed?.done ?? 0,
    counts: resumed?.counts ?? zeroCounts(),
    stopped: () => stopped,
  });
  const label = `lienthong import ${entity.name}`;
  const progress = startProgress(label, importer.counts, () => ({ done: source.bytesRead(), total: source.size }), options.dryRun);
  const started = Date.now();
  try {
    await importer.run(source.rows);
  } catch (error) {
    if (error instanceof FatalError && checkpoint) {
      error.message += `\nThe rows before the failure are recorded in ${checkpoint.path}; run the same command with --resume to continue.`;
    }
    throw error;
  } finally {
    progress.stop();
    await rejects.close();
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
  const { counts } = importer;
  const seconds = (Date.now() - started) / 1000;
  const verb = options.dryRun ? "checked (dry run, nothing sent)" : "done";
  const outcome = options.dryRun
    ? `${formatCount(counts.rows - counts.rejected)} valid, ${formatCount(counts.rejected)} rejected`
    : `${formatCount(counts.applied)} applied, ${formatCount(counts.unchanged)} unchanged, ${formatCount(counts.rejected)} rejected`;
  process.stderr.write(`${label} ${verb}: ${formatCount(counts.rows)} rows in ${seconds.toFixed(1)} s: ${outcome}\n`);
  if (stopped) return 130;
  await checkpoint?.remove();
  if (counts.rejected > 0) {
    process.stderr.write(`rejected rows (line, code, field, message, row): ${rejects.path}\n`);
    return 1;
  }
  return 0;
}

/** The accepted columns of every import, for `--help`. */
export function importHelp(): string {
  return Object.values(ENTITIES)
    .map((e) => `\n${e.name}: ${e.summary}\n${describeColumns(e.columns)}`)
    .join("\n");
}
