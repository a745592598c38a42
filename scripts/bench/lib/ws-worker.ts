/**
 * Subscribers and the event writer of the subscriptions benchmark, in one separate process so that send and
 * receive times share a clock. Opens one WebSocket (graphql-ws) per subscriber, then records `perSecond` events a
 * second through `recordDossierEvents` and measures, for every delivery, the time from sending the event to its
 * arrival at the subscriber. JSON job on stdin, JSON line out; every phase is bounded in time.
 */
import { performance } from "node:perf_hooks";
import { createClient, type Client } from "graphql-ws";
import { WebSocket } from "ws";
import { percentile } from "./stats.js";

export interface WsJob {
  /** Hub URLs (http://127.0.0.1:…/graphql); subscriber i uses `urls[subscriber.instance]`. */
  urls: string[];
  token: string;
  subscribers: { agencyCode: string; instance: number }[];
  /** Dossiers the writer records events of (IN_PROCESS, recorded again), with how many subscribers should see each. */
  dossiers: { code: string; fanout: number }[];
  perSecond: number;
  warmupMs: number;
  measureMs: number;
}

export interface WsOutcome {
  connected: number;
  connectSeconds: number;
  eventsSent: number;
  deliveries: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  writeP50: number;
  errors: number;
  firstError: string | null;
}

const SUBSCRIPTION = `subscription($a: String!) { dossierStatusChanged(agencyCode: $a) { cursor eventId to at dossier { code status } } }`;
const RECORD = `mutation($input: [DossierEventInput!]!) { recordDossierEvents(input: $input) { applied failed items { ok error { code message } } } }`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  let raw = "";
  for await (const chunk of process.stdin) raw += chunk;
  const job = JSON.parse(raw) as WsJob;
  for (const url of job.urls) if (new URL(url).hostname !== "127.0.0.1") throw new Error("only 127.0.0.1");

  const sentAt = new Map<string, number>();
  const measured = new Set<string>();
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const fail = (e: unknown) => {
    errors++;
    firstError ??= String(e instanceof Error ? e.message : JSON.stringify(e));
  };

  // Connect in waves, each waiting for its acknowledgements, so that the accept queue never overflows.
  const clients: Client[] = [];
  const started = performance.now();
  const WAVE = 250;
  for (let i = 0; i < job.subscribers.length; i += WAVE) {
    await Promise.all(
      job.subscribers.slice(i, i + WAVE).map(
        (s) =>
          new Promise<void>((resolve) => {
            const client = createClient({
              url: job.urls[s.instance]!.replace(/^http/, "ws"),
              webSocketImpl: WebSocket,
              lazy: false,
              retryAttempts: 0,
              connectionParams: { authorization: `Bearer ${job.token}` },
              onNonLazyError: (e) => {
                fail(e);
                resolve();
              },
              on: { connected: () => resolve() },
            });
            clients.push(client);
            client.subscribe<{ dossierStatusChanged: { eventId: string } }>(
              { query: SUBSCRIPTION, variables: { a: s.agencyCode } },
              {
                next: (value) => {
                  const id = value.data?.dossierStatusChanged.eventId;
                  const sent = id ? sentAt.get(id) : undefined;
                  if (id && sent !== undefined && measured.has(id)) latencies.push(performance.now() - sent);
                  if (value.errors) fail(value.errors);
                },
                error: fail,
                complete: () => {},
              },
            );
            setTimeout(resolve, 20_000);
          }),
      ),
    );
  }
  const connectSeconds = (performance.now() - started) / 1000;
  await sleep(2_000); // subscriptions are registered after the connection acknowledgement

  // The writer: one batch every 100 ms, at most 5 in flight.
  const url = new URL(job.urls[0]!);
  const perTick = Math.round(job.perSecond / 10);
  const writeLatencies: number[] = [];
  let inFlight = 0;
  let sent = 0;
  let expected = 0;
  const tag = Date.now().toString(36);
  const writeStart = performance.now();
  const measureFrom = writeStart + job.warmupMs;
  const measureTo = measureFrom + job.measureMs;
  for (let tick = 0; performance.now() < measureTo; tick++) {
    const due = writeStart + tick * 100;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (inFlight >= 5 || perTick === 0) continue;
    const now = performance.now();
    const inWindow = now >= measureFrom && now < measureTo;
    const input = Array.from({ length: perTick }, (_, k) => {
      const dossier = job.dossiers[(sent + k) % job.dossiers.length]!;
      const id = `sub-${tag}-${sent + k}`;
      sentAt.set(id, now);
      if (inWindow) {
        measured.add(id);
        expected += dossier.fanout;
      }
      return { id, dossierCode: dossier.code, status: "IN_PROCESS", at: new Date(Date.now() + k).toISOString() };
    });
    sent += perTick;
    inFlight++;
    const t0 = performance.now();
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${job.token}` },
      body: JSON.stringify({ query: RECORD, variables: { input } }),
    })
      .then(async (res) => {
        const body = (await res.json()) as { data?: { recordDossierEvents: { failed: number; items: { error: unknown }[] } } };
        if (!body.data || body.data.recordDossierEvents.failed > 0) fail(body);
        writeLatencies.push(performance.now() - t0);
      })
      .catch(fail)
      .finally(() => inFlight--);
  }
  await sleep(3_000); // stragglers
  const outcome: WsOutcome = {
    connected: clients.length,
    connectSeconds,
    eventsSent: sent,
    deliveries: latencies.length,
    expected,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    writeP50: percentile(writeLatencies, 50),
    errors,
    firstError,
  };
  await Promise.race([Promise.all(clients.map((c) => c.dispose())), sleep(10_000)]);
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
