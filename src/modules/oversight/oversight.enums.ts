import { registerEnumType } from "type-graphql";

export enum InspectionKind {
  ANNOUNCED = "ANNOUNCED",
  UNANNOUNCED = "UNANNOUNCED",
  THEMATIC = "THEMATIC",
}
export enum FollowUpStatus {
  OPEN = "OPEN",
  DONE = "DONE",
  CANCELLED = "CANCELLED",
}
export enum ReceptionKind {
  REGULAR = "REGULAR",
  LEADER_PERIODIC = "LEADER_PERIODIC",
  UNSCHEDULED = "UNSCHEDULED",
}
export enum PetitionKind {
  COMPLAINT = "COMPLAINT",
  DENUNCIATION = "DENUNCIATION",
  RECOMMENDATION = "RECOMMENDATION",
  REFLECTION = "REFLECTION",
}
export enum PetitionChannel {
  DIRECT = "DIRECT",
  POST = "POST",
  HOTLINE = "HOTLINE",
  PORTAL = "PORTAL",
}
export enum PetitionStatus {
  RECEIVED = "RECEIVED",
  ACCEPTED = "ACCEPTED",
  NOT_ACCEPTED = "NOT_ACCEPTED",
  TRANSFERRED = "TRANSFERRED",
  RESOLVED = "RESOLVED",
  WITHDRAWN = "WITHDRAWN",
}
export enum PetitionAction {
  ACCEPTED = "ACCEPTED",
  NOT_ACCEPTED = "NOT_ACCEPTED",
  TRANSFERRED = "TRANSFERRED",
  EXTENDED = "EXTENDED",
  RESOLVED = "RESOLVED",
  WITHDRAWN = "WITHDRAWN",
}
export enum PetitionOutcome {
  UPHELD = "UPHELD",
  PARTLY_UPHELD = "PARTLY_UPHELD",
  REJECTED = "REJECTED",
  ANSWERED = "ANSWERED",
}
export enum DayCount {
  CALENDAR = "CALENDAR",
  WORKING = "WORKING",
}
export enum FeedbackTopic {
  ATTITUDE = "ATTITUDE",
  DISCIPLINE = "DISCIPLINE",
  HARASSMENT = "HARASSMENT",
  DELAY = "DELAY",
  OTHER = "OTHER",
}
export enum FeedbackOutcome {
  SUBSTANTIATED = "SUBSTANTIATED",
  PARTLY_SUBSTANTIATED = "PARTLY_SUBSTANTIATED",
  UNSUBSTANTIATED = "UNSUBSTANTIATED",
  ANSWERED = "ANSWERED",
}
export enum TargetMetric {
  REDUCED_TIME_SHARE = "REDUCED_TIME_SHARE",
  ON_TIME_RATE = "ON_TIME_RATE",
  ONLINE_SHARE = "ONLINE_SHARE",
  UNITS_INSPECTED_SHARE = "UNITS_INSPECTED_SHARE",
  PETITION_RESOLUTION_RATE = "PETITION_RESOLUTION_RATE",
  SERVICE_INDEX = "SERVICE_INDEX",
  REPORTED = "REPORTED",
}
export enum TargetScope {
  ISSUER_SUBTREE = "ISSUER_SUBTREE",
  EACH_UNIT = "EACH_UNIT",
}

