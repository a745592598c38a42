import { INPUT_TYPES, MUTATIONS, type MutationName, type RowWork } from "../entities/entity.js";

export interface ItemResult {
  ok: boolean;
  applied: boolean;
  error: { code: string; message: string; field: string | null } | null;
}

/** How one row fared: every item written or unchanged, or the first item's error. */
export type RowOutcome = { kind: "applied" | "unchanged" } | { kind: "rejected"; code: string; field: string | null; message: string };

export interface BatchRequest {
  body: string;
  /** Reads the response data back into one outcome per row, in row order. */
  outcomes(data: Record<string, { items: ItemResult[] }>): RowOutcome[];
}

/**
 * One HTTP request for a batch of rows: the rows' items grouped by mutation (dossiers before their events), each
 * group cut into aliased fields of at most `maxItems` items. Mutation fields run one after another, so a row's
 * dossier exists before its events are recorded.
 */
export function buildRequest(rows: readonly RowWork[], maxItems: number): BatchRequest {
  const groups = new Map<MutationName, { input: Record<string, unknown>; row: number; item: number }[]>();
  rows.forEach((row, r) =>
    row.items.forEach((item, i) => {
      const group = groups.get(item.mutation) ?? [];
      group.push({ input: item.input, row: r, item: i });
      groups.set(item.mutation, group);
    }),
  );
  const declarations: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, unknown> = {};
  const chunks: { alias: string; places: { row: number; item: number }[] }[] = [];
  for (const mutation of MUTATIONS) {
    const group = groups.get(mutation);
    for (let start = 0; group && start < group.length; start += maxItems) {
      const alias = `m${chunks.length}`;
      const part = group.slice(start, start + maxItems);
      declarations.push(`$${alias}: [${INPUT_TYPES[mutation]}!]!`);
      fields.push(`${alias}: ${mutation}(input: $${alias}) { items { ok applied error { code message field } } }`);
      variables[alias] = part.map((p) => p.input);
      chunks.push({ alias, places: part.map(({ row, item }) => ({ row, item })) });
    }
  }
  const query = `mutation LienthongImport(${declarations.join(", ")}) { ${fields.join(" ")} }`;
  return {
    body: JSON.stringify({ query, variables }),
    outcomes(data) {
      const results: ItemResult[][] = rows.map((row) => new Array(row.items.length));
      for (const { alias, places } of chunks) {
        const items = data[alias]?.items ?? [];
        places.forEach((place, i) => {
          results[place.row]![place.item] = items[i] ?? { ok: false, applied: false, error: { code: "NO_RESULT", message: "the hub returned no result for this item", field: null } };
        });
      }
      return results.map((items): RowOutcome => {
        const failed = items.find((item) => !item.ok);
        if (failed) {
          const error = failed.error ?? { code: "REJECTED", message: "rejected by the hub", field: null };
          return { kind: "rejected", code: error.code, field: error.field, message: error.message };
        }
        return { kind: items.some((item) => item.applied) ? "applied" : "unchanged" };
      });
    },
  };
}
