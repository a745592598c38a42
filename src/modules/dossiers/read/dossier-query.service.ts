import type { Context } from "../../../context.js";
import { addDays, vnDateTime } from "../../../shared/calendar/index.js";
import { BadInputError, ForbiddenError } from "../../../shared/errors.js";
import { pageRequest, toConnection } from "../../../shared/pagination.js";
import { vnToday } from "../../../shared/scalars.js";
import { dossierReadScope, isWithin } from "../../access/access.service.js";
import type { Viewer } from "../../access/viewer.js";
import { unitRowByCode, unitWithSubtreeSize } from "../../agency-units/agency-unit.service.js";
import { procedureRowByCode } from "../../procedures/procedure.service.js";
import { toProcedure } from "../../procedures/procedure.mapper.js";
import type { DossierEventHub } from "../live/dossier-event-hub.js";
import { DossierEventStream } from "../live/dossier-event-stream.js";
import { headPosition, type EventStreamFilter, type StreamedEvent } from "../dossier-event-log.store.js";
import { decodeEventCursor, toDossier } from "../dossier.mapper.js";
import { countDossiers, dossierPage, findDossierCodeById, findDossierWithPaths, type DossierListWhere } from "./dossier-query.store.js";
import type { DossierFilter } from "../dossier.inputs.js";
import { Timeliness } from "../dossier.enums.js";
import type { Dossier } from "../dossier.types.js";

type ReadContext = Pick<Context, "db" | "viewer">;

/** The viewer's dossier read scope (ltree path, `""` for the country); FORBIDDEN for anonymous and role-less tokens. */
function readScope(viewer: Viewer): string {
  const scope = dossierReadScope(viewer);
  if (scope === null) throw new ForbiddenError("reading dossiers needs a token with the READER, WRITER, PERSONAL_DATA or ADMIN role");
  return scope;
}

/** True when the receiving or the holding agency is inside the scope. */
function inScope(scope: string, paths: { agencyPath: string; holderPath: string }): boolean {
  return scope === "" || isWithin(paths.agencyPath, scope) || isWithin(paths.holderPath, scope);
}

/**
 * One dossier by code. Anonymous callers get FORBIDDEN whatever the code (existence is not disclosed); a token
 * gets null for an unknown code and FORBIDDEN for a dossier outside its scope.
 */
export async function dossierByCode(ctx: ReadContext, code: string): Promise<Dossier | null> {
  const scope = readScope(ctx.viewer);
  const found = await findDossierWithPaths(ctx.db, code.trim());
  if (!found) return null;
  if (!inScope(scope, found)) throw new ForbiddenError(`dossier ${code} is outside this token's scope`);
  return toDossier(found.dossier);
}

/** One dossier by internal id (the key of its global id), with the same access rules as {@link dossierByCode}. */
export async function dossierById(ctx: ReadContext, id: number): Promise<Dossier | null> {
  const code = await findDossierCodeById(ctx.db, id);
  if (code === undefined) {
    readScope(ctx.viewer);
    return null;
  }
  return dossierByCode(ctx, code);
}

const PAGE_KIND = "dossier";

/** A page of dossiers matching the filter inside the viewer's read scope, newest receipt first. */
export async function listDossiers(ctx: ReadContext & Pick<Context, "loaders">, filter: DossierFilter | null | undefined, first?: number | null, after?: string | null) {
  const scope = readScope(ctx.viewer);
  const page = pageRequest(PAGE_KIND, first, after);
  let keyset: { receivedAt: Date; code: string } | undefined;
  if (page.after) {
    const [at, code] = page.after;
    const receivedAt = typeof at === "string" ? new Date(at) : new Date(Number.NaN);
    if (typeof code !== "string" || Number.isNaN(receivedAt.getTime())) throw new BadInputError("after", "is not a cursor of this list");
    keyset = { receivedAt, code };
  }
  const where = await listWhere(ctx, scope, filter ?? {});
  const rows = await dossierPage(ctx.db, where, keyset, page.first + 1);
  // The page came with its procedures: `procedure` fields need no further statement.
  for (const { procedure } of rows) if (procedure) ctx.loaders.procedures.byId.prime(procedure.id, toProcedure(procedure));
  const now = new Date();
  return toConnection(
    PAGE_KIND,
    rows,
    page,
    ({ dossier }) => [dossier.receivedAt.toISOString(), dossier.code],
    ({ dossier }) => toDossier(dossier, now),
    () => countDossiers(ctx.db, where),
  );
}

