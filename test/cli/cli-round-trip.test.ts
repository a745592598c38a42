import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { ADMIN_TOKEN, ok, startServer, type TestServer } from "../support/server.js";
import { catalogueFiles, dossierCsv } from "./fixtures.js";

let source: TestServer;
let target: TestServer;
let dir: string;
const catalogue = catalogueFiles();

const DASHBOARD = `query($unit: String!) { dashboard(agencyCode: $unit, from: "2024-01-01", to: "2024-12-31") {
  received resolved early onTime late onTimeRate pendingInTime overdue notAccepted stopped receivedDirect receivedOnline receivedPostal
  byMonth { month received resolved } byChannel { channel received } byField { field received }
  byChildUnit { unit { code } received resolved onTimeRate } own { received resolved onTimeRate } } }`;

beforeAll(async () => {
  [source, target] = await Promise.all([startServer(), startServer()]);
  dir = await mkdtemp(join(tmpdir(), "lt-cli-rt-"));
}, 540_000);

afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

it("export → import into an empty hub reproduces the same dashboards and exports the same rows", async () => {
  const env = (server: TestServer) => ({ LIENTHONG_URL: server.url, LIENTHONG_TOKEN: ADMIN_TOKEN });
  await writeFile(join(dir, "units.csv"), catalogue.units);
  await writeFile(join(dir, "procedures.csv"), catalogue.procedures);
  await writeFile(join(dir, "dossiers.csv"), dossierCsv([...catalogue.communes, catalogue.district], catalogue.procedureCodes, 400).text);
  for (const entity of ["units", "procedures", "dossiers"]) {
    const result = await runCli(["import", entity, join(dir, `${entity}.csv`)], env(source));
    expect(result.code, result.stderr).toBe(0);
  }

  const exported = {
    units: join(dir, "out-units.csv"),
    procedures: join(dir, "out-procedures.xlsx"),
    dossiers: join(dir, "out-dossiers.ndjson"),
  };
  const units = await runCli(["export", "units", "--agency", catalogue.codes.province, "--out", exported.units], env(source));
  expect(units.code, units.stderr).toBe(0);
  expect(units.stderr).toContain("4 rows");
  expect((await runCli(["export", "procedures", "--out", exported.procedures], env(source))).code).toBe(0);
  const dossiers = await runCli(["export", "dossiers", "--agency", catalogue.codes.province, "--from", "2024-01-01", "--to", "2024-12-31", "--out", exported.dossiers], env(source));
  expect(dossiers.stderr).toContain("400 rows");

  for (const entity of ["units", "procedures", "dossiers"] as const) {
    const result = await runCli(["import", entity, exported[entity]], env(target));
    expect(result.code, result.stderr).toBe(0);
  }

  for (const unit of [catalogue.codes.province, catalogue.district, catalogue.communes[0]!]) {
    const before = ok(await source.gql(DASHBOARD, { unit })).dashboard;
    const after = ok(await target.gql(DASHBOARD, { unit })).dashboard;
    expect(after).toEqual(before);
    if (unit === catalogue.codes.province) expect(before.received).toBe(400);
  }

  // The target exports what the source exported, row for row (CSV to stdout this time).
  const fromSource = await runCli(["export", "dossiers", "--agency", catalogue.codes.province], env(source));
  const fromTarget = await runCli(["export", "dossiers", "--agency", catalogue.codes.province], env(target));
  expect(fromTarget.stdout.match(/^000\./gm)).toHaveLength(400);
  expect(fromTarget.stdout).toBe(fromSource.stdout);
  expect(fromSource.stdout.split("\n")[0]).toBe(
    "code,procedureCode,agencyCode,channel,receivedAt,dueAt,status,statusAt,resolvedAt,returnedAt,applicantName,applicantIdentityNumber,applicantPhone,applicantKind,applicantEmail,applicantAddress,paidOnline,digitised,electronicResult",
  );

  // The events export lists the derived events with their ids.
  const events = await runCli(["export", "events", "--agency", catalogue.codes.province, "--format", "ndjson"], env(target));
  const first = JSON.parse(events.stdout.split("\n")[0]!);
  expect(first.id).toBe(`${first.dossierCode}:${first.status}`);
}, 600_000);
