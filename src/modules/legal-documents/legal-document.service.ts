import type { Context } from "../../context.js";
import type { Db, Tx } from "../../db/client.js";
import type { LegalDocumentRow } from "../../db/schema/index.js";
import { BadInputError } from "../../shared/errors.js";
import { pageRequest, toConnection, type PageRequest } from "../../shared/pagination.js";
import { isValidDate, vnToday } from "../../shared/scalars.js";
import { normalizeText } from "../../shared/text.js";
import type { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { canonicalSymbol } from "./document-symbol.js";
import { documentType, documentTypes } from "./document-types.js";
import { toLegalDocument } from "./legal-document.mapper.js";
import {
  countDocuments, findDocumentsBySymbol, listDocuments, searchDocuments, type DocumentQuery,
} from "./legal-document.store.js";
import { deriveStatus } from "./document-status.js";
import {
  LegalDocumentRelationKind, type LegalDocument, type LegalDocumentFilter, type LegalDocumentStatus, type LegalDocumentType,
} from "./legal-document.types.js";

const CURSOR_KIND = "LegalDocument";
export const MAX_SEARCH_LENGTH = 200;
const MAX_SYMBOL_LENGTH = 64;
const MAX_KEY_LENGTH = 255;

/** How a document names its issuer in its identity: the agency code, or the normalised name of a central body. */
export function issuerKeyOfName(name: string): string {
  return normalizeText(name.normalize("NFC")).replace(/\s+/g, " ").trim();
}

/** A reference to a stored document as senders write it. */
export interface DocumentRef {
  symbol: string;
  issuerCode?: string | null;
  issuerName?: string | null;
  year?: number | null;
}

export type RefResolution =
  | { ok: true; row: LegalDocumentRow }
  | { ok: false; code: "UNKNOWN_REFERENCE" | "AMBIGUOUS_REFERENCE"; message: string };

/**
 * Finds the one document a reference names. The symbol alone may name several (every People's Committee issues a
 * `53/KH-UBND`); then the issuer and the year must tell them apart. The year of a normative symbol is implied.
 */
export async function resolveDocumentRef(db: Db | Tx, ref: DocumentRef): Promise<RefResolution> {
  const symbol = canonicalSymbol(ref.symbol);
  const issuerKey = ref.issuerCode?.trim() || (ref.issuerName ? issuerKeyOfName(ref.issuerName) : null);
  const year = ref.year ?? yearOfSymbol(symbol);
  const rows = await findDocumentsBySymbol(db, symbol, { issuerKey, year }, 5);
  if (rows.length === 1) return { ok: true, row: rows[0]! };
  if (rows.length === 0) {
    const by = [issuerKey && `issuer ${JSON.stringify(ref.issuerCode?.trim() || ref.issuerName)}`, year && `year ${year}`].filter(Boolean);
    return { ok: false, code: "UNKNOWN_REFERENCE", message: `no stored document ${symbol}${by.length ? ` of ${by.join(", ")}` : ""}` };
  }
  return { ok: false, code: "AMBIGUOUS_REFERENCE", message: `several documents are ${symbol} (${describe(rows)}): add issuerCode or issuerName, and year` };
}

function yearOfSymbol(symbol: string): number | null {
  const m = /^\d+\/(\d{4})\//.exec(symbol);
  return m ? Number(m[1]) : null;
}

function describe(rows: LegalDocumentRow[]): string {
  return rows.map((r) => `${r.issuerName} ${r.issuedYear}`).join("; ");
}

/** `legalDocument(symbol, issuerCode, issuerName, year)`: null when none matches; BAD_USER_INPUT when several do. */
export async function getLegalDocument(ctx: Context, ref: DocumentRef): Promise<LegalDocument | null> {
  if (ref.symbol.length > MAX_SYMBOL_LENGTH) throw new BadInputError("symbol", `must be at most ${MAX_SYMBOL_LENGTH} characters`);
  if ((ref.issuerCode?.length ?? 0) > MAX_KEY_LENGTH) throw new BadInputError("issuerCode", `must be at most ${MAX_KEY_LENGTH} characters`);
  if ((ref.issuerName?.length ?? 0) > MAX_KEY_LENGTH) throw new BadInputError("issuerName", `must be at most ${MAX_KEY_LENGTH} characters`);
  const found = await resolveDocumentRef(ctx.db, ref);
  if (found.ok) return toLegalDocument(found.row);
  if (found.code === "UNKNOWN_REFERENCE") return null;
  // With the issuer given, only the year can still tell the documents apart.
  throw new BadInputError(ref.issuerCode || ref.issuerName ? "year" : "issuerCode", found.message);
}

/** Validates the filter into a store query; every problem names its field. */
function documentQuery(filter: LegalDocumentFilter | null | undefined): DocumentQuery {
  const f = filter ?? {};
  const search = f.search?.normalize("NFC").trim() ?? "";
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new BadInputError("filter.search", `must be at most ${MAX_SEARCH_LENGTH} characters (got ${search.length})`);
  }
  if (f.type != null && !documentType(f.type)) throw new BadInputError("filter.type", `${JSON.stringify(f.type)} is not a known type code`);
  if ((f.issuerCode?.length ?? 0) > MAX_KEY_LENGTH) throw new BadInputError("filter.issuerCode", `must be at most ${MAX_KEY_LENGTH} characters`);
  if (f.issuedFrom && f.issuedTo && f.issuedTo < f.issuedFrom) {
    throw new BadInputError("filter.issuedTo", "must not be before filter.issuedFrom");
  }
  return {
    search: search || undefined,
    type: f.type ?? undefined,
    issuerCode: f.issuerCode?.trim() || undefined,
    status: f.status ?? undefined,
    issuedFrom: f.issuedFrom ?? undefined,
    issuedTo: f.issuedTo ?? undefined,
    today: vnToday(),
  };
}

