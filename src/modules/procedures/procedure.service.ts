import type { Context } from "../../context.js";
import { BadInputError } from "../../shared/errors.js";
import { pageRequest, toConnection, type PageRequest } from "../../shared/pagination.js";
import type { AgencyUnit } from "../agency-units/agency-unit.types.js";
import { MAX_SEARCH_LENGTH } from "../legal-documents/legal-document.service.js";
import { toProcedure } from "./procedure.mapper.js";
import type { Db, Tx } from "../../db/client.js";
import type { ProcedureRow } from "../../db/schema/index.js";
import {
  countByField, countProcedures, findProcedureByCode, findProcedureFactsByCodes, listProcedures, searchProcedures,
  type ProcedureFacts, type ProcedureQuery,
} from "./procedure.store.js";

export type { ProcedureFacts } from "./procedure.store.js";
import type { Procedure, ProcedureFieldCount, ProcedureFilter } from "./procedure.types.js";

const CURSOR_KIND = "Procedure";

/** `procedure(code)`: null when no procedure has the code. */
export async function getProcedure(ctx: Context, code: string): Promise<Procedure | null> {
  if (code.length > 40) throw new BadInputError("code", "must be at most 40 characters");
  const row = await findProcedureByCode(ctx.db, code.trim());
  return row ? toProcedure(row) : null;
}

/** Validates the filter into a store query; every problem names its field. */
function procedureQuery(filter: ProcedureFilter | null | undefined): ProcedureQuery {
  const f = filter ?? {};
  const search = f.search?.normalize("NFC").trim() ?? "";
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new BadInputError("filter.search", `must be at most ${MAX_SEARCH_LENGTH} characters (got ${search.length})`);
  }
  const field = f.field?.normalize("NFC").trim() ?? "";
  if (field.length > 255) throw new BadInputError("filter.field", "must be at most 255 characters");
  if ((f.agencyCode?.length ?? 0) > 32) throw new BadInputError("filter.agencyCode", "must be at most 32 characters");
  return {
    search: search || undefined,
    field: field || undefined,
    level: f.level ?? undefined,
    onlineKind: f.onlineKind ?? undefined,
    agencyCode: f.agencyCode?.trim() || undefined,
    hasReducedTime: f.hasReducedTime ?? undefined,
    iso9001: f.iso9001 ?? undefined,
  };
}

/** `procedures(filter, first, after)`: ranked by relevance when searching (cursor: position), else by code (cursor: code). */
export async function listProcedurePage(ctx: Context, filter: ProcedureFilter | null | undefined, first?: number | null, after?: string | null) {
  const query = procedureQuery(filter);
  const page = pageRequest(CURSOR_KIND, first, after);
  const count = () => countProcedures(ctx.db, query);
  if (query.search) {
    const offset = searchOffset(page);
    const rows = await searchProcedures(ctx.db, { ...query, search: query.search }, offset, page.first + 1);
    return toConnection(CURSOR_KIND, rows, page, (_row, i) => [offset + i + 1], toProcedure, count);
  }
  const rows = await listProcedures(ctx.db, query, codePosition(page), page.first + 1);
  return toConnection(CURSOR_KIND, rows, page, (row) => ["c", row.code], toProcedure, count);
}

function searchOffset(page: PageRequest): number {
  if (!page.after) return 0;
  const [offset] = page.after;
  if (page.after.length !== 1 || !Number.isInteger(offset) || (offset as number) < 0) throw notACursor();
  return offset as number;
}

function codePosition(page: PageRequest): string | undefined {
  if (!page.after) return undefined;
  const [marker, code] = page.after;
  if (page.after.length !== 2 || marker !== "c" || typeof code !== "string") throw notACursor();
  return code;
}

function notACursor(): BadInputError {
  return new BadInputError("after", "is not a cursor of this list (cursors of a search are not valid without it, and the reverse)");
}

/** `procedureFields(filter)`: the fields with their counts, largest first. */
export async function listProcedureFields(ctx: Context, filter: ProcedureFilter | null | undefined): Promise<ProcedureFieldCount[]> {
  return countByField(ctx.db, procedureQuery(filter));
}

/** `AgencyUnit.procedures(first)`: what the unit implements or owns, batched over all units of the request. */
export async function proceduresOfUnit(ctx: Context, unit: AgencyUnit, first: number): Promise<Procedure[]> {
  if (!Number.isInteger(first) || first < 0 || first > 100) throw new BadInputError("first", "must be from 0 to 100");
  if (first === 0) return [];
  return ctx.loaders.procedures.byUnit(first).load(unit.id);
}

// Look-ups other modules make of the procedures table (the procedures module owns it; no other store reads it).

/** The procedure row with this code; undefined when none has it. */
export function procedureRowByCode(db: Db | Tx, code: string): Promise<ProcedureRow | undefined> {
  return findProcedureByCode(db, code);
}

/** What dossier receipts need of the procedures with these codes (see `ProcedureFacts`). */
export function procedureFactsByCodes(db: Db | Tx, codes: readonly string[]): Promise<ProcedureFacts[]> {
  return findProcedureFactsByCodes(db, codes);
}
