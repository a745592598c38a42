/**
 * `oversightChanged`: the live twin of `oversight`. One feed per instance follows the oversight change log
 * (`oversight_changes`, appended in every write's transaction) after a NOTIFY — and every few seconds, so a lost
 * notification only delays — and recomputes each watched (unit, period, tree date) whose scope a change touches, at
 * most once a second, once for all its subscribers. A slow subscriber skips intermediate versions.
 */
import type { Database } from "../../../db/client.js";
import { bucketOfPath } from "../../dashboards/query/dashboard-terms.js";
import { refreshTarget, type DashboardTarget } from "../../dashboards/query/dashboard.service.js";
import { changesAfter, lastChange, OVERSIGHT_CHANGES_CHANNEL } from "../oversight-counts.store.js";
import type { Oversight } from "../oversight.types.js";
import { computeOversight } from "../read/oversight.service.js";
import { safeError } from "../../../observability/log.js";

/** The least time between two computations of one watch. */
export const OVERSIGHT_PUSH_MS = 1_000;
const POLL_MS = 2_000;
const PAGE = 500;

/** One subscriber: the newest value not yet taken; `return()` ends a waiting `next()` at once. */
export class LatestStream<T> implements AsyncIterableIterator<T> {
  private slot: T | undefined;
  private waiter: ((result: IteratorResult<T>) => void) | undefined;
  private closed = false;

  constructor(private readonly onClose: (stream: LatestStream<T>) => void) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  offer(value: T): void {
    if (this.closed) return;
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = undefined;
      resolve({ value, done: false });
    } else this.slot = value;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    if (this.slot !== undefined) {
      const value = this.slot;
      this.slot = undefined;
      return Promise.resolve({ value, done: false });
    }
    return new Promise((resolve) => (this.waiter = resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    this.close();
    return { value: undefined, done: true };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.waiter?.({ value: undefined, done: true });
    this.waiter = undefined;
    this.onClose(this);
  }
}

class Watch {
  readonly streams = new Set<LatestStream<Oversight>>();
  private latest: Oversight | undefined;
  private startedAt = 0;
  private computing = false;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    public target: DashboardTarget,
  ) {}

  /** True when a change of the unit at `path` (id `unitId`) may change this watch's figures. */
  concerns(unitId: number, path: string): boolean {
    return bucketOfPath(this.target.scope, unitId, path) !== undefined;
  }

  welcome(stream: LatestStream<Oversight>): void {
    if (this.latest) stream.offer(this.latest);
    else this.invalidate();
  }

  invalidate(): void {
    this.dirty = true;
    if (this.computing || this.timer) return;
    const wait = Math.max(0, this.startedAt + OVERSIGHT_PUSH_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.compute();
    }, wait);
  }

  stop(): void {
    clearTimeout(this.timer);
    for (const stream of [...this.streams]) stream.close();
  }

  private async compute(): Promise<void> {
    if (this.streams.size === 0) return;
    this.computing = true;
    this.dirty = false;
    this.startedAt = Date.now();
    try {
      this.target = await refreshTarget(this.database.db, this.target);
      this.latest = await computeOversight(this.database.db, this.target, new Date());
      for (const stream of this.streams) stream.offer(this.latest);
    } catch (error) {
      if (this.streams.size > 0) console.error(JSON.stringify({ level: 50, msg: "oversight computation failed", err: safeError(error) }));
    } finally {
      this.computing = false;
      if (this.dirty) this.invalidate();
    }
  }
}

/** The oversight watches of one instance (one per database). */
export class OversightFeed {
  private readonly watches = new Map<string, Watch>();
  private position = 0;
  private unlisten: (() => Promise<void>) | undefined;
  private poller: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private reading = false;
  private readAgain = false;

  constructor(private readonly database: Database) {}

  get size(): number {
    return this.watches.size;
  }

  async open(target: DashboardTarget): Promise<LatestStream<Oversight>> {
    await (this.starting ??= this.start());
    const key = `${target.root.id}|${target.from}|${target.to}|${target.asOf}`;
    let watch = this.watches.get(key);
    if (!watch) this.watches.set(key, (watch = new Watch(this.database, target)));
    const owner = watch;
    const stream = new LatestStream<Oversight>((closed) => {
      owner.streams.delete(closed);
      if (owner.streams.size > 0 || this.watches.get(key) !== owner) return;
      this.watches.delete(key);
      owner.stop();
      if (this.watches.size === 0) void this.stop();
    });
    watch.streams.add(stream);
    watch.welcome(stream);
    return stream;
  }

  private async start(): Promise<void> {
    this.position = await lastChange(this.database.db);
    this.unlisten = await this.database.listen(OVERSIGHT_CHANGES_CHANNEL, () => this.read());
    this.poller = setInterval(() => this.read(), POLL_MS);
    this.poller.unref();
  }

  private async stop(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    await starting?.catch(() => {});
    if (this.watches.size > 0) return;
    clearInterval(this.poller);
    await this.unlisten?.().catch(() => {});
    this.unlisten = undefined;
  }

  /** Reads the log after the known position and invalidates the watches it concerns (single flight). */
  private read(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    void (async () => {
      try {
        do {
          this.readAgain = false;
          for (;;) {
            const changes = await changesAfter(this.database.db, this.position, PAGE);
            for (const change of changes) {
              const unitId = Number(change.path.slice(change.path.lastIndexOf(".") + 1));
              for (const watch of this.watches.values()) if (watch.concerns(unitId, change.path)) watch.invalidate();
            }
            if (changes.length > 0) this.position = changes.at(-1)!.position;
            if (changes.length < PAGE) break;
          }
        } while (this.readAgain);
      } catch {
        // The database is unreachable: the next notification or poll tries again.
      } finally {
        this.reading = false;
      }
    })();
  }
}

const feeds = new WeakMap<Database, OversightFeed>();

export function oversightFeedFor(database: Database): OversightFeed {
  let feed = feeds.get(database);
  if (!feed) feeds.set(database, (feed = new OversightFeed(database)));
  return feed;
}
