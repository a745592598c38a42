import type { Database } from "../../../db/client.js";
import { safeError, type Logger } from "../../../observability/log.js";
import {
  DOSSIER_EVENTS_CHANNEL, headPosition, holdersOf, matchesStreamFilter, readEvents, type EventStreamFilter, type StreamedEvent,
} from "../dossier-event-log.store.js";

/** Events read from the log per query: the most a subscription holds in memory. */
export const STREAM_PAGE_SIZE = 500;
/** Recent events the hub keeps for its subscriptions (shared, unfiltered). */
export const TAIL_SIZE = 2_000;

interface Waiter {
  position: number;
  /** What the waiting stream is interested in (see {@link interestOf}); null: every event. */
  key: string | null;
  /** Wakes the stream with the position up to which the log holds nothing for it. */
  resolve: (settled: number) => void;
}

/**
 * The key an event stream waits on: a necessary condition of its filter (`matchesStreamFilter`), so that an event
 * none of whose {@link eventKeys} equals it cannot concern the stream. Null: the stream must look at every event.
 */
export function interestOf(filter: EventStreamFilter): string | null {
  if (filter.dossierId !== undefined) return `d:${filter.dossierId}`;
  if (filter.unitPath !== undefined) return `p:${filter.unitPath}`;
  if (filter.scope !== "") return `p:${filter.scope}`;
  return null;
}

/**
 * Every interest key an event satisfies: its dossier, and each ancestor-or-self of the paths it touches (the
 * receiving unit and every unit that held the dossier up to this event).
 */
function eventKeys(rows: readonly StreamedEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) {
    keys.add(`d:${row.event.dossierId}`);
    for (const path of [row.agencyPath, row.previousAgencyPath, row.receivingAgencyPath, ...holdersOf(row).map((h) => h.path)]) {
      if (!path) continue;
      for (let end = path.indexOf("."); end !== -1; end = path.indexOf(".", end + 1)) keys.add(`p:${path.slice(0, end)}`);
      keys.add(`p:${path}`);
    }
  }
  return keys;
}

/**
 * Follows the dossier event log for this instance and wakes its subscriptions when it grows.
 *
 * One LISTEN per instance (postgres.js keeps one dedicated connection and re-listens after a reconnect; PGlite
 * listens in process). A notification carries nothing: it makes the hub read the log after the last position it
 * knows, once per burst of notifications however many subscriptions there are, into a bounded in-memory tail of
 * recent events that every subscription near the head filters for itself. A subscription further behind (an old
 * cursor, a slow client) reads the log from the database at its own pace until it reaches the tail. Notifications
 * sent while the LISTEN connection was down are lost, so the hub also reads the head every `pollMs`: a lost
 * notification delays delivery by at most that, and never loses an event.
 *
 * Gap-free: the hub takes the visible head first and then reads `known < position <= head`. Appends commit in
 * position order (see `appendEvent`), so every position up to a visible head is settled: the tail is the complete
 * log from `tailStart` (exclusive) to `head` (inclusive).
 *
 * Waking is targeted: a waiting stream names its interest (a dossier, a subtree), and a page of new events wakes
 * only the streams it may concern, telling them the position up to which nothing was for them (so they resume from
 * there, not from where they started waiting). With 10,000 subscriptions spread over a province, an event wakes the
 * few dozen that watch its units instead of all 10,000.
 */
export class DossierEventHub {
  private known = 0;
  private tail: StreamedEvent[] = [];
  private tailFrom = 0;
  /** Streams waiting on an interest key, and streams that look at every event. */
  private readonly keyed = new Map<string, Set<Waiter>>();
  private readonly unkeyed = new Set<Waiter>();
  private unlisten: (() => Promise<void>) | undefined;
  private poller: NodeJS.Timeout | undefined;
  private refreshing = false;
  private refreshAgain = false;
  private stopped = false;
  private listens = 0;
  private failing = false;

