/**
 * Procedure codes of the national database of administrative procedures: a national code `1.001445` (one digit,
 * a dot, six digits) and local variants `2.000815.000.00.00.H55`, the national code followed by the electronic
 * code (Decision 20/2020/QĐ-TTg) of the unit that published the variant.
 */
export interface ProcedureCode {
  code: string;
  nationalCode: string;
  /** The owning unit's agency code of a local variant; null for a national code. */
  agencyCode: string | null;
}

const CODE = /^(\d\.\d{6})(?:\.(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}))?$/;
const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** Parses a procedure code; null when malformed. */
export function parseProcedureCode(input: string): ProcedureCode | null {
  const code = input.trim();
  const m = CODE.exec(code);
  return m ? { code, nationalCode: m[1]!, agencyCode: m[2] ?? null } : null;
}

/** True for a well-formed electronic agency code, e.g. `000.17.22.H56`. */
export function isAgencyCodeFormat(value: string): boolean {
  return AGENCY_CODE.test(value);
}

export type OnlineKindValue = "FULL" | "PARTIAL" | "NONE";

/**
 * The online service kind of an older "online public service level" (Decree 43/2011): level 4 (submit, pay and
 * receive online) is full online; level 3 (submit online) partial online; levels 1–2 (information and forms only)
 * are no online service. Null for a level outside 1–4.
 */
export function onlineKindOfLevel(level: number): OnlineKindValue | null {
  switch (level) {
    case 4:
      return "FULL";
    case 3:
      return "PARTIAL";
    case 1:
    case 2:
      return "NONE";
    default:
      return null;
  }
}
