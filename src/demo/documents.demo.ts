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

/**
 * Decree 118/2025/NĐ-CP of 9 June 2025 on the one-stop mechanism, in force from 1 July 2025, replaced Decree
 * 61/2018/NĐ-CP (not in facts.json; from the decree's own text): 61/2018 shows EXPIRED from that day.
 */
const REPLACING_61_2018: LegalDocumentInput = {
  symbol: "118/2025/NĐ-CP", type: "NĐ", issuerCode: null, issuerName: "Chính phủ", issuedOn: "2025-06-09",
  effectiveFrom: "2025-07-01", isDemo: true,
  summary: "Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia",
  relations: [{ kind: LegalDocumentRelationKind.REPLACES, symbol: "61/2018/NĐ-CP" }],
};

/** The documents of facts.json as upsert items: real symbols, dates and titles (as summaries), marked demo. */
export function demoDocumentInputs(): LegalDocumentInput[] {
  return [...factDocuments(), REPLACING_61_2018];
}

function factDocuments(): LegalDocumentInput[] {
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
