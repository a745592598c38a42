import type { Tx } from "../../db/client.js";
import type { AgencyUnitRow, ProcedureRow } from "../../db/schema/index.js";
import { runBatch, type BatchContext, type BatchResult, type ItemOutcome } from "../../shared/batch.js";
import { vnToday } from "../../shared/scalars.js";
import { cleanText } from "../../shared/text.js";
import { assertWriter, canWriteAt, canWriteNational } from "../access/access.service.js";
import { AgencyUnitKind } from "../agency-units/agency-unit.types.js";
import { resolveDocumentRef } from "../legal-documents/legal-document.service.js";
import { isAgencyCodeFormat, onlineKindOfLevel, parseProcedureCode } from "./procedure-code.js";
import {
  addAgencies, agencyIdsOf, findProcedureByCode, findUnitsForCodes, insertProcedure, replaceAgencies, updateProcedure, type ProcedureValues,
} from "./procedure.store.js";
import { OneStopKind, OnlineKind, type ProcedureInput } from "./procedure.types.js";
import { procedureError } from "./procedure.errors.js";

const MAX = { name: 1000, field: 255, feeNote: 1000, days: 1000, fee: 2_000_000_000, agencies: 5000 } as const;
const KIND_ORDER = Object.values(AgencyUnitKind);

/**
 * `upsertProcedures`: each item keyed by its code and replaced whole, implementing units included. A local variant
 * needs write access to its owning unit; a national procedure needs national write access; every implementing
 * unit must be inside the writer's scope.
 */
export async function upsertProcedures(ctx: BatchContext, input: ProcedureInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  const memo: Memo = { today: vnToday(), units: new Map(), documents: new Map() };
  return runBatch(ctx, "upsertProcedures", input, (item) => item.code, (tx, item) => upsertOne(ctx, tx, item, memo));
}

/**
 * Lookups shared by the items of one batch: a batch of a province's procedures names the same units and the same
 * publishing document again and again. Units and documents are never deleted, so a found row stays valid.
 */
interface Memo {
  today: string;
  units: Map<string, AgencyUnitRow>;
  documents: Map<string, number>;
}

async function upsertOne(ctx: BatchContext, tx: Tx, item: ProcedureInput, memo: Memo): Promise<ItemOutcome> {
  const code = parseProcedureCode(item.code);
  if (!code) {
    throw procedureError("INVALID_FORMAT", `code ${JSON.stringify(item.code)} must be a national code like 1.001445 or a local variant like 2.000815.000.00.00.H55`, "code");
  }
  const statutoryDays = days("statutoryDays", item.statutoryDays);
  const committedDays = item.committedDays == null ? statutoryDays : days("committedDays", item.committedDays);
  if (committedDays > statutoryDays) {
    throw procedureError("OUT_OF_RANGE", `committedDays (${committedDays}) must not exceed statutoryDays (${statutoryDays})`, "committedDays");
  }
  if (item.feeVnd != null && (item.feeVnd < 0 || item.feeVnd > MAX.fee)) {
    throw procedureError("OUT_OF_RANGE", `feeVnd must be from 0 to ${MAX.fee}`, "feeVnd");
  }

  const units = await resolveUnits(tx, code.agencyCode, item.agencyCodes ?? [], memo);
  const owner = code.agencyCode === null ? null : units.get(code.agencyCode)!;
  if (owner ? !canWriteAt(ctx.viewer, owner.path) : !canWriteNational(ctx.viewer)) {
    const what = owner ? `procedures of ${owner.code}` : "national procedures (codes without an agency code)";
    throw procedureError("FORBIDDEN", `this token may not write ${what}`, "code");
  }
  const agencyIds: number[] = [];
  for (const [i, agencyCode] of (item.agencyCodes ?? []).entries()) {
    const unit = units.get(agencyCode.trim())!;
    if (!canWriteAt(ctx.viewer, unit.path)) {
      throw procedureError("FORBIDDEN", `agencyCodes[${i}]: ${unit.code} is outside this token's scope`, `agencyCodes[${i}]`);
    }
    agencyIds.push(unit.id);
  }

  const values: ProcedureValues = {
    code: code.code,
    name: cleanText("name", item.name, MAX.name),
    field: cleanText("field", item.field, MAX.field),
    level: item.level,
    ownerUnitId: owner?.id ?? null,
    implementingKinds: [...new Set(item.implementingKinds ?? [])].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)),
    statutoryDays,
    committedDays,
    feeVnd: item.feeVnd ?? null,
    feeNote: cleanText("feeNote", item.feeNote, MAX.feeNote, true),
    onlineKind: onlineKind(item),
    oneStopKind: item.oneStopKind ?? OneStopKind.ONE_STOP,
    postal: item.postal ?? false,
    iso9001: item.iso9001 ?? false,
    publishedById: await publishingDocumentId(tx, item, memo),
    demo: item.isDemo ?? false,
  };
  const unitIds = [...new Set(agencyIds)].sort((a, b) => a - b);

  const existing = await findProcedureByCode(tx, values.code);
  if (existing) {
    const stored = await agencyIdsOf(tx, existing.id);
    if (sameValues(existing, values) && stored.join() === unitIds.join()) return "unchanged";
    await updateProcedure(tx, existing.id, values);
    await replaceAgencies(tx, existing.id, unitIds);
    return "applied";
  }
  const id = await insertProcedure(tx, values);
  if (id === undefined) throw procedureError("CONFLICT", "another request stored this procedure at the same moment; send it again", "code");
  await addAgencies(tx, id, unitIds);
  return "applied";
}

