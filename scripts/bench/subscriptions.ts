/**
 * Subscriptions: 10,000 WebSocket subscribers on one instance (then on two sharing the load), 100 events/s
 * recorded through the API; event-to-client latency (from sending the event to its arrival) and server RSS.
 * Subscribers are spread like dashboards would be: a few on the province, some per district, most per commune.
 */
import type { BenchContext } from "./run.js";
import { BENCH_ADMIN_TOKEN, rssOf, runWorker, startHub, type ServerProcess } from "./lib/processes.js";
import type { WsJob, WsOutcome } from "./lib/ws-worker.js";
import { fmt, record } from "./lib/stats.js";

interface Unit {
  id: number;
  code: string;
  kind: string;
  parent_id: number | null;
}

export async function benchSubscriptions(
  ctx: BenchContext,
  total = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000),
  perSecond = Number(process.env.BENCH_EVENTS_PER_SECOND ?? 100),
): Promise<void> {
  console.log(`\n## subscriptions (${total.toLocaleString("en")} subscribers, ${perSecond} events/s)`);
  const units = await ctx.sql<Unit[]>`
    SELECT id, code, kind, parent_id FROM agency_units
    WHERE path <@ (SELECT path FROM agency_units WHERE kind = 'PROVINCE' AND code LIKE '000.00.00.%' ORDER BY id LIMIT 1)`;
  const province = units.find((u) => u.kind === "PROVINCE")!;
  const districts = units.filter((u) => u.kind === "DISTRICT");
  const communes = units.filter((u) => ["COMMUNE", "WARD", "TOWNSHIP"].includes(u.kind));
  // One open dossier per commune, taken from the generated data (IN_PROCESS can be recorded again forever).
  const open = await ctx.sql<{ code: string; holder_id: number }[]>`
    SELECT DISTINCT ON (holder_id) code, holder_id FROM dossiers
    WHERE status = 'IN_PROCESS' AND holder_id IN ${ctx.sql(communes.map((c) => c.id))} ORDER BY holder_id, id`;
  if (open.length < 10) throw new Error("too few open IN_PROCESS dossiers at communes: generate more data");

  const subscribers: { agencyCode: string; unitId: number }[] = [];
  const onProvince = Math.min(10, total);
  const perDistrict = 3;
  for (let i = 0; i < onProvince; i++) subscribers.push({ agencyCode: province.code, unitId: province.id });
  for (const d of districts) for (let i = 0; i < perDistrict && subscribers.length < total; i++) subscribers.push({ agencyCode: d.code, unitId: d.id });
  for (let i = 0; subscribers.length < total; i++) {
    const c = communes[i % communes.length]!;
    subscribers.push({ agencyCode: c.code, unitId: c.id });
  }
  const count = new Map<number, number>();
  for (const s of subscribers) count.set(s.unitId, (count.get(s.unitId) ?? 0) + 1);
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const fanout = (unitId: number) => {
    let n = 0;
    for (let u: number | null | undefined = unitId; u; u = parentOf.get(u)) n += count.get(u) ?? 0;
    return n;
  };
  const dossiers = open.map((d) => ({ code: d.code, fanout: fanout(d.holder_id) }));

  const run = async (instances: ServerProcess[]) => {
    const job: WsJob = {
      urls: instances.map((i) => i.url),
      token: BENCH_ADMIN_TOKEN,
      subscribers: subscribers.map((s, i) => ({ agencyCode: s.agencyCode, instance: i % instances.length })),
      dossiers,
      perSecond,
      warmupMs: 3_000,
      measureMs: 20_000,
    };
    const rss = instances.map(() => 0);
    const timeline: string[] = [];
    let ticks = 0;
    const sampler = setInterval(() => {
      instances.forEach((inst, i) => (rss[i] = Math.max(rss[i]!, rssOf(inst.pid))));
      if (++ticks % 4 === 0) timeline.push(instances.map((inst) => Math.round(rssOf(inst.pid))).join("+"));
    }, 250);
    try {
      const outcome = await runWorker<WsOutcome>("ws-worker.ts", job, 240_000);
      // BENCH_RSS_TIMELINE=1: the instances' RSS (MB) every second, to see when memory grows.
      if (process.env.BENCH_RSS_TIMELINE) console.log(`  RSS each second: ${timeline.join(" ")}`);
      return { outcome, rss };
    } finally {
      clearInterval(sampler);
    }
  };
  const report = (label: string, r: { outcome: WsOutcome; rss: number[] }) => {
    const o = r.outcome;
    console.log(
      `  ${label}: ${o.connected} subscribers connected in ${fmt(o.connectSeconds, 1)} s; ${o.eventsSent} events sent; deliveries ${o.deliveries}/${o.expected}; ` +
        `latency p50 ${fmt(o.p50, 1)} ms, p99 ${fmt(o.p99, 1)} ms, max ${fmt(o.max, 1)} ms; write p50 ${fmt(o.writeP50, 1)} ms; peak RSS ${r.rss.map((x) => `${fmt(x)} MB`).join(" + ")}` +
        (o.errors ? `; ${o.errors} errors, first: ${o.firstError}` : ""),
    );
  };

  console.log(`  subscribers: ${onProvince} on the province, ${perDistrict} per district, the rest on ${communes.length} communes; ${dossiers.length} dossiers written to`);
  // Fresh instances: what one instance holds for its subscribers, not what the other benchmarks left in its heap.
  const fresh = async (n: number) => Promise.all(Array.from({ length: n }, () => startHub(ctx.databaseUrl)));
  const stopAll = (instances: ServerProcess[]) => Promise.all(instances.map((i) => i.stop()));
  let instances = await fresh(1);
  let one;
  try {
    one = await run(instances);
    report("one instance", one);
  } finally {
    await stopAll(instances);
  }
  instances = await fresh(2);
  let two;
  try {
    two = await run(instances);
    report("two instances", two);
  } finally {
    await stopAll(instances);
  }
  for (const [label, r] of [["1 instance", one], ["2 instances", two]] as const) {
    const complete = r.outcome.deliveries >= r.outcome.expected && r.outcome.errors === 0;
    const rss = Math.max(...r.rss);
    record({
      bench: "subscriptions",
      measure: `${total.toLocaleString("en")} subscribers, ${perSecond} events/s, ${label}`,
      ours: `p50 ${fmt(r.outcome.p50, 1)} ms, p99 ${fmt(r.outcome.p99, 1)} ms; RSS ${r.rss.map((x) => fmt(x)).join(" + ")} MB; ${r.outcome.deliveries}/${r.outcome.expected} delivered`,
      limit: "–",
      ratio: "–",
      target: "p99 ≤ 250 ms, RSS ≤ 300 MB",
      met: complete && r.outcome.p99 <= 250 && rss <= 300 ? "yes" : "no",
    });
  }
}
