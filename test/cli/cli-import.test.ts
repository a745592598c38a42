import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { ADMIN_TOKEN, ok, startServer, type TestServer } from "../support/server.js";
import { catalogueFiles, dossierCsv } from "./fixtures.js";

let server: TestServer;
let dir: string;
let env: Record<string, string>;
const catalogue = catalogueFiles();
const agencies = [...catalogue.communes, catalogue.district];

const COUNT = `query($agency: String!) { dossiers(filter: { agencyCode: $agency }) { totalCount } }`;
const countDossiers = async () => ok(await server.admin<{ dossiers: { totalCount: number } }>(COUNT, { agency: catalogue.codes.province })).dossiers.totalCount;
const DOSSIER = `query($code: String!) { dossier(code: $code) { status channel receivedAt dueAt finishedAt applicant { name identityNumber } events { id to at } } }`;

beforeAll(async () => {
  server = await startServer();
  dir = await mkdtemp(join(tmpdir(), "lt-cli-"));
  env = { LIENTHONG_URL: server.url, LIENTHONG_TOKEN: ADMIN_TOKEN };
  await writeFile(join(dir, "units.csv"), catalogue.units);
  await writeFile(join(dir, "procedures.csv"), catalogue.procedures);
  const units = await runCli(["import", "units", join(dir, "units.csv")], env);
  expect(units.stderr).toContain("4 applied");
  const procedures = await runCli(["import", "procedures", join(dir, "procedures.csv")], env);
  expect(procedures.stderr).toContain("2 applied");
}, 540_000);

afterAll(async () => {
  await server?.close();
});

