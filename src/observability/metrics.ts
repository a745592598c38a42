/**
 * Prometheus metrics (prom-client), one registry per server so that several servers in one process (tests) keep
 * their own counts. Every name starts with `lienthong_`; Node's default process metrics come along.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Operation names are chosen by clients: past this many distinct names, new ones count as `other`. */
const MAX_OPERATION_NAMES = 200;

export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();

  readonly operations = new Counter({
    name: "lienthong_operations_total",
    help: "GraphQL operations by operation name, type (query, mutation, subscription) and outcome (ok, error).",
    labelNames: ["operation", "type", "outcome", "transport"] as const,
    registers: [this.registry],
  });
  readonly operationSeconds = new Histogram({
    name: "lienthong_operation_duration_seconds",
    help: "Time from receiving an HTTP operation to its response, by type.",
    labelNames: ["type"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "lienthong_errors_total",
    help: "Errors returned to clients by extensions.code.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  readonly batchItems = new Counter({
    name: "lienthong_batch_items_total",
    help: "Items of batch mutations by mutation and outcome (applied, unchanged, failed).",
    labelNames: ["mutation", "outcome"] as const,
    registers: [this.registry],
  });
  readonly batchFallbacks = new Counter({
    name: "lienthong_batch_fallbacks_total",
    help: "Batches that could not be written in one transaction and were applied item by item.",
    labelNames: ["mutation"] as const,
    registers: [this.registry],
  });
  readonly wsConnections = new Gauge({
    name: "lienthong_ws_connections",
    help: "Open WebSocket connections on this instance.",
    registers: [this.registry],
  });
  readonly wsSubscriptions = new Gauge({
    name: "lienthong_ws_subscriptions",
    help: "Open WebSocket operations (subscriptions) on this instance.",
    registers: [this.registry],
  });
  readonly eventDeliveryLag = new Gauge({
    name: "lienthong_event_delivery_lag",
    help: "Dossier event log head minus the last position this instance has read and delivered (positions).",
    registers: [this.registry],
  });
  readonly eventPushSeconds = new Histogram({
    name: "lienthong_event_push_latency_seconds",
    help: "Time from a dossier event's commit (recorded_at) to its push to a subscriber.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly sweeperLag = new Gauge({
    name: "lienthong_sweeper_watermark_lag_seconds",
    help: "Age of the open-dossier watermark after this instance's last sweep.",
    registers: [this.registry],
  });
  readonly sweeps = new Counter({
    name: "lienthong_sweeper_runs_total",
    help: "Open-dossier sweeps by outcome (ok, failed).",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly dbPool = new Gauge({
    name: "lienthong_db_pool_connections",
    help: "Database connections of this instance: the pool size (max) and those busy with a statement (busy).",
    labelNames: ["state"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "lienthong_" });
  }

  /** The label for an operation name, bounded in cardinality. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES || name.length > 64) return "other";
    this.names.add(name);
    return name;
  }

  /** The text exposition format. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
