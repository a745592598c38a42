import type { Database } from "../../db/client.js";
import {
  DOSSIER_EVENTS_CHANNEL, headPosition, matchesStreamFilter, readEvents, type EventStreamFilter, type StreamedEvent,
} from "./dossier-event.store.js";

/** Events read from the log per query: the most a subscription holds in memory. */
export const STREAM_PAGE_SIZE = 500;
/** Recent events the hub keeps for its subscriptions (shared, unfiltered). */
export const TAIL_SIZE = 2_000;

interface Waiter {
  position: number;
  resolve: () => void;
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
 */
export class DossierEventHub {
  private known = 0;
  private tail: StreamedEvent[] = [];
  private tailFrom = 0;
  private readonly waiters = new Set<Waiter>();
  private unlisten: (() => Promise<void>) | undefined;
  private poller: NodeJS.Timeout | undefined;
  private refreshing = false;
  private refreshAgain = false;
  private stopped = false;

  constructor(
    private readonly database: Database,
    private readonly options: { pollMs?: number; tailSize?: number } = {},
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(DOSSIER_EVENTS_CHANNEL, () => this.refresh());
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

  /** Subscriptions currently waiting for the log to grow (for tests and metrics). */
  get waiting(): number {
    return this.waiters.size;
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

  /** Resolves once the head is beyond `position` or the hub stops; `cancel` resolves it early. */
  waitBeyond(position: number): { done: Promise<void>; cancel: () => void } {
    if (this.known > position || this.stopped) return { done: Promise.resolve(), cancel: () => {} };
    let waiter!: Waiter;
    const done = new Promise<void>((resolve) => (waiter = { position, resolve }));
    this.waiters.add(waiter);
    return {
      done,
      cancel: () => {
        this.waiters.delete(waiter);
        waiter.resolve();
      },
    };
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
      } catch {
        // The database is unreachable: the next notification or poll tries again.
      } finally {
        this.refreshing = false;
      }
    })();
  }

  private async readToHead(): Promise<void> {
    const head = await headPosition(this.database.db);
    const tailSize = this.options.tailSize ?? TAIL_SIZE;
    if (head - this.known > tailSize) {
      // A burst larger than the tail: skip to its last part; streams behind it read the database.
      this.tail = [];
      this.known = this.tailFrom = head - tailSize;
    }
    while (this.known < head && !this.stopped) {
      const rows = await readEvents(this.database.db, { scope: "" }, this.known, head, STREAM_PAGE_SIZE);
      this.tail.push(...rows);
      this.known = rows.length === STREAM_PAGE_SIZE ? rows.at(-1)!.event.position : head;
      if (this.tail.length > tailSize) {
        const dropped = this.tail.splice(0, this.tail.length - tailSize);
        this.tailFrom = dropped.at(-1)!.event.position;
      }
      this.wakeAll();
    }
  }

  private wakeAll(): void {
    for (const waiter of [...this.waiters]) {
      if (this.stopped || this.known > waiter.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
