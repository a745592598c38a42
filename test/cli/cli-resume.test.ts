import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli.js";
import { ADMIN_TOKEN, ok, startServer, type TestServer } from "../support/server.js";
import { catalogueFiles, dossierCsv } from "./fixtures.js";

let server: TestServer;
let dir: string;
const catalogue = catalogueFiles();
const ROWS = 6000;

beforeAll(async () => {
  server = await startServer();
  dir = await mkdtemp(join(tmpdir(), "lt-cli-resume-"));
}, 540_000);

afterAll(async () => {
  await server?.close();
});

it("an import killed half-way and resumed leaves every dossier once, with its history, and nothing missing", async () => {
  const env = { LIENTHONG_URL: server.url, LIENTHONG_TOKEN: ADMIN_TOKEN };
  await writeFile(join(dir, "units.csv"), catalogue.units);
  await writeFile(join(dir, "procedures.csv"), catalogue.procedures);
  expect((await runCli(["import", "units", join(dir, "units.csv")], env)).code).toBe(0);
  expect((await runCli(["import", "procedures", join(dir, "procedures.csv")], env)).code).toBe(0);
  const file = join(dir, "big.csv");
  const { text, codes } = dossierCsv([...catalogue.communes, catalogue.district], catalogue.procedureCodes, ROWS);
  await writeFile(file, text);

  const child = spawnCli(["import", "dossiers", file, "--batch-size", "50", "--concurrency", "3"], env);
  const checkpoint = `${file}.checkpoint.json`;
  let done = 0;
  while (done < 500) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (existsSync(checkpoint)) done = JSON.parse(await readFile(checkpoint, "utf8").catch(() => '{"done":0}')).done;
  }
  child.kill("SIGKILL");
  await child.done;
  const saved = JSON.parse(await readFile(checkpoint, "utf8"));
  expect(saved.done).toBeGreaterThanOrEqual(500);
  expect(saved.done).toBeLessThan(ROWS);

  const resumed = await runCli(["import", "dossiers", file, "--resume", "--batch-size", "200"], env);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(resumed.stderr).toContain(`resuming after row ${saved.done.toLocaleString("en-US")}`);
  expect(resumed.stderr).toMatch(new RegExp(`${ROWS.toLocaleString("en-US")} rows in .*0 rejected`));
  expect(existsSync(checkpoint)).toBe(false);

  const dashboard = ok(await server.gql(`{ dashboard(agencyCode: "${catalogue.codes.province}", from: "2024-01-01", to: "2024-12-31") { received resolved } }`)).dashboard;
  expect(dashboard.received).toBe(ROWS);
  const list = ok(await server.admin(`query($a: String!) { dossiers(filter: { agencyCode: $a }) { totalCount } }`, { a: catalogue.codes.province }));
  expect(list.dossiers.totalCount).toBe(ROWS);
  // Rows around the kill point have their whole derived history, each event once.
  for (const index of [saved.done - 1, saved.done, saved.done + 1, ROWS - 1]) {
    const dossier = ok(await server.admin(`query($c: String!) { dossier(code: $c) { status events { id } } }`, { c: codes[index] })).dossier;
    const ids = dossier.events.map((e: { id: string | null }) => e.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  }
}, 600_000);
