import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { resultRows } from "../../src/db/rows.js";
import { createScratchDatabase, ok, startServer } from "../support/server.js";

const base = process.env.DATABASE_URL;
const onPostgres = base !== undefined && /^postgres/.test(base);

// PGlite serves one process: two instances cannot share an embedded database, so there is nothing to race there.
describe.skipIf(!onPostgres)("first start of two instances on one empty PostgreSQL database", () => {
  it("both start, the demo data is loaded once, and both serve it", { timeout: 600_000 }, async () => {
    const scratch = await createScratchDatabase(base!);
    const env = { DEMO_DATA: "true" };
    const started = await Promise.allSettled([startServer({ databaseUrl: scratch.url, env }), startServer({ databaseUrl: scratch.url, env })]);
    const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    try {
      expect(started.map((s) => s.status)).toEqual(["fulfilled", "fulfilled"]);
      const [a, b] = servers;
      const counts = resultRows<{ units: number; codes: number; dossiers: number }>(
        await a!.database.db.execute(sql`SELECT
          (SELECT count(*) FROM agency_units)::int AS units, (SELECT count(DISTINCT (code, valid_from)) FROM agency_units)::int AS codes,
          (SELECT count(*) FROM dossiers)::int AS dossiers`),
      )[0]!;
      expect(counts.units).toBe(counts.codes);
      expect(counts.dossiers).toBeGreaterThan(40_000);
      const query = `{ procedures(first: 1) { totalCount } }`;
      expect(ok(await b!.gql(query))).toEqual(ok(await a!.gql(query)));
    } finally {
      for (const server of servers) await server.close();
      await scratch.drop();
    }
  });
});
