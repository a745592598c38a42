import type { Tx } from "../../db/client.js";
import type { AgencyUnitRow } from "../../db/schema/agency-units.js";
import type { IndexCriterionRow, IndexFrameworkRow } from "../../db/schema/indexes.js";
import { ItemError } from "../../shared/batch.js";
import { canWriteAt } from "../access/access.service.js";
import type { Viewer } from "../access/viewer.js";
import { parentCodes } from "./index-tree.js";
import { findCriteria, findFrameworkByCode } from "./par-index.store.js";
import { findUnitDuring } from "./index-scores.store.js";

/** A framework with its criteria, as a score writer needs them. */
export interface LoadedFramework {
  row: IndexFrameworkRow;
  criteria: Map<string, IndexCriterionRow>;
  /** Codes of criteria with children: no scores for them. */
  parents: Set<string>;
}

/**
 * Frameworks and their criteria read once per batch. Every item share-locks its framework row (so its criteria
 * cannot change under the item) and re-reads the criteria only when the framework's `updatedAt` moved.
 */
export class FrameworkCache {
  private readonly loaded = new Map<string, LoadedFramework>();

  /** The framework `code` (share-locked in `tx`) or an UNKNOWN_REFERENCE item error naming `framework`. */
  async get(tx: Tx, code: string): Promise<LoadedFramework> {
    const row = await findFrameworkByCode(tx, code, "share");
    if (!row) throw new ItemError("UNKNOWN_REFERENCE", `framework: ${JSON.stringify(code)} names no index framework`, "framework");
    const cached = this.loaded.get(code);
    if (cached && cached.row.id === row.id && cached.row.updatedAt.getTime() === row.updatedAt.getTime()) return cached;
    const rows = await findCriteria(tx, [row.id]);
    const fresh = { row, criteria: new Map(rows.map((c) => [c.code, c])), parents: parentCodes(rows.map((c) => c.code)) };
    this.loaded.set(code, fresh);
    return fresh;
  }
}

/** What the writes of a scores or results item refer to. */
export interface ItemTarget {
  framework: LoadedFramework;
  year: number;
  unit: AgencyUnitRow;
}

/**
 * Resolves the framework, year and unit of a scores or results item, in this order, each failure an item error
 * naming its field: the framework exists; the year is within its years; the unit existed during the year and is of
 * a kind the framework scores; the viewer may write at the unit.
 */
export async function resolveTarget(
  tx: Tx,
  viewer: Viewer,
  cache: FrameworkCache,
  item: { framework: string; year: number; unitCode: string },
): Promise<ItemTarget> {
  const framework = await cache.get(tx, item.framework.trim());
  const { row } = framework;
  const year = item.year;
  if (!Number.isInteger(year) || year < (row.fromYear ?? 1900) || year > (row.toYear ?? 2199)) {
    throw new ItemError("OUT_OF_RANGE", `year must be within the years of ${row.code} (${yearsText(row)}) (got ${year})`, "year");
  }
  const code = item.unitCode.trim();
  const unit = await findUnitDuring(tx, code, `${year}-01-01`, `${year}-12-31`);
  if (!unit) throw new ItemError("UNKNOWN_REFERENCE", `unitCode: ${JSON.stringify(code)} names no agency unit that existed during ${year}`, "unitCode");
  if (!row.scoredKinds.includes(unit.kind)) {
    throw new ItemError(
      "INVALID_REFERENCE",
      `unitCode: ${unit.code} is a ${unit.kind} unit; ${row.code} scores ${row.scoredKinds.join(", ")} units`,
      "unitCode",
    );
  }
  if (!canWriteAt(viewer, unit.path)) throw new ItemError("FORBIDDEN", `unitCode: ${unit.code} is outside this token's scope`, "unitCode");
  return { framework, year, unit };
}

/** "2017–2020", "from 2017", "until 2020" or "any year". */
export function yearsText(row: Pick<IndexFrameworkRow, "fromYear" | "toYear">): string {
  if (row.fromYear !== null && row.toYear !== null) return `${row.fromYear}–${row.toYear}`;
  if (row.fromYear !== null) return `from ${row.fromYear}`;
  if (row.toYear !== null) return `until ${row.toYear}`;
  return "any year";
}
