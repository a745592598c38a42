import { eq, sql } from "drizzle-orm";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, procedures } from "../../src/db/schema/index.js";
import { DossierEventHub } from "../../src/modules/dossiers/live/dossier-event-hub.js";
import { DossierEventStream } from "../../src/modules/dossiers/live/dossier-event-stream.js";
import { appendEvent, headPosition } from "../../src/modules/dossiers/dossier-event-log.store.js";
import { resultRows as rowsOf } from "../../src/db/rows.js";
import { ADMIN_TOKEN, ok, startServer, type TestServer } from "../support/server.js";
import { seedUnitTree } from "../support/units.js";
import { WebSocket } from "ws";
import { wsClient } from "../support/ws.js";
import { DOSSIER, EVENT_FIELDS, RECORD, SUBMIT, collect, dossierCode, issueToken, seedProcedure } from "../support/dossiers.js";

const SUBSCRIBE = `subscription($agencyCode: String, $includeDescendants: Boolean, $dossierCode: String, $procedureCode: String, $after: String) {
  dossierStatusChanged(agencyCode: $agencyCode, includeDescendants: $includeDescendants, dossierCode: $dossierCode, procedureCode: $procedureCode, after: $after) {
    ${EVENT_FIELDS}
  }
}`;
const FIELD = "dossierStatusChanged";
const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? "");

interface Delivered {
  cursor: string;
  kind: string;
  eventId: string | null;
  from: string | null;
  to: string;
  agencyCode: string;
  previousAgencyCode: string | null;
  handOver: boolean;
  note: string | null;
  dossier: { code: string; status: string; procedure: { name: string } };
}

/** The log position an event cursor stands for (cursors are opaque to clients; tests may look inside). */
const positionOf = (cursor: string): number => JSON.parse(Buffer.from(cursor, "base64url").toString())[1];

