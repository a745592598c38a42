import type { Column } from "../mapping/columns.js";

/** The batch mutations an import sends, in the order one request runs them. */
export const MUTATIONS = ["upsertAgencyUnits", "upsertLegalDocuments", "upsertProcedures", "submitDossiers", "recordDossierEvents"] as const;
export type MutationName = (typeof MUTATIONS)[number];

/** The GraphQL input type of each mutation's `input` list. */
export const INPUT_TYPES: Readonly<Record<MutationName, string>> = {
  upsertAgencyUnits: "AgencyUnitInput",
  upsertLegalDocuments: "LegalDocumentInput",
  upsertProcedures: "ProcedureInput",
  submitDossiers: "DossierInput",
  recordDossierEvents: "DossierEventInput",
};

export interface WorkItem {
  mutation: MutationName;
  input: Record<string, unknown>;
}

/** What one row becomes: the items it sends (applied together or reported together). */
export interface RowWork {
  items: WorkItem[];
  /** Rows with the same lane are sent in file order (events of one dossier). */
  lane?: string;
}

/** A row's values by field: trimmed, empty cells left out. */
export type RowValues = Record<string, string>;

export interface Entity {
  name: "units" | "documents" | "procedures" | "dossiers" | "events";
  /** One line for `--help`. */
  summary: string;
  columns: readonly Column[];
  /** Checks and converts one row; throws a RowError naming the field and the rule. */
  toWork(values: RowValues): RowWork;
  /**
   * `free`: batches in any order, concurrently; `lanes`: rows of one lane in file order; `parents-first`: the whole
   * (small) file sorted so that a unit comes after its parent, sent one batch at a time.
   */
  ordering: "free" | "lanes" | "parents-first";
}

/** Copies the optional fields that are present. */
export function present<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}