describe("lienthong import dossiers", () => {
  it("imports a 2,000-row one-stop export with bad rows, reports them in the rejects file, and changes nothing on a second run", async () => {
    const { text, codes } = dossierCsv(agencies, catalogue.procedureCodes, 2000);
    const lines = text.split("\r\n");
    // Bad rows: a date that does not exist, an unknown status, an unknown procedure (the hub rejects it), a missing field.
    const _bad = [10, 500, 1001, 1999];
    const fields = (i: number) => lines[i + 1]!.split(";");
    const set = (i: number, column: number, value: string) => {
      const f = fields(i);
      f[column] = value;
      lines[i + 1] = f.join(";");
    };
    set(10, 4, "31/02/2024 08:00");
    set(500, 8, "Đang chờ");
    set(1001, 1, "9.999999");
    set(1999, 3, "Fax");
    const file = join(dir, "ho-so.csv");
    await writeFile(file, lines.join("\r\n"));

    const first = await runCli(["import", "dossiers", file, "--concurrency", "3", "--batch-size", "300"], env);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain("1,996 applied, 0 unchanged, 4 rejected");
    expect(await countDossiers()).toBe(1996);

    const rejects = (await readFile(`${file}.rejects.csv`, "utf8")).trim().split("\n");
    expect(rejects[0]).toBe("line,code,field,message,row");
    const body = rejects.slice(1).join("\n");
    // Line numbers count the physical lines: every third name spans two lines.
    const physicalLine = (row: number) => 2 + row + Math.ceil(row / 3);
    expect(body).toContain(`${physicalLine(10)},INVALID_DATE,receivedAt,`);
    expect(body).toContain(`${physicalLine(500)},INVALID_VALUE,status,`);
    expect(body).toMatch(new RegExp(`${physicalLine(1001)},[A-Z_]+,procedureCode,`));
    expect(body).toContain(`${physicalLine(1999)},INVALID_VALUE,channel,`);
    expect(body).toContain(codes[500]);

    // A resolved and a returned dossier got their derived history; a refused one was submitted then refused.
    const returned = ok(await server.admin(DOSSIER, { code: codes[4] })).dossier;
    expect(returned.status).toBe("RETURNED");
    expect(returned.events.map((e: { id: string | null }) => e.id)).toEqual([null, `${codes[4]}:IN_PROCESS`, `${codes[4]}:RESOLVED`, `${codes[4]}:RETURNED`]);
    expect(Date.parse(returned.finishedAt)).toBe(Date.parse("2024-03-02T16:00:00+07:00"));
    expect(ok(await server.admin(DOSSIER, { code: codes[8] })).dossier.status).toBe("NOT_ACCEPTED");
    expect(ok(await server.admin(DOSSIER, { code: codes[3] })).dossier.applicant).toEqual({ name: "Nguyễn Văn 3\nxóm Đông", identityNumber: "001090000003" });

    const second = await runCli(["import", "dossiers", file], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("0 applied, 1,996 unchanged, 4 rejected");
    expect(await countDossiers()).toBe(1996);
  }, 240_000);

  it("imports an .xlsx workbook with date cells, numbers and English headers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hồ sơ");
    sheet.addRow(["Mã hồ sơ", "MA THU TUC", "ma don vi", "Kênh nộp", "Ngày tiếp nhận", "Trạng thái", "Ngày có kết quả"]);
    const agency = catalogue.communes[0]!;
    // Spreadsheet dates carry no zone: the wall-clock reading is Vietnam time.
    sheet.addRow([`${agency}-240610-0001`, catalogue.procedureCodes[0], agency, 2, new Date(Date.UTC(2024, 5, 10, 9, 30)), 9, new Date(Date.UTC(2024, 5, 11, 15, 0))]);
    sheet.addRow([`${agency}-240610-0002`, catalogue.procedureCodes[0], agency, "Trực tiếp", "10/06/2024 10:00", "Đang xử lý", null]);
    const file = join(dir, "ho-so.xlsx");
    await workbook.xlsx.writeFile(file);

    const result = await runCli(["import", "dossiers", file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("2 applied");
    const first = ok(await server.admin(DOSSIER, { code: `${agency}-240610-0001` })).dossier;
    expect(first).toMatchObject({ status: "RESOLVED", channel: "ONLINE" });
    expect(Date.parse(first.receivedAt)).toBe(Date.parse("2024-06-10T09:30:00+07:00"));
    expect(Date.parse(first.finishedAt)).toBe(Date.parse("2024-06-11T15:00:00+07:00"));
    expect(ok(await server.admin(DOSSIER, { code: `${agency}-240610-0002` })).dossier.status).toBe("IN_PROCESS");
  }, 120_000);

  it("stops before sending anything on a legacy-encoded file, unknown columns, a refused token or an unreachable hub", async () => {
    const before = await countDossiers();
    const agency = catalogue.communes[1]!;
    const header = "code,procedureCode,agencyCode,channel,receivedAt,applicantName\n";
    const good = `${agency}-240701-0001,${catalogue.procedureCodes[0]},${agency},1,01/07/2024 08:00,An\n`;
    // "Nguyễn" in Windows-1258 bytes: not UTF-8.
    const legacy = Buffer.concat([Buffer.from(header + good), Buffer.from(`${agency}-240701-0002,${catalogue.procedureCodes[0]},${agency},1,01/07/2024 08:00,Nguy`), Buffer.from([0xd2, 0xde, 0x6e, 0x0a])]);
    await writeFile(join(dir, "legacy.csv"), legacy);
    const encoding = await runCli(["import", "dossiers", join(dir, "legacy.csv")], env);
    expect(encoding.code).toBe(2);
    expect(encoding.stderr).toMatch(/line 3 is not valid UTF-8.*TCVN3, VNI or Windows-1258/s);

    await writeFile(join(dir, "unknown.csv"), `${header.trim()},Ghi chú nội bộ\n${good.trim()},x\n`);
    const unknown = await runCli(["import", "dossiers", join(dir, "unknown.csv")], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown column "Ghi chú nội bộ"');

    await writeFile(join(dir, "good.csv"), header + good);
    const token = await runCli(["import", "dossiers", join(dir, "good.csv"), "--token", "not-a-real-token-0123456789"], env);
    expect(token.code).toBe(2);
    expect(token.stderr).toContain("UNAUTHENTICATED");

    const unreachable = await runCli(["import", "dossiers", join(dir, "good.csv"), "--url", "http://127.0.0.1:9/graphql"], env);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain("cannot be reached");

    const missing = await runCli(["import", "dossiers", join(dir, "nothing-here.csv")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    expect(await countDossiers()).toBe(before);

    const dry = await runCli(["import", "dossiers", join(dir, "good.csv"), "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain("1 valid, 0 rejected");
    expect(await countDossiers()).toBe(before);
  }, 240_000);
});