  constructor(
    private readonly database: Database,
    private readonly options: { pollMs?: number; tailSize?: number; log?: Logger } = {},
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(
      DOSSIER_EVENTS_CHANNEL,
      () => this.refresh(),
      () => {
        // A reconnect: notifications sent while the connection was down are lost; read the log now.
        if (this.listens++ === 0) return;
        this.options.log?.warn({ channel: DOSSIER_EVENTS_CHANNEL, reconnects: this.listens - 1 }, "LISTEN reconnected");
        this.refresh();
      },
    );
    this.known = this.tailFrom = await headPosition(this.database.db);
    this.poller = setInterval(() => this.refresh(), this.options.pollMs ?? 2_000);
    this.poller.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    this.wakeAll();
    this.tail = [];
    await this.unlisten?.().catch(() => {});
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** The highest log position read: every position up to it is settled (committed or never). */
  get head(): number {
    return this.known;
  }

  /** Positions after this one, up to {@link head}, are all in the tail. */
  get tailStart(): number {
    return this.tailFrom;
  }

  /** How far the log's head is ahead of what this hub has read and handed to its streams (positions). */
  async lag(): Promise<number> {
    return Math.max(0, (await headPosition(this.database.db)) - this.known);
  }

  /** Subscriptions currently waiting for the log to grow (for tests and metrics). */
  get waiting(): number {
    let n = this.unkeyed.size;
    for (const set of this.keyed.values()) n += set.size;
    return n;
  }

  /** Up to `limit` tail events after `position` (which must be ≥ {@link tailStart}) that match `filter`. */
  fromTail(position: number, filter: EventStreamFilter, limit: number): StreamedEvent[] {
    let lo = 0;
    let hi = this.tail.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tail[mid]!.event.position <= position) lo = mid + 1;
      else hi = mid;
    }
    const out: StreamedEvent[] = [];
    for (let i = lo; i < this.tail.length && out.length < limit; i++) {
      if (matchesStreamFilter(filter, this.tail[i]!)) out.push(this.tail[i]!);
    }
    return out;
  }

  /**
   * Resolves once the log may hold something after `position` for a stream interested in `key` (null: anything),
   * or the hub stops; `cancel` resolves it early. Resolves with the position up to which the log is known to hold
   * nothing for that interest (at least `position`).
   */
  waitBeyond(position: number, key: string | null = null): { done: Promise<number>; cancel: () => void } {
    if (this.known > position || this.stopped) return { done: Promise.resolve(position), cancel: () => {} };
    let waiter!: Waiter;
    const done = new Promise<number>((resolve) => (waiter = { position, key, resolve }));
    this.register(waiter);
    return {
      done,
      cancel: () => {
        this.unregister(waiter);
        waiter.resolve(position);
      },
    };
  }

  private register(waiter: Waiter): void {
    if (waiter.key === null) return void this.unkeyed.add(waiter);
    let set = this.keyed.get(waiter.key);
    if (!set) this.keyed.set(waiter.key, (set = new Set()));
    set.add(waiter);
  }

  private unregister(waiter: Waiter): void {
    if (waiter.key === null) return void this.unkeyed.delete(waiter);
    const set = this.keyed.get(waiter.key);
    if (set?.delete(waiter) && set.size === 0) this.keyed.delete(waiter.key);
  }

  /** Reads the log after the known head (single flight: notifications arriving meanwhile cause one more pass). */
  refresh(): void {
    if (this.stopped) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    void (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.readToHead();
        } while (this.refreshAgain && !this.stopped);
        if (this.failing) this.options.log?.info("event log readable again");
        this.failing = false;
      } catch (error) {
        // The database is unreachable: the next notification or poll tries again (logged once per outage).
        if (!this.failing && !this.stopped) this.options.log?.warn({ error: safeError(error) }, "event log unreadable, retrying");
        this.failing = true;
      } finally {
        this.refreshing = false;
      }
    })();
  }

  private async readToHead(): Promise<void> {
    const head = await headPosition(this.database.db);
    const tailSize = this.options.tailSize ?? TAIL_SIZE;
    // Every page is read, however far the head moved: positions are not a count of events (rolled-back and
    // deleted rows leave gaps), and skipping ahead would send every waiting stream to the database at once (with
    // 10,000 subscribers, a batch of a few thousand events ran the instance out of memory, bench). Pages wake only
    // the streams they concern; the tail keeps the last `tailSize` events.
    while (this.known < head && !this.stopped) {
      const from = this.known;
      const rows = await readEvents(this.database.db, { scope: "" }, this.known, head, STREAM_PAGE_SIZE);
      this.tail.push(...rows);
      this.known = rows.length === STREAM_PAGE_SIZE ? rows.at(-1)!.event.position : head;
      if (this.tail.length > tailSize) {
        const dropped = this.tail.splice(0, this.tail.length - tailSize);
        this.tailFrom = dropped.at(-1)!.event.position;
      }
      this.wake(rows, from);
    }
  }

  /**
   * Wakes the streams the new events (`from < position <= known`) may concern. A keyed stream not woken by any
   * page since it started waiting had nothing in the log up to `from`, so it resumes from there.
   */
  private wake(rows: readonly StreamedEvent[], from: number): void {
    for (const key of eventKeys(rows)) {
      const set = this.keyed.get(key);
      if (!set) continue;
      this.keyed.delete(key);
      for (const waiter of set) waiter.resolve(Math.max(waiter.position, from));
    }
    for (const waiter of [...this.unkeyed]) {
      if (this.known > waiter.position) {
        this.unkeyed.delete(waiter);
        waiter.resolve(waiter.position);
      }
    }
  }

  /** Wakes every stream where it stands (the hub stops, or skipped events it did not read). */
  private wakeAll(): void {
    const all = [...this.unkeyed, ...[...this.keyed.values()].flatMap((set) => [...set])];
    this.unkeyed.clear();
    this.keyed.clear();
    for (const waiter of all) waiter.resolve(waiter.position);
  }
}
