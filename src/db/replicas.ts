import postgres from "postgres";
import { openDatabase, type Database, type Db } from "./client.js";

/** A write-ahead-log position (`pg_lsn`, "16/B374D848") as a number that compares. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

interface Replica {
  database: Database;
  /** A one-connection client of its own for replay positions, so a busy pool never delays the routing. */
  probe: postgres.Sql;
  /** Highest position known replayed; replay only moves forward. */
  replayed: bigint;
  /** False after a failed probe, until one succeeds. */
  up: boolean;
}

export interface ReadReplicaOptions {
  /** How long a read by a token that just wrote waits for a replica to replay that write before using the primary. */
  maxWaitMs: number;
  /** How often each replica's replay position and health are probed in the background. */
  probeIntervalMs: number;
}

/**
 * Streaming replicas for reads. Queries go to the replicas in turn; a token that wrote reads from a replica only
 * once that replica has replayed the primary's WAL position taken right after the write committed (it waits up to
 * `maxWaitMs`, then reads from the primary): read-your-writes per token, while everyone else may see a replica a
 * few milliseconds behind. A replica that fails its probe is skipped until it answers again.
 */
export class ReadReplicas {
  readonly #replicas: Replica[];
  /** Per token, the primary's WAL position after its last write, until every replica has replayed it. */
  readonly #pending = new Map<string, bigint>();
  readonly #timer: NodeJS.Timeout;
  /** Asks the primary for its WAL position after writes, outside the request's statement count and pool. */
  readonly #primaryProbe: postgres.Sql;
  #turn = 0;

  private constructor(
    private readonly primary: Database,
    replicas: Replica[],
    private readonly options: ReadReplicaOptions,
  ) {
    this.#replicas = replicas;
    this.#primaryProbe = postgres(primary.url!, { max: 2, idle_timeout: 60, onnotice: () => {} });
    this.#timer = setInterval(() => void this.#probeAll(), options.probeIntervalMs);
    this.#timer.unref();
  }

  /** Connects to every replica URL and probes each once (a replica down at start is skipped until it answers). */
  static async open(urls: string[], primary: Database, options: ReadReplicaOptions): Promise<ReadReplicas> {
    if (!primary.url) throw new Error("read replicas need a PostgreSQL primary");
    const replicas: Replica[] = [];
    for (const url of urls) {
      const database = await openDatabase(url, "");
      const probe = postgres(url, { max: 1, connect_timeout: 2, idle_timeout: 60, onnotice: () => {} });
      replicas.push({ database, probe, replayed: 0n, up: false });
    }
    const router = new ReadReplicas(primary, replicas, options);
    await router.#probeAll();
    return router;
  }

  /** Replicas configured and currently answering. */
  get available(): number {
    return this.#replicas.filter((replica) => replica.up).length;
  }

  /** The database a query of this token reads from. */
  async readDb(tokenId: string | null): Promise<Db> {
    const target = tokenId === null ? undefined : this.#pending.get(tokenId);
    const replica = target === undefined ? this.#next(() => true) : await this.#caughtUp(target);
    return replica?.database.db ?? this.primary.db;
  }

  /** Records the primary's WAL position after a write of this token: its next reads see that write. */
  async noteWrite(tokenId: string): Promise<void> {
    const [row] = await this.#primaryProbe<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    this.#pending.set(tokenId, parseLsn(row!.lsn));
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#primaryProbe.end({ timeout: 5 });
    await Promise.all(this.#replicas.map(async (replica) => {
      await replica.probe.end({ timeout: 5 });
      await replica.database.close();
    }));
  }

  /** The next replica in turn that satisfies `accept`, or null. */
  #next(accept: (replica: Replica) => boolean): Replica | null {
    const count = this.#replicas.length;
    for (let step = 0; step < count; step++) {
      const replica = this.#replicas[(this.#turn + step) % count]!;
      if (replica.up && accept(replica)) {
        this.#turn = (this.#turn + step + 1) % count;
        return replica;
      }
    }
    return null;
  }

  /** A replica that has replayed `target`, probing until `maxWaitMs` has passed; null: read from the primary. */
  async #caughtUp(target: bigint): Promise<Replica | null> {
    const deadline = performance.now() + this.options.maxWaitMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
      const replica = this.#next((candidate) => candidate.replayed >= target);
      if (replica || performance.now() >= deadline) return replica;
      await new Promise((resolve) => setTimeout(resolve, pause));
      await this.#probeAll();
    }
  }

  async #probeAll(): Promise<void> {
    await Promise.all(this.#replicas.map((replica) => this.#probe(replica)));
    const everywhere = this.#replicas.reduce((least, replica) => (replica.replayed < least ? replica.replayed : least), 1n << 64n);
    for (const [tokenId, lsn] of this.#pending) if (lsn <= everywhere) this.#pending.delete(tokenId);
  }

  async #probe(replica: Replica): Promise<void> {
    try {
      const [row] = await replica.probe<{ lsn: string | null }[]>`SELECT pg_last_wal_replay_lsn()::text AS lsn`;
      // null: not a standby (a primary given as a "replica" has every write already).
      const lsn = row!.lsn === null ? 1n << 63n : parseLsn(row!.lsn);
      if (lsn > replica.replayed) replica.replayed = lsn;
      replica.up = true;
    } catch {
      replica.up = false;
    }
  }
}
