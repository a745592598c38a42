/**
 * Pure validation and privacy rules of dossier input: the code format, the applicant's fields and masking.
 * Failures are item errors naming the field, so that a batch rejects only the offending item.
 */
import { toVnDate } from "../../../shared/calendar/index.js";
import { cleanText } from "../../../shared/text.js";
import { INITIAL_STATUSES } from "../dossier-status.js";
import type { DossierInsert } from "../../../db/schema/index.js";
import { Channel, DossierStatus } from "../dossier-status.js";
import { ApplicantKind } from "../dossier.enums.js";
import type { ApplicantData } from "../dossier.types.js";
import type { ApplicantInput, DossierInput } from "../dossier.inputs.js";
import { dossierError } from "../dossier.errors.js";

/** Agency code (Decision 20/2020) + `-` + yymmdd + `-` + a sequence of at least 4 digits. */
const DOSSIER_CODE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4,20})$/;

/** How far a sender's clock may run ahead of ours before an instant counts as "in the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The parts of a well-formed dossier code, or null. */
export function parseDossierCode(code: string): { agencyCode: string; yymmdd: string; sequence: string } | null {
  const m = DOSSIER_CODE.exec(code);
  return m ? { agencyCode: m[1]!, yymmdd: m[2]!, sequence: m[3]! } : null;
}

/** `yymmdd` of an instant's Vietnamese date. */
export function vnYymmdd(instant: Date): string {
  const date = toVnDate(instant);
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

/**
 * Checks a dossier code against its agency and receipt instant: the agency part must be `agencyCode` and the
 * date part the receipt date in Vietnam time.
 */
export function checkDossierCode(code: string, agencyCode: string, receivedAt: Date): void {
  const parts = parseDossierCode(code);
  if (!parts) {
    throw dossierError(
      "INVALID_FORMAT",
      "code must be the agency code, the receipt date yymmdd and a sequence of 4+ digits, e.g. 000.17.22.H56-210531-0001",
      "code",
    );
  }
  if (parts.agencyCode !== agencyCode) {
    throw dossierError("MISMATCH", `code must start with the receiving agency's code ${agencyCode} (got ${parts.agencyCode})`, "code");
  }
  const expected = vnYymmdd(receivedAt);
  if (parts.yymmdd !== expected) {
    throw dossierError("MISMATCH", `code's date part must be the receipt date in Vietnam time, ${expected} (got ${parts.yymmdd})`, "code");
  }
}

/** Rejects an instant later than now (with {@link CLOCK_SKEW_MS} of tolerance). */
export function assertNotFuture(field: string, instant: Date, now: Date = new Date()): void {
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw dossierError("INVALID_DATE", `${field} must not be in the future`, field);
  }
}

