import type { Db } from "../../../db/client.js";
import { interestOf, STREAM_PAGE_SIZE, type DossierEventHub } from "./dossier-event-hub.js";
import { readEvents, type EventStreamFilter, type StreamedEvent } from "../dossier-event-log.store.js";

/**
 * The events after log position `after` that match `filter`, in log order, none twice: a pull-based iterator. It
 * takes events only when its consumer asks for the next one, so a slow consumer (whose socket sends do not
 * complete) simply takes them later: from the hub's tail while it keeps up, from the database once it falls
 * behind the tail. Memory stays bounded by one page per subscription plus the shared tail, and a slow consumer
 * holds up no one.
 *
 * A hand-written iterator rather than an async generator, so that `return()` (unsubscribe, socket closed) ends a
 * stream that waits for the log to grow at once instead of after the next event.
 */
export class DossierEventStream implements AsyncIterableIterator<StreamedEvent> {
  private buffer: StreamedEvent[] = [];
  private closed = false;
  private cancelWait: (() => void) | undefined;
  private readonly interest: string | null;

  constructor(
    private readonly hub: DossierEventHub,
    private readonly db: Db,
    private readonly filter: EventStreamFilter,
    private position: number,
    /** Called with each event before it is handed out (fresh DataLoaders per event). */
    private readonly beforeDeliver: (event: StreamedEvent) => void = () => {},
  ) {
    this.interest = interestOf(filter);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<StreamedEvent>> {
    while (!this.closed && !this.hub.isStopped) {
      const event = this.buffer.shift();
      if (event) {
        this.beforeDeliver(event);
        return { value: event, done: false };
      }
      const head = this.hub.head;
      if (head > this.position) {
        let rows: StreamedEvent[];
        if (this.position >= this.hub.tailStart) {
          rows = this.hub.fromTail(this.position, this.filter, STREAM_PAGE_SIZE);
        } else {
          try {
            rows = await readEvents(this.db, this.filter, this.position, head, STREAM_PAGE_SIZE);
          } catch (error) {
            if (this.closed || this.hub.isStopped) break; // shutting down: the database may already be closed
            throw error;
          }
          if (this.closed) break;
        }
        this.buffer = rows;
        this.position = rows.length === STREAM_PAGE_SIZE ? rows.at(-1)!.event.position : head;
        continue;
      }
      const wait = this.hub.waitBeyond(this.position, this.interest);
      this.cancelWait = wait.cancel;
      // Nothing up to `settled` is for this stream: resume from there (the tail may no longer reach back further).
      const settled = await wait.done;
      this.cancelWait = undefined;
      if (settled > this.position) this.position = settled;
    }
    return this.finish();
  }

  async return(): Promise<IteratorResult<StreamedEvent>> {
    return this.finish();
  }

  async throw(error?: unknown): Promise<IteratorResult<StreamedEvent>> {
    this.finish();
    throw error;
  }

  private finish(): IteratorResult<StreamedEvent> {
    this.closed = true;
    this.buffer = [];
    this.cancelWait?.();
    return { value: undefined, done: true };
  }
}
