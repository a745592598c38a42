import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);
/** PostgreSQL's server binaries (`PG_BIN`, default the Debian location of version 15). */
const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface ReplicatedCluster {
  primaryUrl: string;
  replicaUrls: string[];
  /** Stops (`true`) or resumes (`false`) WAL replay on replica `index`: a replica that lags on demand. */
  pauseReplay(index: number, paused: boolean): Promise<void>;
  /** Shuts replica `index` down. */
  stopReplica(index: number): Promise<void>;
  /** Stops every server and removes the temporary directory. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away PostgreSQL primary (initdb) and `replicas` streaming replicas of it (`pg_basebackup -R`), each on
 * its own port of 127.0.0.1 in one temporary directory; `prepare` fills the primary before the replicas are copied
 * from it. PostgreSQL refuses to run as root: as root, the binaries run as the `postgres` system user.
 */
export async function startReplicatedCluster(replicas: number, prepare?: (primaryUrl: string) => Promise<void>): Promise<ReplicatedCluster> {
  const dir = mkdtempSync(join(tmpdir(), "lt-replication-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout), Number(gid));
  }
  const pg = (binary: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(BIN, binary), ...args]) : run(join(BIN, binary), args);
  const started: string[] = [];
  const start = async (data: string, port: number) => {
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=${process.env.REPLICATION_SHARED_BUFFERS ?? "16MB"} -c max_connections=60`;
    await pg("pg_ctl", ["-D", data, "-l", `${data}.log`, "-w", "-t", "60", "-o", options, "start"]);
    started.push(data);
  };
  const stopServer = async (data: string) => {
    await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
  };
  const urlOf = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    const primary = join(dir, "primary");
    await pg("initdb", ["-D", primary, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    const primaryPort = await freePort();
    await start(primary, primaryPort);
    await prepare?.(urlOf(primaryPort));
    const replicaPorts: number[] = [];
    for (let i = 0; i < replicas; i++) {
      const data = join(dir, `replica${i}`);
      await pg("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", data, "-R", "-X", "stream", "--no-sync"]);
      const port = await freePort();
      await start(data, port);
      replicaPorts.push(port);
    }
    const replicaUrls = replicaPorts.map(urlOf);
    const onReplica = async (index: number, statement: string) => {
      const sql = postgres(replicaUrls[index]!, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(statement);
      } finally {
        await sql.end();
      }
    };
    return {
      primaryUrl: urlOf(primaryPort),
      replicaUrls,
      pauseReplay: (index, paused) => onReplica(index, paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()"),
      stopReplica: (index) => stopServer(join(dir, `replica${index}`)),
      stop: async () => {
        for (const data of started.reverse()) await stopServer(data);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const data of started.reverse()) await stopServer(data);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
