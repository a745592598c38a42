import type { Context } from "../../context.js";
import { BadInputError } from "../../shared/errors.js";
import { NODE_TYPE, parseGlobalId } from "../../shared/node.js";
import { dossierById } from "../dossiers/read/dossier-query.service.js";

/**
 * `node(id)`: the object a global id names, through each domain's own loaders and access rules (a dossier needs
 * a token whose scope covers it, as `dossier(code)` does); null when it no longer exists.
 */
export async function findNode(ctx: Context, id: string): Promise<object | null> {
  const parsed = parseGlobalId(id);
  if (!parsed) throw new BadInputError("id", "is not an id given by this API");
  const found = await load(ctx, parsed.type, parsed.key);
  if (found) Object.defineProperty(found, NODE_TYPE, { value: parsed.type, configurable: true });
  return found;
}

async function load(ctx: Context, type: NonNullable<ReturnType<typeof parseGlobalId>>["type"], key: number): Promise<object | null> {
  switch (type) {
    case "AgencyUnit":
      return ctx.loaders.agencyUnits.byId.load(key);
    case "LegalDocument":
      return ctx.loaders.legalDocuments.byId.load(key);
    case "Procedure":
      return ctx.loaders.procedures.byId.load(key);
    case "Dossier":
      return dossierById(ctx, key);
    default:
      return assertNever(type);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown node type ${String(value)}`);
}
