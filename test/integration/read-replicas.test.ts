import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "../../src/db/rows.js";
import { DASHBOARD } from "../support/dashboards.js";
import { SUBMIT, dossierCode, issueToken, seedProcedure } from "../support/dossiers.js";
import { startReplicatedCluster, type ReplicatedCluster } from "../support/replication.js";
import { ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";

// Replication needs PostgreSQL's own binaries; the embedded engine has no replicas to route to.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

const FIND = `query($code: String!) { dossier(code: $code) { code status } }`;

/** Polls `probe` until it returns true (replication is asynchronous); fails after `ms`. */
async function eventually(probe: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!onPostgres)("read replicas", () => {
  let cluster: ReplicatedCluster;
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { code: string };
  let writer: string;
  let reader: string;
  let sequence = 0;

  const newDossier = () => {
    const receivedAt = "2024-03-04T08:00:00+07:00";
    return { code: dossierCode(tree.communeA.code, receivedAt, ++sequence), procedureCode: procedure.code, agencyCode: tree.communeA.code, channel: "ONLINE", receivedAt };
  };
  const found = async (code: string, token: string) => ok(await server.gql(FIND, { code }, token)).dossier !== null;
  const received = async (token: string) =>
    ok(await server.gql(DASHBOARD, { agencyCode: tree.province.code, from: "2024-03-01", to: "2024-03-31" }, token)).dashboard.received as number;

  beforeAll(async () => {
    cluster = await startReplicatedCluster(1);
    server = await startServer({
      databaseUrl: cluster.primaryUrl,
      env: { DATABASE_READ_URL: cluster.replicaUrls.join(","), REPLICA_MAX_WAIT_MS: "300" },
    });
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 3);
    writer = await issueToken(server, ["READER", "WRITER"], tree.province.code, "replica writer");
    reader = await issueToken(server, ["READER"], tree.province.code, "replica reader");
    const first = newDossier();
    ok(await server.gql(SUBMIT, { input: [first] }, writer));
    await eventually(() => found(first.code, reader));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
  });

  it("queries read from the replica, while the token that wrote reads its own write at once", async () => {
    const before = await received(reader);
    await cluster.pauseReplay(0, true);
    try {
      const dossier = newDossier();
      expect(ok(await server.gql(SUBMIT, { input: [dossier] }, writer)).submitDossiers).toMatchObject({ applied: 1 });
      // The writer's reads wait for the replica, then take the primary: its write is there.
      expect(await found(dossier.code, writer)).toBe(true);
      expect(await received(writer)).toBe(before + 1);
      // Everyone else reads the paused replica: look-ups and dashboards do not see the write yet.
      expect(await found(dossier.code, reader)).toBe(false);
      expect(await received(reader)).toBe(before);
      await cluster.pauseReplay(0, false);
      await eventually(() => found(dossier.code, reader));
      expect(await received(reader)).toBe(before + 1);
    } finally {
      await cluster.pauseReplay(0, false);
    }
  });

  it("a token whose write the replica has replayed reads from the replica again, not from the primary", async () => {
    const own = newDossier();
    ok(await server.gql(SUBMIT, { input: [own] }, writer));
    expect(await found(own.code, writer)).toBe(true);
    await eventually(() => found(own.code, reader));
    await cluster.pauseReplay(0, true);
    try {
      const others = newDossier();
      ok(await server.admin(SUBMIT, { input: [others] }));
      expect(await found(others.code, writer)).toBe(false);
    } finally {
      await cluster.pauseReplay(0, false);
    }
  });

  it("an unmasked read of personal data on a replica is audited on the primary", async () => {
    const auditor = await issueToken(server, ["READER", "PERSONAL_DATA"], tree.province.code, "replica auditor");
    const dossier = { ...newDossier(), applicant: { name: "Trần Văn Bảo", identityNumber: "001234567890" } };
    ok(await server.gql(SUBMIT, { input: [dossier] }, writer));
    await eventually(() => found(dossier.code, auditor));
    const read = ok(await server.gql(`query($code: String!) { dossier(code: $code) { applicant { name identityNumber } } }`, { code: dossier.code }, auditor));
    expect(read.dossier.applicant).toEqual({ name: "Trần Văn Bảo", identityNumber: "001234567890" });
    const rows = await server.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'readPersonalData' AND key = ${dossier.code}`);
    expect(resultRows<{ n: number }>(rows)[0]!.n).toBe(1);
  });

  it("with its only replica down, the hub answers queries from the primary", async () => {
    const dossier = newDossier();
    ok(await server.gql(SUBMIT, { input: [dossier] }, writer));
    await cluster.stopReplica(0);
    // The next probe (every second) marks the replica down; from then on reads go to the primary.
    await eventually(async () => {
      const res = await server.gql(FIND, { code: dossier.code }, reader);
      return !res.errors && res.data.dossier !== null;
    });
    expect(await received(reader)).toBeGreaterThan(0);
  });
});
