/**
 * The limit of the ingest benchmark, in a separate process: the same event rows inserted with plain multi-row
 * INSERTs, one transaction per batch, one connection per writer, all writers at once. JSON job on stdin.
 */
import { performance } from "node:perf_hooks";
import postgres from "postgres";

export interface InsertJob {
  databaseUrl: string;
  table: string;
  writers: Record<string, unknown>[][][];
}

async function main(): Promise<void> {
  let raw = "";
  for await (const chunk of process.stdin) raw += chunk;
  const job = JSON.parse(raw) as InsertJob;
  const sql = postgres(job.databaseUrl, { max: job.writers.length, onnotice: () => {} });
  await sql`SELECT 1`;
  let rows = 0;
  const started = performance.now();
  await Promise.all(
    job.writers.map(async (batches) => {
      for (const batch of batches) {
        await sql.begin((tx) => tx`INSERT INTO ${tx(job.table)} ${tx(batch as Record<string, postgres.ParameterOrJSON<never>>[])}`);
        rows += batch.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await sql.end({ timeout: 5 });
  process.stdout.write(`${JSON.stringify({ rows, seconds })}\n`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
