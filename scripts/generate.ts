/**
 * `npm run generate -- [--dossiers N] [--seed S] …`: fills DATABASE_URL (a PostgreSQL server) with a realistic
 * province for benchmarks: a unit tree, a procedure catalogue and N dossiers over 24 months with their event log,
 * consistent with what the services would have written. Deterministic for a given seed and flags.
 */
import "reflect-metadata";
import postgres from "postgres";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { findExceptions } from "../src/modules/calendar/calendar.store.js";
import { generateProcedures, generateUnits, procedurePickers, receivingUnits } from "./generate/catalogue.js";
import { generateDossiers, monthsBefore, type DossierStats } from "./generate/dossiers.js";
import { MemoCalendar } from "./generate/fast-calendar.js";
import { Random } from "./generate/random.js";
import { rebuildRollupsIfAvailable } from "./generate/rollups.js";

interface Options {
  dossiers: number;
  seed: number;
  departments: number;
  districts: number;
  communes: number;
  procedures: number;
  months: number;
  end: string;
  province: string;
  rollups: boolean;
}

const USAGE = `usage: npm run generate -- [--dossiers 2000000] [--seed 1] [--departments 20] [--districts 30]
  [--communes 600] [--procedures 2000] [--months 24] [--end 2025-06-30] [--province H56] [--no-rollups]
DATABASE_URL must name a PostgreSQL database (a scratch one: createdb -h 127.0.0.1 -U postgres lt_bench).`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    dossiers: 2_000_000, seed: 1, departments: 20, districts: 30, communes: 600, procedures: 2_000, months: 24,
    end: "2025-06-30", province: "H56", rollups: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === "--no-rollups") {
      options.rollups = false;
      continue;
    }
    if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const key = flag.replace(/^--/, "") as keyof Options;
    const value = argv[++i];
    if (!(key in options) || value === undefined || key === "rollups") throw new Error(`unknown or incomplete flag ${flag}\n${USAGE}`);
    if (key === "end" || key === "province") options[key] = value;
    else {
      const n = Number(value.replace(/_/g, ""));
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a non-negative integer`);
      (options[key] as number) = n;
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.end)) throw new Error("--end must be a date YYYY-MM-DD");
  if (!/^[A-Z]\d{2}$/.test(options.province)) throw new Error("--province must be a letter and two digits, e.g. H56");
  if (new Date(`${options.end}T17:00:00Z`).getTime() > Date.now()) throw new Error("--end must be in the past: events are never in the future");
  return options;
}

/** A one-line progress bar on stderr, redrawn at most four times a second. */
function progressBar(total: number) {
  const started = Date.now();
  let drawn = 0;
  return (done: number, final = false) => {
    const now = Date.now();
    if (!final && now - drawn < 250) return;
    drawn = now;
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    process.stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(1)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} dossiers, ${Math.round(rate).toLocaleString("en")}/s, ETA ${eta}s   ${final ? "\n" : ""}`,
    );
  };
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;

function summary(stats: DossierStats, seconds: number): string {
  const finished = ["EARLY", "ON_TIME", "LATE"].reduce((n, t) => n + (stats.byTimeliness[t] ?? 0), 0);
  const onTime = (stats.byTimeliness.EARLY ?? 0) + (stats.byTimeliness.ON_TIME ?? 0);
  const resolved = (stats.byStatus.RESOLVED ?? 0) + (stats.byStatus.RETURNED ?? 0);
  return [
    `dossiers ${stats.dossiers.toLocaleString("en")}, events ${stats.events.toLocaleString("en")} (${(stats.events / Math.max(stats.dossiers, 1)).toFixed(2)} per dossier)`,
    `resolved ${pct(resolved, stats.dossiers)}; finished on time (early + on time) ${pct(onTime, finished)}; open ${pct((stats.byTimeliness.IN_TIME ?? 0) + (stats.byTimeliness.OVERDUE ?? 0), stats.dossiers)}`,
    `status ${JSON.stringify(stats.byStatus)}`,
    `timeliness ${JSON.stringify(stats.byTimeliness)} (open ones as of the end of the period)`,
    `online share: first month ${pct(...stats.online.first)}, last month ${pct(...stats.online.last)}`,
    `supplement requests: none ${stats.supplements[0]}, one ${stats.supplements[1]}, two ${stats.supplements[2]}`,
    `stored in ${seconds.toFixed(1)} s (${Math.round((stats.dossiers + stats.events) / seconds).toLocaleString("en")} rows/s)`,
  ].join("\n");
}

/**
 * The connection the rows are loaded through. Generated rows are consistent by construction, so a superuser
 * loads them with foreign-key triggers off (`session_replication_role = replica`): the checks are three index
 * lookups per row and would take most of the load time. Other roles load with the checks.
 */
async function loadingConnection(url: string) {
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  const [{ super: superuser }] = (await probe`SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user`) as unknown as [{ super: boolean }];
  await probe.end();
  const connection: Record<string, string> = { application_name: "lienthong-generate" };
  if (superuser) connection.session_replication_role = "replica";
  else process.stderr.write("not a superuser: loading with foreign-key checks (slower)\n");
  return postgres(url, { max: 2, onnotice: () => {}, connection });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL must be a postgres:// URL\n${USAGE}`);
  const started = Date.now();

  const database = await openDatabase(url, ".data");
  await migrate(database);
  const sql = await loadingConnection(url);
  try {
    const random = new Random(options.seed);
    const shape = {
      provinceSuffix: options.province, departments: options.departments, districts: options.districts,
      communes: options.communes, procedures: options.procedures,
    };
    const units = await generateUnits(sql, random.fork(1), shape);
    const procedures = await generateProcedures(sql, random.fork(2), shape, units);
    console.log(`units ${units.length} (1 province, ${options.departments} departments, ${options.districts} districts, ${options.communes} communes), procedures ${procedures.length}`);

    const from = monthsBefore(options.end, options.months);
    // The announced exceptions stored in the database, as the services would use them.
    const exceptions = await findExceptions(database.db, `${from.slice(0, 4)}-01-01`, `${Number(options.end.slice(0, 4)) + 2}-12-31`);
    const calendar = new MemoCalendar(exceptions.map((r) => ({ date: r.date, kind: r.kind, name: r.name })));
    const bar = progressBar(options.dossiers);
    const stats = await generateDossiers(
      sql,
      random.fork(3),
      calendar,
      { total: options.dossiers, from, to: options.end, cutoffHour: 15 },
      receivingUnits(random.fork(4), units),
      procedurePickers(random.fork(5), procedures),
      (done) => bar(done),
    );
    bar(stats.dossiers, true);
    const loaded = (Date.now() - started) / 1000;
    process.stderr.write("VACUUM ANALYZE…\n");
    await sql`VACUUM (ANALYZE) agency_units, procedures, dossiers, dossier_events`;
    if (options.rollups) await rebuildRollupsIfAvailable(database, (line) => process.stderr.write(`${line}\n`));
    const [size] = await sql`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`;
    console.log(`period ${from} .. ${options.end} (seed ${options.seed})`);
    console.log(summary(stats, loaded));
    console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s; database size ${size!.size}`);
  } finally {
    await sql.end({ timeout: 5 });
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