async function listWhere(ctx: ReadContext, scope: string, filter: DossierFilter): Promise<DossierListWhere> {
  const where: DossierListWhere = { scope };
  if (filter.agencyCode) {
    const unit = await unitWithSubtreeSize(ctx.db, filter.agencyCode.trim(), vnToday());
    if (!unit) throw new BadInputError("filter.agencyCode", `no agency unit has the code ${filter.agencyCode}`);
    if (filter.includeDescendants === false) where.unitId = unit.id;
    else Object.assign(where, { unitPath: unit.path, unitCount: unit.unitCount });
  }
  if (filter.procedureCode) {
    const procedure = await procedureRowByCode(ctx.db, filter.procedureCode.trim());
    if (!procedure) throw new BadInputError("filter.procedureCode", `no procedure has the code ${filter.procedureCode}`);
    where.procedureId = procedure.id;
  }
  if (filter.receivedFrom && filter.receivedTo && filter.receivedTo < filter.receivedFrom) {
    throw new BadInputError("filter.receivedTo", "must not be before receivedFrom");
  }
  if (filter.receivedFrom) where.receivedFrom = vnDateTime(filter.receivedFrom, 0);
  if (filter.receivedTo) where.receivedBefore = vnDateTime(addDays(filter.receivedTo, 1), 0);
  if (filter.status?.length) where.statuses = filter.status;
  if (filter.timeliness?.length) {
    const set = new Set(filter.timeliness);
    where.finishedTimeliness = (["EARLY", "ON_TIME", "LATE"] as const).filter((t) => set.has(Timeliness[t]));
    where.open = { inTime: set.has(Timeliness.IN_TIME), overdue: set.has(Timeliness.OVERDUE), now: new Date() };
  }
  return where;
}

/** Arguments of `dossierStatusChanged`. */
export interface DossierStreamArgs {
  agencyCode?: string | null;
  includeDescendants?: boolean | null;
  dossierCode?: string | null;
  procedureCode?: string | null;
  after?: string | null;
}

/**
 * Opens a subscription's event stream: the filter resolved and checked once, the viewer's read scope applied on
 * top of it in every read. Without `after` the stream starts at the log's head when subscribing.
 */
export async function openDossierStream(
  ctx: ReadContext & { dossierEvents: DossierEventHub | null },
  args: DossierStreamArgs,
  beforeDeliver: (event: StreamedEvent) => void,
): Promise<DossierEventStream> {
  const scope = readScope(ctx.viewer);
  if (!ctx.dossierEvents) throw new ForbiddenError("live dossier events are not served by this instance");
  const filter: EventStreamFilter = { scope };
  if (args.agencyCode) {
    const unit = await unitRowByCode(ctx.db, args.agencyCode.trim(), vnToday());
    if (!unit) throw new BadInputError("agencyCode", `no agency unit has the code ${args.agencyCode}`);
    if (args.includeDescendants === false) filter.unitId = unit.id;
    else filter.unitPath = unit.path;
  }
  if (args.dossierCode) {
    const found = await findDossierWithPaths(ctx.db, args.dossierCode.trim());
    if (!found) throw new BadInputError("dossierCode", `no dossier has the code ${args.dossierCode}`);
    if (!inScope(scope, found)) throw new ForbiddenError(`dossier ${args.dossierCode} is outside this token's scope`);
    filter.dossierId = found.dossier.id;
  }
  if (args.procedureCode) {
    const procedure = await procedureRowByCode(ctx.db, args.procedureCode.trim());
    if (!procedure) throw new BadInputError("procedureCode", `no procedure has the code ${args.procedureCode}`);
    filter.procedureId = procedure.id;
  }
  const position = args.after ? decodeEventCursor(args.after) : await headPosition(ctx.db);
  return new DossierEventStream(ctx.dossierEvents, ctx.db, filter, position, beforeDeliver);
}
