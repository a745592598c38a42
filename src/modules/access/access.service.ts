import DataLoader from "dataloader";
import type { Context } from "../../context.js";
import type { Tx } from "../../db/client.js";
import { ForbiddenError, UnauthenticatedError } from "../../shared/errors.js";
import { appendAudit, appendAudits } from "./access.store.js";
import type { Viewer } from "./viewer.js";

/** True when the viewer may write rows of the unit at `unitPath` (an ltree path). */
export function canWriteAt(viewer: Viewer, unitPath: string): boolean {
  if (viewer.roles.has("ADMIN")) return true;
  return viewer.roles.has("WRITER") && inScope(viewer, unitPath);
}

/** True when the viewer may read dossiers (personal data aside) of the unit at `unitPath`. */
export function canReadDossiersAt(viewer: Viewer, unitPath: string): boolean {
  if (viewer.roles.has("ADMIN")) return true;
  const reads = viewer.roles.has("READER") || viewer.roles.has("WRITER") || viewer.roles.has("PERSONAL_DATA");
  return reads && inScope(viewer, unitPath);
}

/**
 * The subtree whose dossiers the viewer may read, as an ltree path: `""` for the whole country, `null` for none.
 * Stores add `path <@ scope` to their queries so that scope holds for every filter and cursor.
 */
export function dossierReadScope(viewer: Viewer): string | null {
  if (viewer.kind === "anonymous") return null;
  if (viewer.roles.has("ADMIN")) return "";
  const reads = viewer.roles.has("READER") || viewer.roles.has("WRITER") || viewer.roles.has("PERSONAL_DATA");
  if (!reads) return null;
  return viewer.scopePath ?? "";
}

/** True when the viewer may see applicants' identity and phone numbers unmasked. */
export function canSeePersonalData(viewer: Viewer): boolean {
  return viewer.roles.has("ADMIN") || viewer.roles.has("PERSONAL_DATA");
}

/** Inside the token's scope; a token without a scope unit covers the whole country. */
function inScope(viewer: Viewer, unitPath: string): boolean {
  if (viewer.kind === "anonymous") return false;
  return viewer.scopePath === null || isWithin(unitPath, viewer.scopePath);
}

/** True when the viewer may write catalogue rows not tied to one unit (central documents, national procedures). */
export function canWriteNational(viewer: Viewer): boolean {
  return viewer.kind !== "anonymous" && (viewer.roles.has("ADMIN") || (viewer.roles.has("WRITER") && viewer.scopePath === null));
}

/** Throws FORBIDDEN unless the viewer holds a writing role at all (checked before a batch starts). */
export function assertWriter(viewer: Viewer): void {
  if (viewer.kind === "anonymous") throw new UnauthenticatedError("writes need a token");
  if (!viewer.roles.has("WRITER") && !viewer.roles.has("ADMIN")) throw new ForbiddenError("writes need the WRITER role");
}

/** ltree containment (`path <@ scope`) computed in memory. */
export function isWithin(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}

/** Throws unless the viewer is an administrator. */
export function assertAdmin(viewer: Viewer): void {
  if (viewer.kind === "anonymous") throw new UnauthenticatedError("this needs an administrator token");
  if (!viewer.roles.has("ADMIN")) throw new ForbiddenError("this needs the ADMIN role");
}

/** The audit operation of a read of unmasked personal data. */
export const PERSONAL_DATA_READ = "readPersonalData";

/** Per request (per set of loaders): the dossiers whose personal data was read, written in one statement. */
const personalReads = new WeakMap<object, DataLoader<string, void>>();

/**
 * Records that the caller read a dossier's unmasked personal data (Decree 13/2023/NĐ-CP: a processor keeps track of
 * who accessed what, when). The reads of one request (or one subscription event) are written together: one
 * INSERT however many dossiers a list shows. Resolves once the record is stored: no record, no data.
 */
export function auditPersonalDataRead(ctx: Pick<Context, "database" | "viewer" | "loaders">, dossierCode: string): Promise<void> {
  let loader = personalReads.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, void>(async (codes) => {
      // On the primary: a query may be reading from a replica (`readFrom`), which takes no writes.
      await recordAudits(ctx.database.db as unknown as Tx, ctx.viewer, PERSONAL_DATA_READ, codes);
      return codes.map(() => undefined);
    });
    personalReads.set(ctx.loaders, loader);
  }
  return loader.load(dossierCode);
}

/** Records an applied write in the audit trail, inside the write's own transaction. */
export async function recordAudit(tx: Tx, viewer: Viewer, operation: string, key: string): Promise<void> {
  await appendAudit(tx, { tokenId: viewer.tokenId ?? "anonymous", tokenLabel: viewer.label, operation, key });
}

/** Records the applied items of a batch written in one transaction (one audit row each), inside it. */
export async function recordAudits(tx: Tx, viewer: Viewer, operation: string, keys: readonly string[]): Promise<void> {
  await appendAudits(tx, { tokenId: viewer.tokenId ?? "anonymous", tokenLabel: viewer.label, operation }, keys);
}
