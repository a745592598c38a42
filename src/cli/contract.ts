/**
 * The names of the hub's public contract the client relies on (the GraphQL enums). The client is written against
 * the published schema like any integrator's, not against the server's modules.
 */
export const CHANNELS = ["DIRECT", "ONLINE", "POSTAL"] as const;
export type Channel = (typeof CHANNELS)[number];

/** In portal-code order: SUBMITTED is 1, RETURNED is 10. */
export const STATUSES = [
  "SUBMITTED",
  "ACCEPTED",
  "NOT_ACCEPTED",
  "IN_PROCESS",
  "SUPPLEMENT_REQUESTED",
  "PAYMENT_REQUESTED",
  "WITHDRAWAL_REQUESTED",
  "STOPPED",
  "RESOLVED",
  "RETURNED",
] as const;
export type DossierStatus = (typeof STATUSES)[number];

export const UNIT_KINDS = [
  "MINISTRY",
  "PROVINCE",
  "PROVINCIAL_DEPARTMENT",
  "DISTRICT",
  "DISTRICT_OFFICE",
  "COMMUNE",
  "WARD",
  "TOWNSHIP",
  "SERVICE_UNIT",
] as const;
export const PROCEDURE_LEVELS = ["CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE"] as const;
export const ONLINE_KINDS = ["FULL", "PARTIAL", "NONE"] as const;
export const ONE_STOP_KINDS = ["ONE_STOP", "INTER_AGENCY"] as const;
export const DOCUMENT_STATUSES = ["NOT_YET_IN_FORCE", "IN_FORCE", "PARTLY_EXPIRED", "EXPIRED"] as const;
export const APPLICANT_KINDS = ["CITIZEN", "ORGANISATION"] as const;
