/**
 * Set-based SQL of the batched `submitDossiers` path: the procedures of a batch read at once, its new dossiers
 * inserted with one statement, its changed ones updated with one. Lists travel as one JSON parameter, so that every
 * statement has the same text whatever the batch size (one prepared statement each).
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { dossiers, procedures, type DossierRow } from "../../../db/schema/index.js";
import { resultRows } from "../../../db/rows.js";
import type { DossierInsert } from "../../../db/schema/index.js";

const json = (values: unknown) => sql`${JSON.stringify(values)}::json`;

/** What a receipt needs of a procedure, by code. */
export interface SubmitProcedure {
  id: number;
  code: string;
  committedDays: number;
  field: string;
  feeVnd: number | null;
}

/** The procedures with these codes (what a receipt needs of them). */
export async function findProceduresByCodes(tx: Tx, codes: readonly string[]): Promise<SubmitProcedure[]> {
  if (codes.length === 0) return [];
  const rows = await tx
    .select({ id: procedures.id, code: procedures.code, committedDays: procedures.committedDays, field: procedures.field, feeVnd: procedures.feeVnd })
    .from(procedures)
    .where(sql`${procedures.code} IN (SELECT json_array_elements_text(${json(codes)}))`);
  return rows.map((r) => ({ ...r, feeVnd: r.feeVnd === null ? null : Number(r.feeVnd) }));
}

/** A new dossier as the batch inserts it. */
export type NewDossier = Required<
  Pick<
    DossierInsert,
    | "code" | "procedureId" | "agencyId" | "holderId" | "channel" | "status" | "initialStatus" | "receivedAt" | "dueAt"
    | "effectiveDueAt" | "lastEventAt" | "paidOnline" | "digitised" | "electronicResult" | "applicantKind" | "applicantName"
    | "applicantIdentity" | "applicantPhone" | "applicantEmail" | "applicantAddress"
  >
>;

/**
 * Inserts new dossiers in one statement; returns the id of each code inserted. A code a concurrent transaction
 * stored first is left out (`ON CONFLICT DO NOTHING`): the caller compares the codes it gets back.
 */
export async function insertDossiers(tx: Tx, rows: readonly NewDossier[], now: Date): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const inserted = resultRows<{ id: number | string; code: string }>(
    await tx.execute(sql`
      INSERT INTO ${dossiers} (code, procedure_id, agency_id, holder_id, channel, status, initial_status, received_at, due_at,
        effective_due_at, last_event_at, paid_online, digitised, electronic_result, applicant_kind, applicant_name,
        applicant_identity, applicant_phone, applicant_email, applicant_address, created_at, updated_at)
      SELECT v.code, v."procedureId", v."agencyId", v."holderId", v.channel, v.status, v."initialStatus", v."receivedAt", v."dueAt",
        v."effectiveDueAt", v."lastEventAt", v."paidOnline", v.digitised, v."electronicResult", v."applicantKind", v."applicantName",
        v."applicantIdentity", v."applicantPhone", v."applicantEmail", v."applicantAddress",
        ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      FROM json_to_recordset(${json(rows)}) AS v(code varchar, "procedureId" integer, "agencyId" integer,
        "holderId" integer, channel dossier_channel, status dossier_status, "initialStatus" dossier_status,
        "receivedAt" timestamptz, "dueAt" timestamptz, "effectiveDueAt" timestamptz, "lastEventAt" timestamptz,
        "paidOnline" boolean, digitised boolean, "electronicResult" boolean, "applicantKind" applicant_kind,
        "applicantName" varchar, "applicantIdentity" varchar, "applicantPhone" varchar, "applicantEmail" varchar,
        "applicantAddress" varchar)
      ON CONFLICT (code) DO NOTHING
      RETURNING id, code`),
  );
  return new Map(inserted.map((r) => [r.code, Number(r.id)]));
}

/** The columns a resend may change, for one stored dossier. */
export type ResentDossier = Pick<
  DossierRow,
  | "id" | "channel" | "paidOnline" | "digitised" | "electronicResult" | "applicantKind" | "applicantName" | "applicantIdentity"
  | "applicantPhone" | "applicantEmail" | "applicantAddress" | "dueAt" | "effectiveDueAt" | "timeliness"
>;

/** Writes what resends changed, for many dossiers in one statement. */
export async function updateResentDossiers(tx: Tx, rows: readonly ResentDossier[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    UPDATE ${dossiers} AS d SET
      channel = v.channel, paid_online = v."paidOnline", digitised = v.digitised, electronic_result = v."electronicResult",
      applicant_kind = v."applicantKind", applicant_name = v."applicantName", applicant_identity = v."applicantIdentity",
      applicant_phone = v."applicantPhone", applicant_email = v."applicantEmail", applicant_address = v."applicantAddress",
      due_at = v."dueAt", effective_due_at = v."effectiveDueAt", timeliness = v.timeliness, updated_at = ${now.toISOString()}::timestamptz
    FROM json_to_recordset(${json(rows)}) AS v(id bigint, channel dossier_channel, "paidOnline" boolean, digitised boolean,
      "electronicResult" boolean, "applicantKind" applicant_kind, "applicantName" varchar, "applicantIdentity" varchar,
      "applicantPhone" varchar, "applicantEmail" varchar, "applicantAddress" varchar, "dueAt" timestamptz,
      "effectiveDueAt" timestamptz, timeliness finished_timeliness)
    WHERE d.id = v.id`);
}
