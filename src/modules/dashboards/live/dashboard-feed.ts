import type { Db } from "../../../db/client.js";
import { STREAM_PAGE_SIZE, type DossierEventHub } from "../../dossiers/live/dossier-event-hub.js";
import { computeDashboard, refreshTarget, type DashboardTarget } from "../query/dashboard.service.js";
import { bucketOfPath, type ScopeTerms } from "../query/dashboard-terms.js";
import type { Dashboard } from "../dashboard.types.js";
import { safeError } from "../../../observability/log.js";

/** The least time between two computations of one watched dashboard, and between two pushes to one subscriber. */
export const PUSH_INTERVAL_MS = 1_000;

/**
 * One subscriber's stream of dashboards: a single slot holding the newest dashboard not yet taken, handed out
 * at most once per {@link PUSH_INTERVAL_MS} (a slow client simply skips intermediate versions). A hand-written
 * iterator, so that `return()` (unsubscribe, socket closed) ends a waiting `next()` at once.
 */
export class DashboardStream implements AsyncIterableIterator<Dashboard> {
  private slot: Dashboard | undefined;
  private waiter: ((result: IteratorResult<Dashboard>) => void) | undefined;
  private lastAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly onClose: (stream: DashboardStream) => void,
    /** Called with each dashboard before it is handed out (fresh DataLoaders per push). */
    private readonly beforeDeliver: (dashboard: Dashboard) => void = () => {},
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Offers a newer dashboard; it replaces one not yet taken. */
  offer(dashboard: Dashboard): void {
    if (this.closed) return;
    this.slot = dashboard;
    this.flush();
  }

  next(): Promise<IteratorResult<Dashboard>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.flush();
    });
  }

  async return(): Promise<IteratorResult<Dashboard>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<Dashboard>> {
    this.close();
    throw error;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.slot = undefined;
    this.waiter?.({ value: undefined, done: true });
    this.waiter = undefined;
    this.onClose(this);
  }

  private flush(): void {
    if (!this.waiter || !this.slot || this.timer) return;
    const wait = this.lastAt + PUSH_INTERVAL_MS - Date.now();
    if (this.lastAt > 0 && wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
      return;
    }
    const dashboard = this.slot;
    const resolve = this.waiter;
    this.slot = undefined;
    this.waiter = undefined;
    this.lastAt = Date.now();
    this.beforeDeliver(dashboard);
    resolve({ value: dashboard, done: false });
  }
}

/** One watched (unit, period, tree date): its subscribers and its shared computation. */
class Watch {
  readonly streams = new Set<DashboardStream>();
  /** The subtrees whose dossiers the dashboard counts (by receiving agency), from the last computation; null before it. */
  private scope: ScopeTerms | null = null;
  latest: Dashboard | undefined;
  private startedAt = 0;
  private computing = false;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    readonly target: DashboardTarget,
  ) {}

  /**
   * True when a change of a dossier received by this unit (its id and path) may change the dashboard (always,
   * before the first computation).
   */
  counts(unitId: number, path: string | null): boolean {
    return this.scope === null || path === null || bucketOfPath(this.scope, unitId, path) !== undefined;
  }

  /** A dossier of the scope changed: compute again, at most once per interval. */
  invalidate(): void {
    this.dirty = true;
    this.schedule();
  }

  /** Gives a new subscriber the latest dashboard, or computes one when there is none yet or it is old. */
  welcome(stream: DashboardStream): void {
    if (this.latest) stream.offer(this.latest);
    if (!this.latest || Date.now() - this.startedAt >= PUSH_INTERVAL_MS) this.invalidate();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const stream of [...this.streams]) stream.close();
  }

  private schedule(): void {
    if (this.computing || this.timer || !this.dirty) return;
    const wait = Math.max(0, this.startedAt + PUSH_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.compute();
    }, wait);
  }

  private async compute(): Promise<void> {
    if (this.streams.size === 0) return;
    this.computing = true;
    this.dirty = false;
    const now = new Date();
    this.startedAt = now.getTime();
    try {
      const target = await refreshTarget(this.db, this.target);
      this.scope = target.scope;
      const dashboard = await computeDashboard(this.db, target, now);
      this.latest = dashboard;
      for (const stream of this.streams) stream.offer(dashboard);
    } catch (error) {
      // The database is unreachable or shutting down: the next change tries again.
      if (this.streams.size > 0) console.error(JSON.stringify({ level: 50, msg: "dashboard computation failed", err: safeError(error) }));
    } finally {
      this.computing = false;
      this.schedule();
    }
  }
}

