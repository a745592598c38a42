import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { toLegalDocument } from "./legal-document.mapper.js";
import { findDocumentsByIds, latestIssuedByUnits, relationsWithDocuments } from "./legal-document.store.js";
import type { LegalDocument, LegalDocumentRelation, LegalDocumentRelationKind } from "./legal-document.types.js";

/** Per-request loaders of legal documents; each batch function answers every key, in key order. */
export function createLegalDocumentLoaders(db: Db) {
  const relationLoader = (side: "from" | "to") =>
    new DataLoader<number, LegalDocumentRelation[]>(async (ids) => {
      const rows = await relationsWithDocuments(db, side, ids);
      const byId = new Map<number, LegalDocumentRelation[]>(ids.map((id) => [id, []]));
      for (const row of rows) {
        byId.get(row.ownId)?.push({ kind: row.kind as LegalDocumentRelationKind, partial: row.partial, document: toLegalDocument(row.document) });
      }
      return ids.map((id) => byId.get(id)!);
    });
  const issuedByFirst = new Map<number, DataLoader<number, LegalDocument[]>>();

  return {
    /** A document by internal id; null when absent. */
    byId: new DataLoader<number, LegalDocument | null>(async (ids) => {
      const byId = new Map((await findDocumentsByIds(db, ids)).map((row) => [row.id, toLegalDocument(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Outgoing relations of a document: "this document <kind> other". */
    relations: relationLoader("from"),
    /** Incoming relations of a document: "other <kind> this document". */
    referencedBy: relationLoader("to"),
    /** The `first` newest documents issued by each unit; one loader (one statement per tick) per page size. */
    issuedByUnit(first: number): DataLoader<number, LegalDocument[]> {
      let loader = issuedByFirst.get(first);
      if (!loader) {
        loader = new DataLoader<number, LegalDocument[]>(async (unitIds) => {
          const rows = await latestIssuedByUnits(db, unitIds, first);
          const byUnit = new Map<number, LegalDocument[]>(unitIds.map((id) => [id, []]));
          for (const row of rows) byUnit.get(row.issuerUnitId!)?.push(toLegalDocument(row));
          return unitIds.map((id) => byUnit.get(id)!);
        });
        issuedByFirst.set(first, loader);
      }
      return loader;
    },
  };
}
