/**
 * History from a snapshot. A one-stop export holds one row per dossier with its current status and dates; from it
 * the importer derives the events that lead to that status, with ids made of the dossier code and the step, so a
 * second import of the same row sends the same events (unchanged) and a newer snapshot adds only the new steps.
 *
 *   status in the row                received as   derived events (id `<code>:<STEP>`, at)
 *   1 SUBMITTED                      SUBMITTED     –
 *   3 NOT_ACCEPTED                   SUBMITTED     NOT_ACCEPTED at statusAt, else receivedAt
 *   2 ACCEPTED                       ACCEPTED      –
 *   4 IN_PROCESS                     ACCEPTED      IN_PROCESS at receivedAt
 *   5, 6, 7 (waiting)                ACCEPTED      IN_PROCESS at receivedAt, the status at statusAt, else receivedAt
 *   8 STOPPED                        ACCEPTED      IN_PROCESS at receivedAt, STOPPED at statusAt, else receivedAt
 *   9 RESOLVED                       ACCEPTED      IN_PROCESS at receivedAt, RESOLVED at resolvedAt (or statusAt)
 *   10 RETURNED                      ACCEPTED      IN_PROCESS, RESOLVED at resolvedAt (else returnedAt), RETURNED at returnedAt (or statusAt)
 */
import type { DossierStatus } from "../contract.js";
import { RowError } from "../errors.js";

export interface Snapshot {
  code: string;
  receivedAt: string;
  status: DossierStatus;
  statusAt?: string;
  resolvedAt?: string;
  returnedAt?: string;
}

export interface DerivedEvent {
  id: string;
  dossierCode: string;
  status: DossierStatus;
  at: string;
}

export interface History {
  initialStatus: "SUBMITTED" | "ACCEPTED";
  events: DerivedEvent[];
}

/** The event id of a derived step: deterministic, so a re-import is idempotent. */
export function derivedEventId(code: string, step: DossierStatus): string {
  return `${code}:${step}`;
}

const WAITING: readonly DossierStatus[] = ["SUPPLEMENT_REQUESTED", "PAYMENT_REQUESTED", "WITHDRAWAL_REQUESTED", "STOPPED"];

/** Derives the received status and the events leading to the snapshot's status; see the table above. */
export function deriveHistory(row: Snapshot): History {
  const steps: [DossierStatus, string, string][] = []; // step, at, the field the instant came from
  const inProcess = () => steps.push(["IN_PROCESS", row.receivedAt, "receivedAt"]);
  const need = (field: "resolvedAt" | "returnedAt"): [string, string] => {
    const at = row[field] ?? row.statusAt;
    if (!at) throw new RowError("MISSING_VALUE", `${field} is required for a dossier with status ${row.status}`, field);
    return [at, row[field] ? field : "statusAt"];
  };
  let initialStatus: History["initialStatus"] = "ACCEPTED";
  switch (row.status) {
    case "SUBMITTED":
      initialStatus = "SUBMITTED";
      break;
    case "NOT_ACCEPTED":
      initialStatus = "SUBMITTED";
      steps.push(["NOT_ACCEPTED", row.statusAt ?? row.receivedAt, row.statusAt ? "statusAt" : "receivedAt"]);
      break;
    case "ACCEPTED":
      break;
    case "IN_PROCESS":
      inProcess();
      break;
    case "RESOLVED":
      inProcess();
      steps.push(["RESOLVED", ...need("resolvedAt")]);
      break;
    case "RETURNED": {
      inProcess();
      const returned = need("returnedAt");
      steps.push(["RESOLVED", row.resolvedAt ?? returned[0], row.resolvedAt ? "resolvedAt" : returned[1]]);
      steps.push(["RETURNED", ...returned]);
      break;
    }
    default:
      if (!WAITING.includes(row.status)) throw new Error(`unhandled status ${row.status}`);
      inProcess();
      steps.push([row.status, row.statusAt ?? row.receivedAt, row.statusAt ? "statusAt" : "receivedAt"]);
  }
  let previous = Date.parse(row.receivedAt);
  for (const [, at, field] of steps) {
    const time = Date.parse(at);
    if (time < previous) throw new RowError("OUT_OF_ORDER", `${field} must not be before the receipt or the previous step`, field);
    previous = time;
  }
  return {
    initialStatus,
    events: steps.map(([status, at]) => ({ id: derivedEventId(row.code, status), dossierCode: row.code, status, at })),
  };
}