/**
 * The live dashboards of one instance: one {@link Watch} per (unit, period, tree date) however many clients
 * subscribe to it, computed once per change and pushed to all of them. Follows the dossier event hub (its shared
 * tail of recent events): an event whose dossier was received by a unit of a watched scope invalidates that watch.
 * When the hub skipped a burst larger than its tail, every watch is invalidated (nothing is missed).
 */
export class DashboardFeed {
  private readonly watches = new Map<string, Watch>();
  private running = false;
  private cancelWait: (() => void) | undefined;

  constructor(
    private readonly hub: DossierEventHub,
    private readonly db: Db,
  ) {}

  /** Active watches (for tests and metrics). */
  get size(): number {
    return this.watches.size;
  }

  /** Opens a subscriber's stream on the watch of `target`; the first dashboard comes at once. */
  open(target: DashboardTarget, beforeDeliver?: (dashboard: Dashboard) => void): DashboardStream {
    const key = `${target.root.id}|${target.from}|${target.to}|${target.asOf}`;
    let watch = this.watches.get(key);
    if (!watch) this.watches.set(key, (watch = new Watch(this.db, target)));
    const owner = watch;
    const stream = new DashboardStream((closed) => {
      owner.streams.delete(closed);
      if (owner.streams.size === 0 && this.watches.get(key) === owner) {
        this.watches.delete(key);
        owner.stop();
        if (this.watches.size === 0) this.cancelWait?.();
      }
    }, beforeDeliver);
    watch.streams.add(stream);
    watch.welcome(stream);
    if (!this.running) void this.follow();
    return stream;
  }

  private async follow(): Promise<void> {
    this.running = true;
    let position = this.hub.head;
    try {
      while (!this.hub.isStopped && this.watches.size > 0) {
        const wait = this.hub.waitBeyond(position);
        this.cancelWait = wait.cancel;
        await wait.done;
        this.cancelWait = undefined;
        if (this.hub.isStopped || this.watches.size === 0) break;
        if (position < this.hub.tailStart) {
          for (const watch of this.watches.values()) watch.invalidate();
          position = this.hub.head;
          continue;
        }
        // Synchronous from here to the end of the pass: the hub's tail cannot change in between.
        for (;;) {
          const events = this.hub.fromTail(position, { scope: "" }, STREAM_PAGE_SIZE);
          for (const { dossier, receivingAgencyPath } of events) {
            for (const watch of this.watches.values()) if (watch.counts(dossier.agencyId, receivingAgencyPath)) watch.invalidate();
          }
          if (events.length < STREAM_PAGE_SIZE) {
            position = this.hub.head;
            break;
          }
          position = events.at(-1)!.event.position;
        }
      }
    } finally {
      this.running = false;
      if (this.hub.isStopped) for (const watch of [...this.watches.values()]) watch.stop();
      else if (this.watches.size > 0) void this.follow();
    }
  }
}

const feeds = new WeakMap<DossierEventHub, DashboardFeed>();

/** The feed of an instance, created with its first subscriber (one per dossier event hub). */
export function dashboardFeedFor(hub: DossierEventHub, db: Db): DashboardFeed {
  let feed = feeds.get(hub);
  if (!feed) feeds.set(hub, (feed = new DashboardFeed(hub, db)));
  return feed;
}