describe("dossier subscriptions", () => {
  let server: TestServer;
  let tree: Awaited<ReturnType<typeof seedUnitTree>>;
  let procedure: { id: number; code: string };
  let sequence = 0;
  let minute = 0;
  const clients: Client[] = [];

  const client = (token: string | null = ADMIN_TOKEN, target: TestServer = server) => {
    const c = wsClient(target.url, token);
    clients.push(c);
    return c;
  };
  /** A fresh dossier of `agencyCode` received on Monday 2 August 2021. */
  const submit = async (agencyCode = tree.communeA.code, procedureCode = procedure.code, target: TestServer = server) => {
    const receivedAt = "2021-08-02T08:00:00+07:00";
    const code = dossierCode(agencyCode, receivedAt, ++sequence);
    const res = ok(await target.admin(SUBMIT, { input: [{ code, procedureCode, agencyCode, channel: "DIRECT", receivedAt }] })).submitDossiers;
    expect(res.applied).toBe(1);
    return code;
  };
  /** Events at increasing instants (one minute apart from 09:00), so that none is out of order. */
  const event = (dossierCode: string, status: string, extra: Record<string, unknown> = {}): Record<string, unknown> & { id: string } => {
    minute++;
    const at = new Date(Date.parse("2021-08-02T09:00:00+07:00") + minute * 60_000).toISOString();
    return { id: `${dossierCode}/${minute}`, dossierCode, status, at, ...extra };
  };
  const record = async (events: Record<string, unknown>[], target: TestServer = server) => {
    const res = ok(await target.admin(RECORD, { input: events })).recordDossierEvents;
    expect(res.failed).toBe(0);
    return res;
  };
  const lastCursor = async (code: string) => {
    const events = ok(await server.admin(DOSSIER, { code })).dossier.events as { cursor: string }[];
    return events.at(-1)!.cursor;
  };

  beforeAll(async () => {
    server = await startServer();
    tree = await seedUnitTree(server.database.db);
    procedure = await seedProcedure(server.database.db, 10);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await server?.close();
  });

  it("a subscriber with a cursor first receives every missed event, then live ones, in order and none twice", async () => {
    const code = await submit();
    const received = await lastCursor(code);
    await record([event(code, "IN_PROCESS"), event(code, "SUPPLEMENT_REQUESTED"), event(code, "IN_PROCESS")]);

    const sub = collect<Delivered>(client(), SUBSCRIBE, { dossierCode: code, after: received }, FIELD);
    const missed = await sub.waitFor(3);
    expect(missed.map((e) => [e.from, e.to])).toEqual([
      ["ACCEPTED", "IN_PROCESS"],
      ["IN_PROCESS", "SUPPLEMENT_REQUESTED"],
      ["SUPPLEMENT_REQUESTED", "IN_PROCESS"],
    ]);
    await record([event(code, "RESOLVED", { note: "Đã có kết quả" })]);
    await record([event(code, "RETURNED")]);
    const all = await sub.waitFor(5);
    expect(all.map((e) => e.to)).toEqual(["IN_PROCESS", "SUPPLEMENT_REQUESTED", "IN_PROCESS", "RESOLVED", "RETURNED"]);
    expect(all[3]).toMatchObject({ kind: "RECORDED", note: "Đã có kết quả", agencyCode: tree.communeA.code, handOver: false });
    expect(all[4]!.dossier).toMatchObject({ code, status: "RETURNED", procedure: { name: expect.any(String) } });
    const positions = all.map((e) => positionOf(e.cursor));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(5);
    expect(positions[0]).toBeGreaterThan(positionOf(received));
    sub.stop();
  });

  it("filters by agency subtree, by exact agency and by procedure, hand-overs included", async () => {
    const other = await seedProcedure(server.database.db, 5);
    const a1 = await submit(tree.communeA.code);
    const b1 = await submit(tree.communeB.code, other.code);
    const j1 = await submit(tree.justice.code);
    const a2 = await submit(tree.communeA.code, other.code);
    const after = await lastCursor(a2);

    const subtree = collect<Delivered>(client(), SUBSCRIBE, { agencyCode: tree.district.code, after }, FIELD);
    const exact = collect<Delivered>(client(), SUBSCRIBE, { agencyCode: tree.district.code, includeDescendants: false, after }, FIELD);
    const byProcedure = collect<Delivered>(client(), SUBSCRIBE, { procedureCode: other.code, after }, FIELD);

    await record([event(a1, "IN_PROCESS"), event(j1, "IN_PROCESS"), event(b1, "IN_PROCESS")]);
    // Last, matching all three: a hand-over from commune A up to the district.
    await record([event(a2, "IN_PROCESS", { agencyCode: tree.district.code })]);

    const codes = (items: Delivered[]) => items.map((e) => e.dossier.code);
    expect(codes(await subtree.waitFor(3))).toEqual([a1, b1, a2]);
    expect(codes(await exact.waitFor(1))).toEqual([a2]);
    expect(codes(await byProcedure.waitFor(2))).toEqual([b1, a2]);
    expect(exact.items[0]).toMatchObject({ handOver: true, previousAgencyCode: tree.communeA.code, agencyCode: tree.district.code });
    for (const s of [subtree, exact, byProcedure]) s.stop();
  });

  it("a unit that held a dossier for one stage keeps receiving its events after handing it back, live and replayed", async () => {
    // Received by the district's own office, handed to commune B for a stage, handed back, resolved and returned.
    const code = await submit(tree.district.code);
    const after = await lastCursor(code);
    const forCommune = collect<Delivered>(client(), SUBSCRIBE, { agencyCode: tree.communeB.code, after }, FIELD);
    const exactCommune = collect<Delivered>(client(), SUBSCRIBE, { agencyCode: tree.communeB.code, includeDescendants: false, after }, FIELD);
    const forOtherCommune = collect<Delivered>(client(), SUBSCRIBE, { agencyCode: tree.communeA.code, after }, FIELD);
    await record([event(code, "IN_PROCESS")]);
    await record([event(code, "IN_PROCESS", { agencyCode: tree.communeB.code })]);
    await record([event(code, "IN_PROCESS", { agencyCode: tree.district.code })]);
    await record([event(code, "RESOLVED")]);
    await record([event(code, "RETURNED")]);
    // The commune sees nothing before it held the dossier, then every event, RETURNED included.
    const expected = [["IN_PROCESS", tree.communeB.code], ["IN_PROCESS", tree.district.code], ["RESOLVED", tree.district.code], ["RETURNED", tree.district.code]];
    expect((await forCommune.waitFor(4)).map((e) => [e.to, e.agencyCode])).toEqual(expected);
    expect((await exactCommune.waitFor(4)).map((e) => [e.to, e.agencyCode])).toEqual(expected);
    // Replayed from the log (a later subscriber with the same cursor) the same events come.
    const replay = collect<Delivered>(client(), SUBSCRIBE, { agencyCode: tree.communeB.code, after }, FIELD);
    expect((await replay.waitFor(4)).map((e) => [e.to, e.agencyCode])).toEqual(expected);
    // A commune that never held it sees none of them: the next event it receives is one of its own dossiers.
    const own = await submit(tree.communeA.code);
    await record([event(own, "IN_PROCESS")]);
    expect((await forOtherCommune.waitFor(2)).map((e) => e.dossier.code)).toEqual([own, own]);
    for (const s of [forCommune, exactCommune, forOtherCommune, replay]) s.stop();
  });

  it("a token's read scope applies on top of the filter, and anonymous subscribers are refused", async () => {
    const reader = await issueToken(server, ["READER"], tree.communeA.code);
    const inA = await submit(tree.communeA.code);
    const inB = await submit(tree.communeB.code);
    const after = await lastCursor(inB);

    const scoped = collect<Delivered>(client(reader), SUBSCRIBE, { agencyCode: tree.district.code, after }, FIELD);
    await record([event(inB, "IN_PROCESS"), event(inA, "IN_PROCESS")]);
    expect((await scoped.waitFor(1)).map((e) => e.dossier.code)).toEqual([inA]);
    scoped.stop();

    const outside = collect<Delivered>(client(reader), SUBSCRIBE, { dossierCode: inB }, FIELD);
    expect(JSON.stringify(await outside.waitForError())).toContain("FORBIDDEN");
    const anonymous = collect<Delivered>(client(null), SUBSCRIBE, { dossierCode: inA }, FIELD);
    expect(JSON.stringify(await anonymous.waitForError())).toContain("FORBIDDEN");
  });

  it("rejects an unknown dossier, agency or procedure and a forged cursor", async () => {
    const bad = async (variables: Record<string, unknown>) =>
      JSON.stringify(await collect(client(), SUBSCRIBE, variables, FIELD).waitForError());
    expect(await bad({ dossierCode: "000.00.00.Z00-210802-0001" })).toContain("BAD_USER_INPUT");
    expect(await bad({ agencyCode: "000.99.99.Z99" })).toContain("BAD_USER_INPUT");
    expect(await bad({ procedureCode: "9.999999" })).toContain("BAD_USER_INPUT");
    expect(await bad({ after: "not-a-cursor" })).toContain("BAD_USER_INPUT");
  });

  it("loads the payload's relations afresh for every event", async () => {
    const own = await seedProcedure(server.database.db, 5, 5, "Tên cũ");
    const code = await submit(tree.communeA.code, own.code);
    const sub = collect<Delivered>(client(), SUBSCRIBE, { dossierCode: code, after: await lastCursor(code) }, FIELD);
    await record([event(code, "IN_PROCESS")]);
    expect((await sub.waitFor(1))[0]!.dossier.procedure.name).toBe("Tên cũ");
    await server.database.db.update(procedures).set({ name: "Tên mới" }).where(eq(procedures.id, own.id));
    await record([event(code, "RESOLVED")]);
    expect((await sub.waitFor(2))[1]!.dossier.procedure.name).toBe("Tên mới");
    sub.stop();
  });

  it("a subscriber without a cursor receives the events appended after it subscribed", async () => {
    const code = await submit();
    const sub = collect<Delivered>(client(), SUBSCRIBE, { dossierCode: code }, FIELD);
    // There is no acknowledgement of a started subscription: keep writing until the first event arrives.
    let n = 0;
    while (sub.items.length === 0 && n < 50) {
      await record([event(code, "IN_PROCESS", { note: `#${++n}` })]);
      await Promise.race([sub.waitFor(1), new Promise((r) => setImmediate(r))]);
    }
    await record([event(code, "RESOLVED")]);
    const items = await sub.waitForItem((e) => e.to === "RESOLVED");
    // A contiguous tail of what was written: nothing after the first delivered event is missing.
    const firstNote = Number(items[0]!.note!.slice(1));
    const expected = [...Array.from({ length: n - firstNote + 1 }, (_, i) => `#${firstNote + i}`), null];
    expect(items.map((e) => e.note)).toEqual(expected);
    sub.stop();
  });

  it("ends a stream waiting for new events at once when the subscriber leaves", async () => {
    const hub = new DossierEventHub(server.database);
    await hub.start();
    try {
      const stream = new DossierEventStream(hub, server.database.db, { scope: "" }, await headPosition(server.database.db));
      const pending = stream.next();
      expect(hub.waiting).toBe(1);
      await stream.return();
      expect(await pending).toEqual({ value: undefined, done: true });
      expect(hub.waiting).toBe(0);
    } finally {
      await hub.stop();
    }
  });

  it("a stream behind the hub's tail reads the database, then the tail, with the same filter and without loss", async () => {
    const inA = await submit(tree.communeA.code);
    const inJustice = await submit(tree.justice.code);
    const after = positionOf(await lastCursor(inJustice));
    const pair = (i: number) => [event(inA, "IN_PROCESS", { note: `a${i}` }), event(inJustice, "IN_PROCESS", { note: `j${i}` })];
    await record(Array.from({ length: 15 }, (_, i) => pair(i)).flat());

    // A hub started now, with a tail of 5 events: the 30 events above lie behind it.
    const hub = new DossierEventHub(server.database, { tailSize: 5 });
    await hub.start();
    try {
      const stream = new DossierEventStream(hub, server.database.db, { scope: "", unitPath: tree.district.path }, after);
      const notes: string[] = [];
      const take = async (n: number) => {
        while (notes.length < n) {
          const { value, done } = await stream.next();
          if (done) throw new Error("stream ended");
          notes.push(value.event.note!);
        }
      };
      await take(15);
      // 20 more pairs arrive live: more than the tail holds, so the hub skips ahead and the stream reads the
      // database again before it reaches the tail.
      await record(Array.from({ length: 20 }, (_, i) => pair(15 + i)).flat());
      await take(35);
      expect(notes).toEqual(Array.from({ length: 35 }, (_, i) => `a${i}`));
      await stream.return();
    } finally {
      await hub.stop();
    }
  });

  it("a subscriber that stops reading holds up no one, and receives everything in order once it reads again", async () => {
    const code = await submit();
    const after = await lastCursor(code);
    const HISTORY = `subscription($code: String, $after: String) {
      dossierStatusChanged(dossierCode: $code, after: $after) { cursor note dossier { events { note } } }
    }`;
    // A raw graphql-transport-ws client whose TCP socket stops being read after subscribing.
    const slow = new WebSocket(server.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const received: { cursor: string; note: string }[] = [];
    let onReceived = () => {};
    const acked = new Promise<void>((resolve, reject) => {
      slow.on("error", reject);
      slow.on("message", (data) => {
        const message = JSON.parse(String(data));
        if (message.type === "connection_ack") resolve();
        if (message.type === "next") {
          received.push(message.payload.data.dossierStatusChanged);
          onReceived();
        }
      });
    });
    await new Promise((resolve) => slow.once("open", resolve));
    slow.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${ADMIN_TOKEN}` } }));
    await acked;
    slow.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: HISTORY, variables: { code, after } } }));
    const tcp = (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();

    // Every event carries the dossier's whole history: the messages grow to ~300 KB, ~20 MB in all, more than
    // the kernel buffers of a paused connection hold.
    const fast = collect<{ note: string }>(client(), HISTORY, { code, after }, FIELD);
    const N = 150;
    const note = (i: number) => `${i}:${"x".repeat(1990)}`;
    for (let i = 0; i < N; i += 50) {
      await record(Array.from({ length: 50 }, (_, j) => event(code, "IN_PROCESS", { note: note(i + j) })));
    }
    const all = await fast.waitFor(N);
    expect(all.map((e) => e.note)).toEqual(Array.from({ length: N }, (_, i) => note(i)));

    tcp.resume();
    await new Promise<void>((resolve) => {
      onReceived = () => received.length >= N && resolve();
      onReceived();
    });
    expect(received.map((e) => e.note)).toEqual(Array.from({ length: N }, (_, i) => note(i)));
    slow.close();
    fast.stop();
  });

  it.runIf(onPostgres)("appends commit in position order: a second writer waits until the first commits", async () => {
    const code = await submit();
    const [dossier] = await server.database.db.select().from(dossiers).where(eq(dossiers.code, code));
    const values = {
      dossierId: dossier!.id,
      kind: "RECORDED" as const,
      fromStatus: "ACCEPTED" as const,
      toStatus: "ACCEPTED" as const,
      at: new Date(),
      agencyId: dossier!.agencyId,
      previousAgencyId: dossier!.agencyId,
      note: "ordering test",
    };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstAppended!: (position: number) => void;
    const firstPosition = new Promise<number>((resolve) => (firstAppended = resolve));
    const first = server.database.db.transaction(async (tx) => {
      firstAppended(await appendEvent(tx, values));
      await held;
    });
    const p1 = await firstPosition;
    let secondDone = false;
    const second = server.database.db
      .transaction((tx) => appendEvent(tx, values))
      .then((position) => {
        secondDone = true;
        return position;
      });
    // Wait (by condition, not by time) until the second writer queues behind the first's advisory lock.
    const waitingLocks = async () =>
      rowsOf<{ n: number }>(
        await server.database.db.execute(sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`),
      )[0]!.n;
    while ((await waitingLocks()) === 0) await new Promise((r) => setImmediate(r));
    expect(secondDone).toBe(false);
    release();
    await first;
    const p2 = await second;
    expect(p2).toBeGreaterThan(p1);
  });

  describe("across reconnects and instances", () => {
    let second: TestServer;
    beforeAll(async () => {
      // On PostgreSQL a second instance shares the database; on embedded PGlite there is only one instance.
      second = onPostgres ? await startServer({ databaseUrl: server.databaseUrl }) : server;
    });
    afterAll(async () => {
      if (second !== server) await second?.close();
    });

    it("a subscriber that disconnects, misses 100 events and resumes with its cursor receives exactly those, then live ones", async () => {
      const code = await submit();
      const first = client(ADMIN_TOKEN, second);
      const before = collect<Delivered>(first, SUBSCRIBE, { dossierCode: code, after: await lastCursor(code) }, FIELD);
      await record([event(code, "IN_PROCESS", { note: "live 1" })]);
      const [seen] = await before.waitFor(1);
      await first.dispose();

      const missed = Array.from({ length: 100 }, (_, i) => event(code, "IN_PROCESS", { note: `missed ${i + 1}` }));
      expect((await record(missed)).applied).toBe(100);

      const resumed = collect<Delivered>(client(ADMIN_TOKEN, second), SUBSCRIBE, { dossierCode: code, after: seen!.cursor }, FIELD);
      const caughtUp = await resumed.waitFor(100);
      expect(caughtUp.map((e) => e.note)).toEqual(missed.map((e) => e.note));
      await record([event(code, "RESOLVED", { note: "live 2" }), event(code, "RETURNED", { note: "live 3" })]);
      const all = await resumed.waitFor(102);
      expect(all.slice(100).map((e) => e.note)).toEqual(["live 2", "live 3"]);
      const positions = all.map((e) => positionOf(e.cursor));
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
      expect(positions[0]).toBeGreaterThan(positionOf(seen!.cursor));
      resumed.stop();
    });

    it.runIf(onPostgres)("a subscriber on instance B receives, in order, the events written through instance A", async () => {
      const code = await submit();
      const sub = collect<Delivered>(client(ADMIN_TOKEN, second), SUBSCRIBE, { dossierCode: code, after: await lastCursor(code) }, FIELD);
      const statuses = ["IN_PROCESS", "SUPPLEMENT_REQUESTED", "IN_PROCESS", "PAYMENT_REQUESTED", "RESOLVED", "RETURNED"];
      for (const status of statuses) await record([event(code, status)], server);
      const items = await sub.waitFor(statuses.length);
      expect(items.map((e) => e.to)).toEqual(statuses);
      sub.stop();
    });

    it.runIf(onPostgres)("concurrent writers on both instances: one subscriber sees every event once, in log order", async () => {
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) codes.push(await submit());
      const after = await lastCursor(codes.at(-1)!);
      const sub = collect<Delivered>(client(ADMIN_TOKEN, second), SUBSCRIBE, { agencyCode: tree.communeA.code, after }, FIELD);
      // Each writer sends 25 single-event batches for its own dossier, alternating between the instances.
      const start = Date.parse("2021-08-03T09:00:00+07:00");
      await Promise.all(
        codes.map(async (code, w) => {
          for (let i = 0; i < 25; i++) {
            const at = new Date(start + i * 60_000).toISOString();
            await record([{ id: `${code}/c${i}`, dossierCode: code, status: "IN_PROCESS", at, note: `${w}:${i}` }], i % 2 ? server : second);
          }
        }),
      );
      const items = await sub.waitFor(100);
      const positions = items.map((e) => positionOf(e.cursor));
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
      expect(new Set(items.map((e) => e.note)).size).toBe(100);
      for (const [w, code] of codes.entries()) {
        expect(items.filter((e) => e.dossier.code === code).map((e) => e.note)).toEqual(Array.from({ length: 25 }, (_, i) => `${w}:${i}`));
      }
      sub.stop();
    });
  });
});