const IDENTITY = /^[0-9A-Za-z-]{6,20}$/;
const PHONE = /^\+?\d{8,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates and normalises the applicant of a dossier input. */
export function cleanApplicant(input: ApplicantInput): ApplicantData {
  const name = cleanText("applicant.name", input.name, 255);
  const identityNumber = cleanText("applicant.identityNumber", input.identityNumber, 20, true);
  if (identityNumber !== null && !IDENTITY.test(identityNumber)) {
    throw dossierError("INVALID_FORMAT", "applicant.identityNumber must be 6–20 letters, digits or '-'", "applicant.identityNumber");
  }
  const rawPhone = cleanText("applicant.phone", input.phone, 30, true);
  const phone = rawPhone === null ? null : rawPhone.replace(/[\s.()-]/g, "");
  if (phone !== null && !PHONE.test(phone)) {
    throw dossierError("INVALID_FORMAT", "applicant.phone must be 8–15 digits with an optional leading +", "applicant.phone");
  }
  const email = cleanText("applicant.email", input.email, 255, true);
  if (email !== null && !EMAIL.test(email)) {
    throw dossierError("INVALID_FORMAT", "applicant.email must be an e-mail address", "applicant.email");
  }
  const address = cleanText("applicant.address", input.address, 500, true);
  return { kind: input.kind ?? ApplicantKind.CITIZEN, name, identityNumber, phone, email, address };
}

/** Masks all but the first and the last two characters: `012345678912` → `0*********12`. */
export function maskPersonal(value: string | null): string | null {
  if (value === null) return null;
  if (value.length <= 3) return "*".repeat(value.length);
  return `${value[0]}${"*".repeat(value.length - 3)}${value.slice(-2)}`;
}

/**
 * Masks a person's name: the family name stays, every other word keeps its first letter (`Nguyễn Văn An` →
 * `Nguyễn V*** A***`), so that a reader can tell dossiers apart without reading the name.
 */
export function maskName(value: string): string {
  const [family, ...rest] = value.split(/\s+/);
  return [family, ...rest.map((word) => (word.length <= 1 ? word : `${[...word][0]}***`))].join(" ");
}

/** Masks an e-mail address's mailbox: `an.nguyen@hanoi.gov.vn` → `a***@hanoi.gov.vn`. */
export function maskEmail(value: string | null): string | null {
  if (value === null) return null;
  const at = value.lastIndexOf("@");
  return at <= 0 ? maskPersonal(value) : `${[...value][0]}***${value.slice(at)}`;
}

/** Masks an address's first part (house, street): `Số 12 ngõ 5, Đông Dư, Gia Lâm` → `***, Đông Dư, Gia Lâm`. */
export function maskAddress(value: string | null): string | null {
  if (value === null) return null;
  const comma = value.indexOf(",");
  return comma < 0 ? "***" : `***${value.slice(comma)}`;
}

/** A dossier input checked and normalised (everything that needs nothing stored). */
export interface CheckedDossier {
  code: string;
  agencyCode: string;
  procedureCode: string;
  initialStatus: DossierStatus;
  /** The columns a resend may change, as sent (the channel always). */
  mutable: Partial<DossierInsert> & Pick<DossierInsert, "channel">;
}

/**
 * The checks of a dossier input that need nothing stored, in the order a sender sees their errors: the code, the
 * receipt and due instants, the initial status (a desk receipt starts ACCEPTED unless told otherwise), the applicant.
 */
export function checkDossierInput(input: DossierInput): CheckedDossier {
  const code = input.code.trim();
  const agencyCode = input.agencyCode.trim();
  checkDossierCode(code, agencyCode, input.receivedAt);
  assertNotFuture("receivedAt", input.receivedAt);
  if (input.dueAt && input.dueAt.getTime() <= input.receivedAt.getTime()) {
    throw dossierError("INVALID_DATE", "dueAt must be after receivedAt", "dueAt");
  }
  const initialStatus = input.initialStatus ?? (input.channel === Channel.DIRECT ? DossierStatus.ACCEPTED : DossierStatus.SUBMITTED);
  if (!INITIAL_STATUSES.includes(initialStatus)) {
    throw dossierError("INVALID_TRANSITION", `initialStatus must be SUBMITTED or ACCEPTED (got ${initialStatus})`, "initialStatus");
  }
  const applicant = input.applicant ? cleanApplicant(input.applicant) : undefined;
  const mutable = {
    channel: input.channel,
    ...(applicant === undefined ? {} : applicantColumns(applicant)),
    ...(input.paidOnline == null ? {} : { paidOnline: input.paidOnline }),
    ...(input.digitised == null ? {} : { digitised: input.digitised }),
    ...(input.electronicResult == null ? {} : { electronicResult: input.electronicResult }),
  } satisfies Partial<DossierInsert>;
  return { code, agencyCode, procedureCode: input.procedureCode.trim(), initialStatus, mutable };
}

/** The dossier columns of an applicant. */
export function applicantColumns(a: ApplicantData) {
  return {
    applicantKind: a.kind,
    applicantName: a.name,
    applicantIdentity: a.identityNumber,
    applicantPhone: a.phone,
    applicantEmail: a.email,
    applicantAddress: a.address,
  };
}