/**
 * `legalDocuments(filter, first, after)`: ranked by relevance when searching (cursor: the position), else newest
 * first (cursor: issuedOn and id).
 */
export async function listLegalDocuments(ctx: Context, filter: LegalDocumentFilter | null | undefined, first?: number | null, after?: string | null) {
  const query = documentQuery(filter);
  const page = pageRequest(CURSOR_KIND, first, after);
  const count = () => countDocuments(ctx.db, query);
  if (query.search) {
    const offset = searchOffset(page);
    const rows = await searchDocuments(ctx.db, { ...query, search: query.search }, offset, page.first + 1);
    return toConnection(CURSOR_KIND, rows, page, (_row, i) => [offset + i + 1], (row) => toLegalDocument(row), count);
  }
  const rows = await listDocuments(ctx.db, query, keysetPosition(page), page.first + 1);
  return toConnection(CURSOR_KIND, rows, page, (row) => [row.issuedOn, row.id], (row) => toLegalDocument(row), count);
}

function searchOffset(page: PageRequest): number {
  if (!page.after) return 0;
  const [offset] = page.after;
  if (page.after.length !== 1 || !Number.isInteger(offset) || (offset as number) < 0) throw notACursor();
  return offset as number;
}

function keysetPosition(page: PageRequest): [string, number] | undefined {
  if (!page.after) return undefined;
  const [issuedOn, id] = page.after;
  if (page.after.length !== 2 || typeof issuedOn !== "string" || !isValidDate(issuedOn) || !Number.isInteger(id)) throw notACursor();
  return [issuedOn, id as number];
}

function notACursor(): BadInputError {
  return new BadInputError("after", "is not a cursor of this list (cursors of a search are not valid without it, and the reverse)");
}

/** `AgencyUnit.issuedDocuments(first)`: the unit's newest documents, batched over all units of the request. */
export async function issuedDocumentsOf(ctx: Context, unit: AgencyUnit, first: number): Promise<LegalDocument[]> {
  if (!Number.isInteger(first) || first < 0 || first > 100) throw new BadInputError("first", "must be from 0 to 100");
  if (first === 0) return [];
  return ctx.loaders.legalDocuments.issuedByUnit(first).load(unit.id);
}

/** `legalDocumentTypes`: the known type codes. */
export function listDocumentTypes(): LegalDocumentType[] {
  return documentTypes().map((type) => ({ ...type }));
}

/**
 * `LegalDocument.status(on)`: the status on `on` (default today in Vietnam) from the document's dates, the documents
 * that replace or repeal it (read through the batched `referencedBy` loader) and, for today, the stored status; see
 * `deriveStatus`.
 */
export async function statusOf(ctx: Context, doc: LegalDocument, on: string | null | undefined): Promise<LegalDocumentStatus> {
  const today = vnToday();
  const incoming = await ctx.loaders.legalDocuments.referencedBy.load(doc.id);
  const terminations = incoming
    .filter((r) => r.kind === LegalDocumentRelationKind.REPLACES || r.kind === LegalDocumentRelationKind.REPEALS)
    .map((r) => ({ partial: r.partial, by: r.document }));
  return deriveStatus({ ...doc, status: doc.storedStatus }, on ?? today, terminations, today) as LegalDocumentStatus;
}
