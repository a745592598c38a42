import { registerEnumType } from "type-graphql";
import { Channel, DossierStatus, INITIAL_STATUSES, TERMINAL_STATUSES, TRANSITIONS } from "./dossier-status.js";

/** "A, B and C" (or "A or B"). */
function listText(items: readonly string[], last: "and" | "or"): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

/** The transition table as text, from the table itself: "SUBMITTED → ACCEPTED, …; …. X, Y and Z are final". */
function transitionsText(): string {
  const moves = Object.values(DossierStatus)
    .filter((from) => TRANSITIONS[from].length > 0)
    .map((from) => `${from} → ${TRANSITIONS[from].join(", ")}`);
  return `${moves.join("; ")}. ${listText(TERMINAL_STATUSES, "and")} are final`;
}

/** The GraphQL enums of the dossier domain, registered once with their descriptions. */

registerEnumType(DossierStatus, {
  name: "DossierStatus",
  description:
    "Status of a dossier, with the national public-service portal's codes (see `statusPortalCode`). Allowed " +
    `transitions: ${transitionsText()}. Any status that is not final may be recorded again ` +
    "(a hand-over to another agency or a note without a status change). A dossier is received as " +
    `${listText(INITIAL_STATUSES, "or")} (a desk receipt is accepted on the spot).`,
  valuesConfig: {
    SUBMITTED: { description: "1 — submitted (online or by post), waiting to be accepted (chờ tiếp nhận)." },
    ACCEPTED: { description: "2 — accepted (đã tiếp nhận); a direct receipt at the one-stop desk starts here." },
    NOT_ACCEPTED: { description: "3 — refused (không tiếp nhận); final, ends the handling." },
    IN_PROCESS: { description: "4 — being processed (đang xử lý)." },
    SUPPLEMENT_REQUESTED: { description: "5 — the applicant was asked to supplement (yêu cầu bổ sung); the wait does not count against the due date." },
    PAYMENT_REQUESTED: { description: "6 — waiting for a fee payment (yêu cầu thực hiện nghĩa vụ tài chính)." },
    WITHDRAWAL_REQUESTED: { description: "7 — the applicant asked to withdraw (công dân yêu cầu rút hồ sơ)." },
    STOPPED: { description: "8 — handling stopped (dừng xử lý); final, ends the handling." },
    RESOLVED: { description: "9 — resolved, result ready (đã xử lý xong); ends the handling." },
    RETURNED: { description: "10 — result returned to the applicant (đã trả kết quả); final." },
  },
});

registerEnumType(Channel, {
  name: "Channel",
  description: "How a dossier was submitted (see `channelPortalCode`).",
  valuesConfig: {
    DIRECT: { description: "1 — in person at the one-stop desk (trực tiếp)." },
    ONLINE: { description: "2 — through the online public-service portal (trực tuyến)." },
    POSTAL: { description: "3 — by public postal service (bưu chính công ích)." },
  },
});

export enum Timeliness {
  EARLY = "EARLY",
  ON_TIME = "ON_TIME",
  LATE = "LATE",
  IN_TIME = "IN_TIME",
  OVERDUE = "OVERDUE",
}
registerEnumType(Timeliness, {
  name: "Timeliness",
  description:
    "Timeliness as the national portal computes it. The handling ends at the first RESOLVED, RETURNED, STOPPED " +
    "or NOT_ACCEPTED; waits on a supplement do not count (the due date moves by the working days waited); " +
    "more than one supplement request makes a finished dossier LATE.",
  valuesConfig: {
    EARLY: { description: "Finished on a day before the due date's day (trước hạn)." },
    ON_TIME: { description: "Finished on the due date's day, not after the due instant (đúng hạn)." },
    LATE: { description: "Finished after the due instant, or after more than one supplement request (trễ hạn)." },
    IN_TIME: { description: "Still open and the due instant has not passed (còn hạn); waiting on a supplement stops the clock." },
    OVERDUE: { description: "Still open and past the due instant (quá hạn)." },
  },
});

export enum ApplicantKind {
  CITIZEN = "CITIZEN",
  ORGANISATION = "ORGANISATION",
}
registerEnumType(ApplicantKind, {
  name: "ApplicantKind",
  description: "Who submitted a dossier.",
  valuesConfig: {
    CITIZEN: { description: "A citizen (công dân)." },
    ORGANISATION: { description: "An organisation or business (tổ chức, doanh nghiệp)." },
  },
});

export enum DossierEventKind {
  RECEIVED = "RECEIVED",
  RECORDED = "RECORDED",
  UPDATED = "UPDATED",
}
registerEnumType(DossierEventKind, {
  name: "DossierEventKind",
  description: "What wrote an event of a dossier's history.",
  valuesConfig: {
    RECEIVED: { description: "The dossier was received (`submitDossiers`); `from` is null." },
    RECORDED: { description: "An agency system recorded a status event or a hand-over (`recordDossierEvents`)." },
    UPDATED: { description: "A resend of the dossier changed its channel, due date, applicant or flags; the status is unchanged." },
  },
});
