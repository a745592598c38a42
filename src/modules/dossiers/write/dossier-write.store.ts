/**
 * The dossiers table as both write paths (`submitDossiers`, `recordDossierEvents`) use it: a batch's dossiers read
 * and locked with one statement, new, resent and advanced dossiers written with one statement each. Lists travel as one JSON parameter, so that every statement has the same
 * text whatever the batch size (one prepared statement each, no `IN ($1 … $500)` variants).
 */
import { asc, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../../db/client.js";
import { agencyUnits, dossiers, procedures, type DossierInsert, type DossierRow } from "../../../db/schema/index.js";
import { resultRows } from "../../../db/rows.js";

const json = (values: unknown) => sql`${JSON.stringify(values)}::json`;
const receiving = alias(agencyUnits, "receiving");
const holding = alias(agencyUnits, "holding");

/**
 * The dossiers with these codes, with the paths of their receiving and holding agencies and what the rollups need
 * of their procedure, locked in id order (so that concurrent batches never wait on each other in a cycle).
 */
export async function lockDossiersByCodes(tx: Tx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return tx
    .select({
      dossier: dossiers,
      agencyPath: sql<string>`${receiving.path}::text`,
      holderPath: sql<string>`${holding.path}::text`,
      holderCode: holding.code,
      holderValidTo: holding.validTo,
      procedure: { field: procedures.field, feeVnd: procedures.feeVnd },
    })
    .from(dossiers)
    .innerJoin(receiving, sql`${receiving.id} = ${dossiers.agencyId}`)
    .innerJoin(holding, sql`${holding.id} = ${dossiers.holderId}`)
    .innerJoin(procedures, sql`${procedures.id} = ${dossiers.procedureId}`)
    .where(sql`${dossiers.code} IN (SELECT json_array_elements_text(${json(codes)}))`)
    .orderBy(asc(dossiers.id))
    .for("update", { of: dossiers });
}

/** The lifecycle columns a status event changes, for one dossier. */
export type DossierLifecycleUpdate = Pick<
  DossierRow,
  "id" | "status" | "holderId" | "effectiveDueAt" | "supplementCount" | "supplementDays" | "supplementSince" | "finishedAt" | "timeliness" | "lastEventAt"
>;

/** Writes the new lifecycle state of many dossiers in one statement. */
export async function updateDossierLifecycles(tx: Tx, rows: readonly DossierLifecycleUpdate[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    UPDATE ${dossiers} AS d SET
      status = v.status, holder_id = v."holderId", effective_due_at = v."effectiveDueAt",
      supplement_count = v."supplementCount", supplement_days = v."supplementDays", supplement_since = v."supplementSince",
      finished_at = v."finishedAt", timeliness = v.timeliness, last_event_at = v."lastEventAt", updated_at = ${now.toISOString()}::timestamptz
    FROM json_to_recordset(${json(rows)}) AS v(
      "id" bigint, "status" dossier_status, "holderId" integer, "effectiveDueAt" timestamptz, "supplementCount" integer,
      "supplementDays" integer, "supplementSince" timestamptz, "finishedAt" timestamptz, "timeliness" finished_timeliness,
      "lastEventAt" timestamptz)
    WHERE d.id = v.id`);
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
