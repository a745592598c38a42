import type { Tx } from "../../db/client.js";
import type { AgencyUnitRow, LegalDocumentRow } from "../../db/schema/index.js";
import { runBatch, type BatchContext, type BatchResult, type ItemOutcome } from "../../shared/batch.js";
import { vnToday } from "../../shared/scalars.js";
import { cleanText } from "../../shared/text.js";
import { assertWriter, canWriteAt, canWriteNational } from "../access/access.service.js";
import { unitRowByCode } from "../agency-units/agency-unit.service.js";
import { parseDocumentSymbol, resolveDocumentType } from "./document-symbol.js";
import { issuerKeyOfName, resolveDocumentRef } from "./legal-document.service.js";
import {
  findDocumentByKey, insertDocument, relationKeysFrom, replaceRelations, updateDocument, type LegalDocumentValues,
} from "./legal-document.store.js";
import type { LegalDocumentInput, LegalDocumentRelationKind } from "./legal-document.types.js";
import { documentError } from "./legal-document.errors.js";

const MAX = { symbol: 64, code: 32, name: 255, signer: 255, summary: 2000, body: 500_000, relations: 100 } as const;

type RelationKey = { kind: LegalDocumentRelationKind; toId: number; partial: boolean };

/**
 * `upsertLegalDocuments`: each item is keyed by (symbol, issuer, year issued) and replaced whole, relations
 * included. A document of a unit needs write access to that unit; one of a central body without a unit needs
 * national write access.
 */
export async function upsertLegalDocuments(ctx: BatchContext, input: LegalDocumentInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, "upsertLegalDocuments", input, (item) => item.symbol, (tx, item) => upsertOne(ctx, tx, item));
}

async function upsertOne(ctx: BatchContext, tx: Tx, item: LegalDocumentInput): Promise<ItemOutcome> {
  const symbol = cleanText("symbol", item.symbol, MAX.symbol);
  const parsed = parseDocumentSymbol(symbol);
  if (!parsed.ok) throw documentError("INVALID_FORMAT", `symbol ${JSON.stringify(symbol)} ${parsed.reason}`, "symbol");
  const type = resolveDocumentType(parsed.value, cleanText("type", item.type, 8, true));
  if (!type.ok) throw documentError(type.code, type.reason, "type");

  if (item.issuedOn > vnToday()) throw documentError("INVALID_DATE", `issuedOn ${item.issuedOn} is in the future`, "issuedOn");
  const year = Number(item.issuedOn.slice(0, 4));
  if (parsed.value.year !== null && parsed.value.year !== year) {
    throw documentError("INVALID_DATE", `issuedOn ${item.issuedOn} is not in ${parsed.value.year}, the year of the symbol`, "issuedOn");
  }
  const startsOn = item.effectiveFrom ?? item.issuedOn;
  if (item.expiresOn != null && item.expiresOn <= startsOn) {
    throw documentError("INVALID_DATE", `expiresOn must be after ${item.effectiveFrom ? "effectiveFrom" : "issuedOn"} (${startsOn})`, "expiresOn");
  }

  const issuer = await resolveIssuer(ctx, tx, item);
  const values: LegalDocumentValues = {
    symbol: parsed.value.symbol,
    number: parsed.value.number,
    docType: type.code,
    issuerAbbr: parsed.value.issuerAbbr,
    issuerUnitId: issuer.unit?.id ?? null,
    issuerName: issuer.name,
    issuerKey: issuer.key,
    issuedYear: year,
    signer: cleanText("signer", item.signer, MAX.signer, true),
    summary: cleanText("summary", item.summary, MAX.summary),
    body: cleanText("body", item.body, MAX.body, true),
    issuedOn: item.issuedOn,
    effectiveFrom: item.effectiveFrom ?? null,
    expiresOn: item.expiresOn ?? null,
    status: item.status ?? null,
    demo: item.isDemo ?? false,
  };

  const existing = await findDocumentByKey(tx, values.symbol, values.issuerKey, year);
  const relations = await resolveRelations(tx, item, existing?.id);
  if (existing) {
    if (sameValues(existing, values) && sameRelations(await relationKeysFrom(tx, existing.id), relations)) return "unchanged";
    await updateDocument(tx, existing.id, values);
    await replaceRelations(tx, existing.id, relations);
    return "applied";
  }
  const id = await insertDocument(tx, values);
  if (id === undefined) throw documentError("CONFLICT", "another request stored this document at the same moment; send it again", "symbol");
  await replaceRelations(tx, id, relations);
  return "applied";
}

/** The issuer unit (valid on the issue date) or the central body's name, with the identity key and the permission check. */
async function resolveIssuer(ctx: BatchContext, tx: Tx, item: LegalDocumentInput): Promise<{ unit: AgencyUnitRow | null; name: string; key: string }> {
  const code = cleanText("issuerCode", item.issuerCode, MAX.code, true);
  const name = cleanText("issuerName", item.issuerName, MAX.name, true);
  if (code) {
    const unit = await unitRowByCode(tx, code, item.issuedOn);
    if (!unit) throw documentError("UNKNOWN_REFERENCE", `issuerCode ${JSON.stringify(code)} names no agency unit`, "issuerCode");
    if (!canWriteAt(ctx.viewer, unit.path)) {
      throw documentError("FORBIDDEN", `this token may not write documents of ${code}`, "issuerCode");
    }
    return { unit, name: name ?? unit.name, key: unit.code };
  }
  if (!name) throw documentError("REQUIRED", "issuerCode (an agency unit) or issuerName (a central body) is required", "issuerCode");
  if (!canWriteNational(ctx.viewer)) {
    throw documentError("FORBIDDEN", "documents of bodies without an agency unit need a national administrator token", "issuerName");
  }
  return { unit: null, name, key: issuerKeyOfName(name) };
}

async function resolveRelations(tx: Tx, item: LegalDocumentInput, ownId: number | undefined): Promise<RelationKey[]> {
  const input = item.relations ?? [];
  if (input.length > MAX.relations) throw documentError("TOO_LONG", `relations must hold at most ${MAX.relations} items`, "relations");
  const keys = new Map<string, RelationKey>();
  for (const [i, rel] of input.entries()) {
    const field = `relations[${i}].symbol`;
    const found = await resolveDocumentRef(tx, rel);
    if (!found.ok) throw documentError(found.code, `${field}: ${found.message}`, field);
    if (found.row.id === ownId) throw documentError("INVALID_REFERENCE", `${field}: a document cannot relate to itself`, field);
    const partial = rel.partial === true;
    if (partial && rel.kind !== "REPLACES" && rel.kind !== "REPEALS") {
      throw documentError("INVALID_REFERENCE", `relations[${i}].partial: only a REPLACES or REPEALS relation can be partial`, `relations[${i}].partial`);
    }
    keys.set(`${rel.kind}:${found.row.id}`, { kind: rel.kind, toId: found.row.id, partial });
  }
  return [...keys.values()].sort((a, b) => a.toId - b.toId || a.kind.localeCompare(b.kind));
}

function sameValues(row: LegalDocumentRow, values: LegalDocumentValues): boolean {
  return (Object.keys(values) as (keyof LegalDocumentValues)[]).every((key) => row[key] === values[key]);
}

function sameRelations(stored: { kind: string; toId: number; partial: boolean }[], wanted: RelationKey[]): boolean {
  const key = (r: { kind: string; toId: number; partial: boolean }) => `${r.toId}:${r.kind}:${r.partial}`;
  const a = stored.map(key).sort();
  const b = wanted.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
