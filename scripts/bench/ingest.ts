/**
 * Ingest: `recordDossierEvents` in batches of 500 from 4 concurrent writers (events/s), against plain multi-row
 * INSERTs of the same event rows. The dossiers are received first through `submitDossiers` (also reported), so
 * that every write path the services maintain (rollups, audit, the event log) is exercised.
 */
import type { BenchContext } from "./run.js";
import type { BatchJob, BatchOutcome } from "./lib/batch-worker.js";
import { BENCH_ADMIN_TOKEN, runWorker } from "./lib/processes.js";
import { fmt, median, percentile, record } from "./lib/stats.js";

const WRITERS = 4;
const BATCH = 500;
const SUBMIT = `mutation($input: [DossierInput!]!) { submitDossiers(input: $input) { applied unchanged failed items { ok error { code message } } } }`;
const RECORD = `mutation($input: [DossierEventInput!]!) { recordDossierEvents(input: $input) { applied unchanged failed items { ok error { code message } } } }`;
const STEPS = [["ACCEPTED", "IN_PROCESS"], ["RESOLVED", "RETURNED"]] as const;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function yymmdd(instant: Date): string {
  const vn = new Date(instant.getTime() + 7 * 3_600_000).toISOString();
  return `${vn.slice(2, 4)}${vn.slice(5, 7)}${vn.slice(8, 10)}`;
}

export async function benchIngest(ctx: BenchContext, perWriter = Number(process.env.BENCH_INGEST_DOSSIERS ?? 1000)): Promise<void> {
  console.log(`\n## ingest (${WRITERS} writers, batches of ${BATCH})`);
  const units = await ctx.sql<{ code: string }[]>`SELECT code FROM agency_units WHERE kind IN ('COMMUNE', 'WARD', 'TOWNSHIP') ORDER BY code LIMIT 200`;
  const procedures = await ctx.sql<{ code: string }[]>`SELECT code FROM procedures WHERE level = 'COMMUNE' ORDER BY code LIMIT 20`;
  const tag = String(Date.now() % 100_000_000).padStart(8, "0");
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);
  const base = Date.now() - 2 * 86_400_000;

  const dossiers = Array.from({ length: WRITERS * perWriter }, (_, n) => {
    const unit = units[n % units.length]!;
    return {
      code: `${unit.code}-${yymmdd(receivedAt)}-${tag}${String(n).padStart(5, "0")}`,
      procedureCode: procedures[n % procedures.length]!.code,
      agencyCode: unit.code,
      channel: "ONLINE",
      receivedAt: receivedAt.toISOString(),
    };
  });
  const byWriter = Array.from({ length: WRITERS }, (_, w) => dossiers.slice(w * perWriter, (w + 1) * perWriter));
  const submitted = await runWorker<BatchOutcome>(
    "batch-worker.ts",
    { url: ctx.hub.url, token: BENCH_ADMIN_TOKEN, mutation: SUBMIT, field: "submitDossiers", writers: byWriter.map((d) => chunks(d, BATCH)), maxMs: 300_000 } satisfies BatchJob,
    360_000,
  );
  if (submitted.failed > 0 || submitted.applied !== dossiers.length) throw new Error(`submitDossiers setup failed: ${JSON.stringify({ ...submitted, latencies: undefined })}`);
  const submitRate = submitted.applied / submitted.seconds;
  console.log(`  submitDossiers (setup)                        ${fmt(submitRate)} dossiers/s   batch p50 ${fmt(median(submitted.latencies))} ms`);

  // Per writer: for each 250 dossiers, one batch with their first two steps, one with the last two (so that a
  // batch holds consecutive events of the same dossier, as a one-stop system's queue does).
  const writers = byWriter.map((list, w) =>
    chunks(list, BATCH / 2).flatMap((group, g) =>
      STEPS.map((steps, s) =>
        group.flatMap((d, i) =>
          steps.map((status, k) => ({
            id: `bench-${tag}-${w}-${g}-${i}-${s * 2 + k}`,
            dossierCode: d.code,
            status,
            at: new Date(base + (s * 2 + k) * 3_600_000 + i).toISOString(),
          })),
        ),
      ),
    ),
  );
  const events = writers.flat(2).length;
  const recorded = await runWorker<BatchOutcome>(
    "batch-worker.ts",
    { url: ctx.hub.url, token: BENCH_ADMIN_TOKEN, mutation: RECORD, field: "recordDossierEvents", writers, maxMs: 120_000 } satisfies BatchJob,
    180_000,
  );
  if (recorded.failed > 0) throw new Error(`recordDossierEvents failed: ${recorded.firstError}`);
  const rate = recorded.applied / recorded.seconds;
  console.log(
    `  recordDossierEvents                           ${fmt(rate)} events/s   (${recorded.applied}/${events} events in ${fmt(recorded.seconds, 1)} s; batch p50 ${fmt(median(recorded.latencies))} ms, p99 ${fmt(percentile(recorded.latencies, 99))} ms)`,
  );

  // The limit: the very rows just written, inserted again (as copies with another event id) with plain INSERTs.
  const rows = await ctx.sql<Record<string, unknown>[]>`
    SELECT event_id || '-plain' AS event_id, dossier_id, kind, from_status, to_status, at, agency_id, previous_agency_id, note, recorded_by
    FROM dossier_events WHERE event_id LIKE ${`bench-${tag}-%`} ORDER BY position`;
  const plainWriters = Array.from({ length: WRITERS }, (_, w) => chunks(rows.filter((_, i) => i % WRITERS === w), BATCH));
  const plain = await runWorker<{ rows: number; seconds: number }>("insert-worker.ts", { databaseUrl: ctx.databaseUrl, table: "dossier_events", writers: plainWriters }, 120_000);
  await ctx.sql`DELETE FROM dossier_events WHERE event_id LIKE ${`bench-${tag}-%-plain`}`;
  const limit = plain.rows / plain.seconds;
  console.log(`  plain multi-row INSERTs of the same rows      ${fmt(limit)} rows/s`);
  record({
    bench: "ingest",
    measure: `recordDossierEvents, ${WRITERS} writers × batches of ${BATCH}, events/s`,
    ours: `${fmt(rate)} (batch p50 ${fmt(median(recorded.latencies))} ms)`,
    limit: `${fmt(limit)} plain INSERTs`,
    ratio: `${fmt(rate / limit, 2)}×`,
    target: "≥ 5,000 events/s",
    met: rate >= 5000 ? "yes" : "no",
  });
  record({
    bench: "ingest",
    measure: `submitDossiers, ${WRITERS} writers × batches of ${BATCH}, dossiers/s`,
    ours: fmt(submitRate),
    limit: "–",
    ratio: "–",
    target: "–",
    met: "–",
  });
}
