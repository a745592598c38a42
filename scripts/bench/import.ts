/**
 * Import throughput of the `lienthong` command through the public API on a real PostgreSQL server: a generated
 * one-stop export of N dossiers (Vietnamese headers, every status, so most rows carry 1–3 derived events) sent by
 * the command as a child process to a hub child process; prints rows/s, events/s and the client's peak RSS.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench/import.ts --rows 1000000
 *
 * A scratch database is created and dropped; the CSV is written to a temporary folder and removed.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { BENCH_ADMIN_TOKEN, cpuSecondsOf, ROOT, startHub } from "./lib/processes.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ROWS = option("rows", 1_000_000);
const CONCURRENCY = option("concurrency", 4);
const base = process.env.DATABASE_URL;
if (!base?.startsWith("postgres")) {
  console.error("DATABASE_URL must name a PostgreSQL server (a scratch database is created on it)");
  process.exit(2);
}

const PROVINCE = "000.00.00.K99";
const DISTRICTS = Array.from({ length: 4 }, (_, d) => `000.00.${String(d + 10).padStart(2, "0")}.K99`);
const COMMUNES = DISTRICTS.flatMap((_, d) => Array.from({ length: 10 }, (_, c) => `000.${String(c + 1).padStart(2, "0")}.${String(d + 10).padStart(2, "0")}.K99`));
const PROCEDURES = Array.from({ length: 20 }, (_, i) => `1.${String(900_000 + i)}`);
const STATUSES = ["Đã trả kết quả", "Đã trả kết quả", "Đã xử lý xong", "Đang xử lý", "Đã tiếp nhận", "Yêu cầu bổ sung", "Không tiếp nhận", "10", "9", "4"];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("Mã hồ sơ;Mã thủ tục;Mã đơn vị;Kênh nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Ngày trả kết quả;Trạng thái;Họ tên người nộp;Số giấy tờ;Số điện thoại\n");
  const start = Date.UTC(2023, 0, 2);
  const perDay = Math.ceil(ROWS / 600);
  for (let i = 0; i < ROWS; i++) {
    const agency = COMMUNES[i % COMMUNES.length]!;
    const day = new Date(start + Math.floor(i / perDay) * 86_400_000);
    const ymd = `${String(day.getUTCFullYear()).slice(2)}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`;
    const date = (offset: number, hour: number) => {
      const d = new Date(day.getTime() + offset * 86_400_000);
      return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(hour)}:${pad(i % 60)}`;
    };
    const status = STATUSES[i % STATUSES.length]!;
    const resolved = ["Đã trả kết quả", "Đã xử lý xong", "10", "9"].includes(status);
    const returned = ["Đã trả kết quả", "10"].includes(status);
    await write(
      `${agency}-${ymd}-${pad(i, 7)};${PROCEDURES[i % PROCEDURES.length]};${agency};${(i % 3) + 1};${date(0, 8 + (i % 7))};${date(5, 17)};` +
        `${resolved ? date(1 + (i % 6), 15) : ""};${returned ? date(2 + (i % 6), 16) : ""};${status};Nguyễn Văn ${i};${pad(i, 12)};09${pad(i, 8)}\n`,
    );
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** Runs the command as its users do (the bin file, so its shebang's heap settings apply) and samples its peak RSS. */
async function run(bin: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string; peakRssMb: number; seconds: number; cpuSeconds: number }> {
  const started = Date.now();
  const child = spawn(bin[0]!, bin.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  let peak = 0;
  let cpuSeconds = 0;
  const { readFileSync } = await import("node:fs");
  const timer = setInterval(() => {
    try {
      const line = readFileSync(`/proc/${child.pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
      if (line) peak = Math.max(peak, Number(line.replace(/\D+/g, "")) / 1024);
      cpuSeconds = cpuSecondsOf(child.pid!);
    } catch {
      /* the process has ended */
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(timer);
  return { code, stderr, peakRssMb: peak, seconds: (Date.now() - started) / 1000, cpuSeconds };
}

const name = `lienthong_i10_bench_${process.pid}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const dir = await mkdtemp(join(tmpdir(), "lt-bench-import-"));
const hub = await startHub(url.toString());
try {
  const env = { LIENTHONG_URL: hub.url, LIENTHONG_TOKEN: BENCH_ADMIN_TOKEN };
  const cli = join(ROOT, "bin/lienthong.js");
  await writeFile(
    join(dir, "units.csv"),
    ["code,name,kind,parentCode", `${PROVINCE},Tỉnh Đo tải,PROVINCE,`, ...DISTRICTS.map((d, i) => `${d},Huyện ${i},DISTRICT,${PROVINCE}`), ...COMMUNES.map((c, i) => `${c},Xã ${i},COMMUNE,${DISTRICTS[Math.floor(i / 10)]}`)].join("\n"),
  );
  await writeFile(join(dir, "procedures.csv"), ["code,name,field,level,statutoryDays,committedDays", ...PROCEDURES.map((p, i) => `${p},Thủ tục ${i},Tư pháp,COMMUNE,${(i % 5) + 1},${(i % 5) + 1}`)].join("\n"));
  for (const entity of ["units", "procedures"]) {
    const result = await run([cli, "import", entity, join(dir, `${entity}.csv`)], env);
    if (result.code !== 0) throw new Error(`${entity} import failed`);
  }
  const file = join(dir, "dossiers.csv");
  console.error(`writing ${ROWS.toLocaleString("en-US")} rows…`);
  await writeCsv(file);
  const size = (await stat(file)).size;
  const derived = Array.from({ length: 10 }, (_, i) => ({ "Đã trả kết quả": 3, "Đã xử lý xong": 2, "Đang xử lý": 1, "Đã tiếp nhận": 0, "Yêu cầu bổ sung": 2, "Không tiếp nhận": 1, "10": 3, "9": 2, "4": 1 })[STATUSES[i]!]!);
  const events = Math.round((ROWS / 10) * derived.reduce((a, b) => a + b, 0));
  const hubCpuBefore = cpuSecondsOf(hub.pid);
  const result = await run([cli, "import", "dossiers", file, "--concurrency", String(CONCURRENCY)], env);
  const hubCpu = cpuSecondsOf(hub.pid) - hubCpuBefore;
  const rate = ROWS / result.seconds;
  console.log(
    `import of ${ROWS.toLocaleString("en-US")} dossiers (${(size / 1e6).toFixed(0)} MB CSV, ${events.toLocaleString("en-US")} derived events), concurrency ${CONCURRENCY}: ` +
      `${result.seconds.toFixed(1)} s, ${Math.round(rate).toLocaleString("en-US")} dossiers/s + ${Math.round(events / result.seconds).toLocaleString("en-US")} events/s, ` +
      `client peak RSS ${result.peakRssMb.toFixed(0)} MB, CPU client ${result.cpuSeconds.toFixed(0)} s / hub ${hubCpu.toFixed(0)} s ` +
      `(PostgreSQL not counted), hub RSS now ${hub.rssMb().toFixed(0)} MB, load average ${(await import("node:os")).loadavg()[0]!.toFixed(1)}, exit ${result.code}`,
  );
} finally {
  await hub.stop();
  await rm(dir, { recursive: true, force: true });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
