import { AgencyUnitKind } from "../modules/agency-units/agency-unit.types.js";
import { upsertProcedures } from "../modules/procedures/procedure-upsert.service.js";
import { OneStopKind, OnlineKind, ProcedureLevel, type ProcedureInput } from "../modules/procedures/procedure.types.js";
import type { BatchContext } from "../shared/batch.js";
import { COMMUNE_FIELDS, DISTRICT_FIELDS, PROVINCIAL, type FieldSpec } from "./procedure-names.demo.js";
import { currentDepartmentName, demoUnitCodes } from "./units.demo.js";
import { mulberry32 } from "../shared/random.js";

/*
 * Demo procedures, generated deterministically (a seeded generator, no randomness between runs) around the facts of
 * facts.json: Gia Lâm had 287 district-level procedures, 57 of them with a reduced committed time, over 90% under
 * ISO 9001, and its communes 154 procedures built under ISO 9001. Codes are format-valid but generated: district
 * procedures are local variants owned by Gia Lâm (`1.00xxxx.<Gia Lâm>`), commune procedures national codes
 * (`2.00xxxx`) implemented by its 22 communes, provincial ones local variants of Hà Nội and Cao Bằng. All are
 * marked demo. Their publishing decisions are not in the facts, so they point to 61/2018/NĐ-CP, the decree on the
 * one-stop mechanism under which they are handled.
 */

const SEED = 20170531;
const DISTRICT_REDUCED = 57;
/** "Over 90%" of 287: 260 procedures (90.6%). */
const DISTRICT_ISO = 260;
const PUBLISHED_BY = { symbol: "61/2018/NĐ-CP", issuerName: "Chính phủ" };


function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

/** `count` distinct indices below `n`, chosen by a seeded shuffle. */
function chosen(random: () => number, n: number, count: number): Set<number> {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Set(order.slice(0, count));
}

/** Six-digit national code: `prefix.00nnnn`. */
const nationalCode = (prefix: 1 | 2, n: number) => `${prefix}.${String(n).padStart(6, "0")}`;

/** One entry per procedure: field and name, in field order. */
function expand(specs: FieldSpec[]): { spec: FieldSpec; name: string }[] {
  return specs.flatMap((spec) => spec.names.slice(0, spec.count).map((name) => ({ spec, name })));
}

function onlineKind(random: () => number): OnlineKind {
  const r = random();
  return r < 0.2 ? OnlineKind.FULL : r < 0.55 ? OnlineKind.PARTIAL : OnlineKind.NONE;
}

function fee(random: () => number): number | null {
  return random() < 0.35 ? pick(random, [10_000, 20_000, 30_000, 50_000, 100_000]) : null;
}

function districtProcedures(random: () => number): ProcedureInput[] {
  const entries = expand(DISTRICT_FIELDS);
  const reduced = chosen(random, entries.length, DISTRICT_REDUCED);
  const iso = chosen(random, entries.length, DISTRICT_ISO);
  return entries.map(({ spec, name }, i) => {
    const statutoryDays = pick(random, spec.days);
    // A 20–30% cut in half days, as Cao Bằng's plan 53/KH-UBND asked of its units; always at least half a day less.
    const cut = Math.floor(statutoryDays * (1 - (0.2 + random() * 0.1)) * 2) / 2;
    const interAgency = ["Tài nguyên và Môi trường", "Xây dựng"].includes(spec.field) && random() < 0.4;
    return {
      code: `${nationalCode(1, 1001 + i * 11)}.${demoUnitCodes.giaLam}`,
      name,
      field: spec.field,
      level: ProcedureLevel.DISTRICT,
      implementingKinds: [AgencyUnitKind.DISTRICT],
      agencyCodes: [demoUnitCodes.giaLam],
      statutoryDays,
      committedDays: reduced.has(i) ? Math.min(cut, statutoryDays - 0.5) : statutoryDays,
      feeVnd: fee(random),
      onlineKind: onlineKind(random),
      oneStopKind: interAgency ? OneStopKind.INTER_AGENCY : OneStopKind.ONE_STOP,
      postal: random() < 0.6,
      iso9001: iso.has(i),
      publishedBy: PUBLISHED_BY,
      isDemo: true,
    };
  });
}