/** Working days: 0–1000 in whole or half days. */
function days(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > MAX.days) {
    throw procedureError("OUT_OF_RANGE", `${field} must be from 0 to ${MAX.days} working days (got ${value})`, field);
  }
  if (!Number.isInteger(value * 2)) throw procedureError("INVALID_FORMAT", `${field} must be in whole or half days (got ${value})`, field);
  return value;
}

function onlineKind(item: ProcedureInput): OnlineKind {
  if (item.onlineLevel == null) return item.onlineKind ?? OnlineKind.NONE;
  const mapped = onlineKindOfLevel(item.onlineLevel);
  if (mapped === null) throw procedureError("OUT_OF_RANGE", `onlineLevel must be from 1 to 4 (got ${item.onlineLevel})`, "onlineLevel");
  if (item.onlineKind != null && item.onlineKind !== mapped) {
    throw procedureError("CONFLICT", `onlineLevel ${item.onlineLevel} means ${mapped}, which contradicts onlineKind ${item.onlineKind}`, "onlineLevel");
  }
  return mapped as OnlineKind;
}

/** The owning unit and the implementing units, each of which must exist; one statement for all codes. */
async function resolveUnits(tx: Tx, ownerCode: string | null, agencyCodes: string[], memo: Memo): Promise<Map<string, AgencyUnitRow>> {
  if (agencyCodes.length > MAX.agencies) throw procedureError("TOO_LONG", `agencyCodes must hold at most ${MAX.agencies} codes`, "agencyCodes");
  const codes = agencyCodes.map((c) => c.trim());
  for (const [i, c] of codes.entries()) {
    if (!isAgencyCodeFormat(c)) throw procedureError("INVALID_FORMAT", `agencyCodes[${i}]: ${JSON.stringify(c)} is not an agency code like 000.17.22.H56`, `agencyCodes[${i}]`);
  }
  const wanted = ownerCode ? [ownerCode, ...codes] : codes;
  const unknown = wanted.filter((c) => !memo.units.has(c));
  for (const [c, unit] of await findUnitsForCodes(tx, unknown, memo.today)) memo.units.set(c, unit);
  const units = memo.units;
  if (ownerCode && !units.has(ownerCode)) {
    throw procedureError("UNKNOWN_REFERENCE", `code: the owning unit ${ownerCode} of this local variant does not exist`, "code");
  }
  const missing = codes.findIndex((c) => !units.has(c));
  if (missing >= 0) {
    throw procedureError("UNKNOWN_REFERENCE", `agencyCodes[${missing}]: ${codes[missing]} names no agency unit`, `agencyCodes[${missing}]`);
  }
  return units;
}

async function publishingDocumentId(tx: Tx, item: ProcedureInput, memo: Memo): Promise<number | null> {
  if (!item.publishedBy) return null;
  const { symbol, issuerCode, issuerName, year } = item.publishedBy;
  const key = JSON.stringify([symbol, issuerCode ?? null, issuerName ?? null, year ?? null]);
  const known = memo.documents.get(key);
  if (known !== undefined) return known;
  const found = await resolveDocumentRef(tx, item.publishedBy);
  if (!found.ok) throw procedureError(found.code, `publishedBy.symbol: ${found.message}`, "publishedBy.symbol");
  memo.documents.set(key, found.row.id);
  return found.row.id;
}

function sameValues(row: ProcedureRow, values: ProcedureValues): boolean {
  return (Object.keys(values) as (keyof ProcedureValues)[]).every((key) => {
    const [a, b] = [row[key], values[key]];
    if (Array.isArray(a) && Array.isArray(b)) return a.join() === b.join();
    if (key === "statutoryDays" || key === "committedDays" || key === "feeVnd") return (a == null ? null : Number(a)) === (b == null ? null : Number(b));
    return a === b;
  });
}
