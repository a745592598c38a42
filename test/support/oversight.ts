import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { resultRows } from "../../src/db/rows.js";

const BATCH = "{ applied unchanged failed items { key ok error { code field message } } }";
export const SUBMIT_INSPECTIONS = `mutation($input: [InspectionInput!]!) { submitInspections(input: $input) ${BATCH} }`;
export const SUBMIT_RECEPTIONS = `mutation($input: [ReceptionSessionInput!]!) { submitReceptionSessions(input: $input) ${BATCH} }`;
export const SUBMIT_PETITIONS = `mutation($input: [PetitionInput!]!) { submitPetitions(input: $input) ${BATCH} }`;
export const RECORD_PETITION_EVENTS = `mutation($input: [PetitionEventInput!]!) { recordPetitionEvents(input: $input) ${BATCH} }`;
export const SUBMIT_FEEDBACK = `mutation($input: [ConductFeedbackInput!]!) { submitConductFeedback(input: $input) ${BATCH} }`;

export const OVERSIGHT_FIELDS = `
  inspections { total announced unannounced thematic findings violations followUps followUpsDone unitsInspected unitsInspectedShare }
  receptions { sessions leaderSessions citizens cases delegations }
  petitions { received accepted notAccepted transferred withdrawn resolved resolutionRate onTime late pendingInTime overdue
    byKind { kind received accepted resolved } }
  feedback { received answered overdue }`;

export const OVERSIGHT = `query($agencyCode: String!, $from: Date!, $to: Date!, $asOf: Date) {
  oversight(agencyCode: $agencyCode, from: $from, to: $to, asOf: $asOf) {
    unit { code } from to computedAt ${OVERSIGHT_FIELDS}
    own { ${OVERSIGHT_FIELDS} }
    byChildUnit { unit { code } ${OVERSIGHT_FIELDS} }
  }
}`;

/** Rows of every oversight table, to assert that rejected input left nothing behind. */
export async function oversightTableCounts(db: Db): Promise<Record<string, number>> {
  const tables = ["inspections", "inspection_targets", "inspection_actions", "reception_sessions", "petitions", "petition_events", "conduct_feedback", "oversight_subtree_counts", "oversight_changes"];
  const out: Record<string, number> = {};
  for (const t of tables) {
    out[t] = Number(resultRows<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${t}`)))[0]!.n);
  }
  return out;
}

/**
 * The figures of a unit's subtree recounted from the raw rows (no counters): what the counters must equal.
 * Petitions and feedback by their Vietnamese receipt date, inspections by their first day, sessions by their day.
 */
export async function recount(db: Db, path: string, from: string, to: string) {
  const inPeriod = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN '${from}' AND '${to}'`);
  const [row] = resultRows<Record<string, number>>(
    await db.execute(sql`
      SELECT
        (SELECT count(*) FROM inspections i JOIN agency_units u ON u.id = i.inspecting_unit_id WHERE u.path <@ ${path}::ltree AND i.started_on BETWEEN ${from} AND ${to})::int AS inspections,
        (SELECT count(*) FROM inspections i JOIN agency_units u ON u.id = i.inspecting_unit_id WHERE u.path <@ ${path}::ltree AND i.started_on BETWEEN ${from} AND ${to} AND i.kind = 'ANNOUNCED')::int AS announced,
        (SELECT coalesce(sum(citizens), 0) FROM reception_sessions r JOIN agency_units u ON u.id = r.unit_id WHERE u.path <@ ${path}::ltree AND r.held_on BETWEEN ${from} AND ${to})::int AS citizens,
        (SELECT coalesce(sum(cases), 0) FROM reception_sessions r JOIN agency_units u ON u.id = r.unit_id WHERE u.path <@ ${path}::ltree AND r.held_on BETWEEN ${from} AND ${to})::int AS cases,
        (SELECT count(*) FROM petitions p JOIN agency_units u ON u.id = p.unit_id WHERE u.path <@ ${path}::ltree AND ${inPeriod("p.received_at")})::int AS received,
        (SELECT count(*) FROM petitions p JOIN agency_units u ON u.id = p.unit_id WHERE u.path <@ ${path}::ltree AND ${inPeriod("p.received_at")} AND p.status = 'RESOLVED')::int AS resolved,
        (SELECT count(*) FROM petitions p JOIN agency_units u ON u.id = p.unit_id WHERE u.path <@ ${path}::ltree AND ${inPeriod("p.received_at")} AND p.status = 'RESOLVED' AND p.on_time)::int AS "onTime",
        (SELECT count(*) FROM conduct_feedback f JOIN agency_units u ON u.id = f.unit_id WHERE u.path <@ ${path}::ltree AND ${inPeriod("f.received_at")})::int AS feedback,
        (SELECT count(*) FROM conduct_feedback f JOIN agency_units u ON u.id = f.unit_id WHERE u.path <@ ${path}::ltree AND ${inPeriod("f.received_at")} AND f.answered_at IS NOT NULL)::int AS answered`),
  );
  return row!;
}
