import { upsertLegalDocuments } from "../modules/legal-documents/legal-document-upsert.service.js";
import { LegalDocumentRelationKind, type LegalDocumentInput } from "../modules/legal-documents/legal-document.types.js";
import type { BatchContext } from "../shared/batch.js";
import facts from "./facts.json" with { type: "json" };
import { demoUnitCodes } from "./units.demo.js";

interface FactDocument {
  symbol: string;
  type: string;
  issuer: string;
  issuedOn: string;
  title: string;
  implements?: string[];
}

/**
 * Issuers of facts.json that are demo units; every other issuer (Chính phủ, Thủ tướng Chính phủ, Quốc hội) is a
 * central body recorded by name. The name as written on the document is kept.
 */
const ISSUER_UNITS: Record<string, string> = {
  "Chủ tịch UBND tỉnh Cao Bằng": demoUnitCodes.caoBang,
  "UBND tỉnh Cao Bằng": demoUnitCodes.caoBang,
  "UBND thành phố Hà Nội": demoUnitCodes.hanoi,
};

/** The documents of facts.json as upsert items: real symbols, dates and titles (as summaries), marked demo. */
export function demoDocumentInputs(): LegalDocumentInput[] {
  return (facts.documents as FactDocument[]).map((doc) => ({
    symbol: doc.symbol,
    type: doc.type,
    issuerCode: ISSUER_UNITS[doc.issuer] ?? null,
    issuerName: doc.issuer,
    issuedOn: doc.issuedOn,
    summary: doc.title,
    isDemo: true,
    // facts.json lists implemented documents before the documents implementing them, so targets exist already.
    relations: (doc.implements ?? []).map((symbol) => ({ kind: LegalDocumentRelationKind.IMPLEMENTS, symbol })),
  }));
}

/** Loads the demo documents through the documents service; throws when an item fails (demo data that does not load is a bug). */
export async function loadDemoDocuments(writer: BatchContext): Promise<void> {
  const result = await upsertLegalDocuments(writer, demoDocumentInputs());
  const failed = result.items.filter((item) => !item.ok);
  if (failed.length > 0) throw new Error(`demo documents failed to load: ${JSON.stringify(failed)}`);
}