registerEnumType(InspectionKind, {
  name: "InspectionKind",
  description: "Kind of a public-service / administrative-reform inspection (kiểm tra công vụ, kiểm tra CCHC).",
  valuesConfig: {
    ANNOUNCED: { description: "Announced in the inspecting unit's plan (theo kế hoạch)." },
    UNANNOUNCED: { description: "Unannounced (đột xuất)." },
    THEMATIC: { description: "Thematic (chuyên đề)." },
  },
});
registerEnumType(FollowUpStatus, { name: "FollowUpStatus", description: "Status of an inspection's follow-up action: OPEN, DONE or CANCELLED." });
registerEnumType(ReceptionKind, {
  name: "ReceptionKind",
  description: "Kind of a citizen reception session (tiếp công dân).",
  valuesConfig: {
    REGULAR: { description: "The regular reception desk (tiếp thường xuyên)." },
    LEADER_PERIODIC: { description: "A leader's periodic reception day (tiếp định kỳ của thủ trưởng; Law on Citizen Reception 2013, art. 15)." },
    UNSCHEDULED: { description: "Unscheduled (đột xuất)." },
  },
});
registerEnumType(PetitionKind, {
  name: "PetitionKind",
  description: "Kind of a petition (đơn thư); each kind has its statutory time limits (`petitionDeadlines`).",
  valuesConfig: {
    COMPLAINT: { description: "Khiếu nại (Law on Complaints 2011)." },
    DENUNCIATION: { description: "Tố cáo (Law on Denunciations 2018)." },
    RECOMMENDATION: { description: "Kiến nghị (Decree 20/2008/NĐ-CP as amended by 92/2017/NĐ-CP for administrative regulations)." },
    REFLECTION: { description: "Phản ánh (Decree 20/2008/NĐ-CP as amended by 92/2017/NĐ-CP for administrative regulations)." },
  },
});
registerEnumType(PetitionChannel, { name: "PetitionChannel", description: "How a petition or feedback arrived: DIRECT (in person), POST, HOTLINE, PORTAL." });
registerEnumType(PetitionStatus, {
  name: "PetitionStatus",
  description:
    "Status of a petition. RECEIVED → ACCEPTED (thụ lý), NOT_ACCEPTED, TRANSFERRED (to the competent unit, which " +
    "registers it under its own key) or WITHDRAWN; ACCEPTED → RESOLVED or WITHDRAWN. NOT_ACCEPTED, TRANSFERRED, " +
    "RESOLVED and WITHDRAWN are final.",
});
registerEnumType(PetitionAction, {
  name: "PetitionAction",
  description: "What a petition event records: the status it moves to, or EXTENDED (the resolution time extended, the status unchanged).",
});
registerEnumType(PetitionOutcome, {
  name: "PetitionOutcome",
  description: "How a petition was resolved: UPHELD (đúng), PARTLY_UPHELD (đúng một phần), REJECTED (sai), ANSWERED (answered, for recommendations and reflections).",
});
registerEnumType(DayCount, { name: "DayCount", description: "How a time limit counts days: CALENDAR days, or WORKING days of the working calendar." });
registerEnumType(FeedbackTopic, {
  name: "FeedbackTopic",
  description: "Topic of feedback on an official's conduct: ATTITUDE, DISCIPLINE (kỷ luật, kỷ cương), HARASSMENT (nhũng nhiễu, gây phiền hà), DELAY, OTHER.",
});
registerEnumType(FeedbackOutcome, {
  name: "FeedbackOutcome",
  description: "Outcome of feedback on conduct: SUBSTANTIATED, PARTLY_SUBSTANTIATED, UNSUBSTANTIATED after verification, or ANSWERED.",
});
registerEnumType(TargetMetric, {
  name: "TargetMetric",
  description: "What a plan target measures, in percent unless said otherwise (see the README for each formula).",
  valuesConfig: {
    REDUCED_TIME_SHARE: { description: "Share of the unit's procedures whose committed time is at least `parameter`% below the statutory time." },
    ON_TIME_RATE: { description: "Share of the dossiers resolved in the target's period (from `periodFrom` to now) that were early or on time." },
    ONLINE_SHARE: { description: "Share of the dossiers received in the target's period that were submitted online." },
    UNITS_INSPECTED_SHARE: { description: "Share of the units below the unit inspected by an inspection of its subtree in the target's period." },
    PETITION_RESOLUTION_RATE: { description: "Share of the accepted petitions received in the target's period that are resolved." },
    SERVICE_INDEX: { description: "The Decision 766/QĐ-TTg service index total (points out of the scored maximum, as a percentage)." },
    REPORTED: { description: "A value the unit reports (`reportPlanTargetValues`)." },
  },
});
registerEnumType(TargetScope, {
  name: "TargetScope",
  description: "ISSUER_SUBTREE: the target holds for the issuer's subtree as a whole; EACH_UNIT: for each unit of `unitKinds` in it.",
});
