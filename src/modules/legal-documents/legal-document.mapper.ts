import type { LegalDocumentRow } from "../../db/schema/index.js";
import { documentType } from "./document-types.js";
import { LegalDocument, type LegalDocumentStatus } from "./legal-document.types.js";

/** The one place rows become API objects. */
export function toLegalDocument(row: LegalDocumentRow): LegalDocument {
  return Object.assign(new LegalDocument(), {
    id: row.id,
    issuerUnitId: row.issuerUnitId,
    symbol: row.symbol,
    number: row.number,
    year: row.issuedYear,
    type: row.docType,
    typeName: documentType(row.docType)?.name ?? row.docType,
    issuerAbbr: row.issuerAbbr,
    issuerName: row.issuerName,
    signer: row.signer,
    issuedOn: row.issuedOn,
    effectiveFrom: row.effectiveFrom,
    expiresOn: row.expiresOn,
    storedStatus: row.status as LegalDocumentStatus | null,
    statusDerived: row.status === null,
    summary: row.summary,
    body: row.body,
    isDemo: row.demo,
    updatedAt: row.updatedAt,
  });
}