function communeProcedures(random: () => number): ProcedureInput[] {
  const communes = Object.values(demoUnitCodes.giaLamCommunes);
  return expand(COMMUNE_FIELDS).map(({ spec, name }, i) => {
    const statutoryDays = pick(random, spec.days);
    return {
      code: nationalCode(2, 1001 + i * 13),
      name,
      field: spec.field,
      level: ProcedureLevel.COMMUNE,
      implementingKinds: [AgencyUnitKind.COMMUNE, AgencyUnitKind.WARD, AgencyUnitKind.TOWNSHIP],
      agencyCodes: communes,
      statutoryDays,
      committedDays: statutoryDays,
      feeVnd: spec.field === "Tư pháp" ? fee(random) : null,
      onlineKind: onlineKind(random),
      oneStopKind: OneStopKind.ONE_STOP,
      postal: random() < 0.3,
      iso9001: true,
      publishedBy: PUBLISHED_BY,
      isDemo: true,
    };
  });
}

/** Hà Nội's variants of every provincial procedure, and Cao Bằng's of the first four. */
function provincialProcedures(): ProcedureInput[] {
  const variants = [
    { province: demoUnitCodes.hanoi, departments: demoUnitCodes.departments.hanoi, items: PROVINCIAL },
    { province: demoUnitCodes.caoBang, departments: demoUnitCodes.departments.caoBang, items: PROVINCIAL.slice(0, 4) },
  ];
  return variants.flatMap(({ province, departments, items }) =>
    items.map((item, i) => ({
      code: `${nationalCode(2, 5001 + i * 17)}.${province}`,
      name: item.name,
      field: item.field,
      level: ProcedureLevel.PROVINCE,
      implementingKinds: [AgencyUnitKind.PROVINCIAL_DEPARTMENT],
      agencyCodes: [departments[currentDepartmentName(item.department)]!],
      statutoryDays: item.days,
      committedDays: item.days,
      feeVnd: item.feeVnd ?? null,
      onlineKind: item.feeVnd ? OnlineKind.FULL : OnlineKind.PARTIAL,
      oneStopKind: OneStopKind.ONE_STOP,
      postal: true,
      iso9001: true,
      publishedBy: PUBLISHED_BY,
      isDemo: true,
    })),
  );
}

/** The demo procedures in write order; the same list on every call. */
export function demoProcedureInputs(): ProcedureInput[] {
  const random = mulberry32(SEED);
  return [...districtProcedures(random), ...communeProcedures(random), ...provincialProcedures()];
}

/** Codes of the demo procedures by who implements them, for the demo dossiers. */
export function demoProcedureCodes() {
  const inputs = demoProcedureInputs();
  const of = (level: ProcedureLevel) => inputs.filter((p) => p.level === level).map((p) => p.code);
  return { giaLamDistrict: of(ProcedureLevel.DISTRICT), giaLamCommunes: of(ProcedureLevel.COMMUNE), provincial: of(ProcedureLevel.PROVINCE) };
}

/** Loads the demo procedures through the procedures service in batches; throws when an item fails. */
export async function loadDemoProcedures(writer: BatchContext): Promise<void> {
  const items = demoProcedureInputs();
  const size = Math.min(1000, writer.config.limits.maxBatchItems);
  for (let start = 0; start < items.length; start += size) {
    const result = await upsertProcedures(writer, items.slice(start, start + size));
    const failed = result.items.filter((item) => !item.ok);
    if (failed.length > 0) throw new Error(`demo procedures failed to load: ${JSON.stringify(failed.slice(0, 5))}`);
  }
}
