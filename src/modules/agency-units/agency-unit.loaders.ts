import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { toAgencyUnit, toAgencyUnitLink } from "./agency-unit.mapper.js";
import { findChildren, findLinks, findUnitsByIds } from "./agency-unit.store.js";
import type { AgencyUnit, AgencyUnitLink } from "./agency-unit.types.js";

/** A children request: the children of `parentId` valid on `asOf`, optionally of one `kind`. */
export interface ChildrenKey {
  parentId: number;
  asOf: string;
  kind: string | null;
}

/** Per-request loaders of agency units; each batch function answers every key, in key order. */
export function createAgencyUnitLoaders(db: Db) {
  return {
    /** A unit by internal id; null when absent. */
    byId: new DataLoader<number, AgencyUnit | null>(async (ids) => {
      const rows = await findUnitsByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, toAgencyUnit(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** Children by parent, date and kind: one query per distinct (date, kind) for all parents of the request. */
    children: new DataLoader<ChildrenKey, AgencyUnit[], string>(
      async (keys) => {
        const groups = new Map<string, { asOf: string; kind: string | null; parentIds: Set<number> }>();
        for (const key of keys) {
          const group = `${key.asOf}|${key.kind ?? ""}`;
          const entry = groups.get(group) ?? { asOf: key.asOf, kind: key.kind, parentIds: new Set<number>() };
          entry.parentIds.add(key.parentId);
          groups.set(group, entry);
        }
        const found = new Map<string, AgencyUnit[]>();
        await Promise.all(
          [...groups.entries()].map(async ([group, { asOf, kind, parentIds }]) => {
            for (const row of await findChildren(db, [...parentIds], asOf, kind)) {
              const slot = `${row.parentId}|${group}`;
              const siblings = found.get(slot);
              if (siblings) siblings.push(toAgencyUnit(row));
              else found.set(slot, [toAgencyUnit(row)]);
            }
          }),
        );
        return keys.map((key) => found.get(childrenCacheKey(key)) ?? []);
      },
      { cacheKeyFn: childrenCacheKey },
    ),

    /** Successor links of a unit (it is the predecessor), each with the successor. */
    successors: linkLoader(db, "successors"),
    /** Predecessor links of a unit (it is the successor), each with the predecessor. */
    predecessors: linkLoader(db, "predecessors"),
  };
}

function childrenCacheKey(key: ChildrenKey): string {
  return `${key.parentId}|${key.asOf}|${key.kind ?? ""}`;
}

function linkLoader(db: Db, direction: "successors" | "predecessors") {
  return new DataLoader<number, AgencyUnitLink[]>(async (ids) => {
    const byOwner = new Map<number, AgencyUnitLink[]>();
    for (const link of await findLinks(db, ids, direction)) {
      byOwner.set(link.ownerId, [...(byOwner.get(link.ownerId) ?? []), toAgencyUnitLink(link.kind, link.effectiveOn, link.other)]);
    }
    return ids.map((id) => byOwner.get(id) ?? []);
  });
}
