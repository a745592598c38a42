import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { events } from "../../src/cli/entities/events.js";
import { FatalError } from "../../src/cli/errors.js";
import { openSource } from "../../src/cli/formats/open.js";
import type { SourceRow } from "../../src/cli/formats/source.js";

const dir = await mkdtemp(join(tmpdir(), "lt-cli-formats-"));

async function read(name: string, content: string | Buffer): Promise<SourceRow[]> {
  const path = join(dir, name);
  await writeFile(path, content);
  const source = await openSource(path, events.columns, new Map());
  const rows: SourceRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

const at = "2024-05-02T08:00:00+07:00";

describe("input formats", () => {
  it("reads CSV with a BOM, semicolons, quoted separators and line breaks, and reports each row's first line", async () => {
    const rows = await read("e.csv", `\uFEFFMã sự kiện;Mã hồ sơ;Trạng thái;Thời điểm;Ghi chú\r\nA-1;D-1;4;02/05/2024 08:00;"một; hai\r\nba"\r\nA-2;D-1;9;${at};\r\nA-3;D-2;9\r\n`);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(rows[0]!.values).toEqual({ id: "A-1", dossierCode: "D-1", status: "4", at: "02/05/2024 08:00", note: "một; hai\r\nba" });
    expect(rows[2]!.error).toMatchObject({ code: "MALFORMED_ROW" });
  });

  it("reads NDJSON and JSON arrays as they stream, nested keys and strings with brackets included", async () => {
    const objects = [
      { id: "A-1", dossierCode: "D-1", status: "IN_PROCESS", at, note: "}{ ] [" },
      { id: "A-2", dossierCode: "D-1", status: "RESOLVED", at },
    ];
    const ndjson = await read("e.ndjson", `${objects.map((o) => JSON.stringify(o)).join("\n")}\n\nnot json\n`);
    expect(ndjson.map((r) => [r.line, r.values?.id ?? r.error?.code])).toEqual([[1, "A-1"], [2, "A-2"], [4, "MALFORMED_ROW"]]);
    const array = await read("e.json", JSON.stringify(objects, null, 2));
    expect(array.map((r) => r.values)).toEqual(objects.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.trim()]))));
    expect(array[1]!.line).toBe(9);
  });

  it("refuses a file that is not UTF-8, naming the line, and a file whose headers are unknown", async () => {
    const legacy = Buffer.concat([Buffer.from(`id,dossierCode,status,at\nA-1,D-1,4,${at}\nA-2,D-1,4,`), Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xd2, 0xde, 0x6e, 0x0a])]);
    await expect(read("legacy.csv", legacy)).rejects.toThrow(/line 3 is not valid UTF-8/);
    await expect(read("unknown.csv", `id,dossierCode,status,at,Cột lạ\n`)).rejects.toThrow(FatalError);
  });
});
