import { APPLICANT_KINDS } from "../contract.js";
import { RowError } from "../errors.js";
import { parseBoolean, parseChannel, parseEnum, parseInstant, parseStatus } from "../mapping/values.js";
import { deriveHistory } from "./dossier-history.js";
import { present, type Entity, type RowValues } from "./entity.js";

/** How far ahead of this machine's clock an instant may be (the hub tolerates the same skew). */
const CLOCK_SKEW_MS = 5 * 60_000;

function notFuture(field: string, at: string | undefined): void {
  if (at && Date.parse(at) > Date.now() + CLOCK_SKEW_MS) throw new RowError("INVALID_DATE", `${field} must not be in the future`, field);
}

const instant = (values: RowValues, field: string) => (values[field] === undefined ? undefined : parseInstant(field, values[field]));
const flag = (values: RowValues, field: string) => (values[field] === undefined ? undefined : parseBoolean(field, values[field]));

/** Dossier snapshots: one row per dossier with its current status; the events are derived (see dossier-history). */
export const dossiers: Entity = {
  name: "dossiers",
  summary: "dossiers (hồ sơ), one row each with its current status; the events leading to it are derived",
  ordering: "free",
  columns: [
    { field: "code", aliases: ["Mã hồ sơ"], required: true, description: "dossier code, e.g. 000.17.22.H56-210531-0001" },
    { field: "procedureCode", aliases: ["Mã thủ tục"], required: true, description: "procedure (TTHC) code" },
    { field: "agencyCode", aliases: ["Mã đơn vị"], required: true, description: "receiving agency's electronic code" },
    { field: "channel", aliases: ["Kênh nộp"], required: true, description: "Trực tiếp / Trực tuyến / Bưu chính, 1–3 or DIRECT/ONLINE/POSTAL" },
    { field: "receivedAt", aliases: ["Ngày tiếp nhận"], required: true, description: "receipt, dd/MM/yyyy HH:mm[:ss] (Vietnam) or ISO 8601 with offset" },
    { field: "dueAt", aliases: ["Ngày hẹn trả"], description: "due instant; computed by the hub when empty" },
    { field: "status", aliases: ["Trạng thái"], description: "current status: portal code 1–10, its Vietnamese name or the enum; default ACCEPTED" },
    { field: "statusAt", aliases: ["Ngày cập nhật trạng thái", "Ngày cập nhật"], description: "when the current status was reached" },
    { field: "resolvedAt", aliases: ["Ngày có kết quả"], description: "when the result was ready (status 9, 10)" },
    { field: "returnedAt", aliases: ["Ngày trả kết quả"], description: "when the result was returned (status 10)" },
    { field: "applicantName", aliases: ["Họ tên người nộp", "Người nộp"], description: "applicant's name" },
    { field: "applicantIdentityNumber", aliases: ["Số giấy tờ", "Số CCCD", "Số CMND"], description: "identity or tax number" },
    { field: "applicantPhone", aliases: ["Số điện thoại"], description: "phone number" },
    { field: "applicantKind", description: "CITIZEN or ORGANISATION" },
    { field: "applicantEmail", aliases: ["Email", "Thư điện tử"], description: "e-mail address" },
    { field: "applicantAddress", aliases: ["Địa chỉ"], description: "postal address" },
    { field: "paidOnline", description: "fees paid online (true/false)" },
    { field: "digitised", description: "documents digitised (true/false)" },
    { field: "electronicResult", description: "result issued electronically (true/false)" },
  ],
  toWork(values) {
    const code = values.code!;
    const receivedAt = parseInstant("receivedAt", values.receivedAt!);
    const snapshot = {
      code,
      receivedAt,
      status: values.status === undefined ? ("ACCEPTED" as const) : parseStatus("status", values.status),
      statusAt: instant(values, "statusAt"),
      resolvedAt: instant(values, "resolvedAt"),
      returnedAt: instant(values, "returnedAt"),
    };
    const dueAt = instant(values, "dueAt");
    for (const field of ["receivedAt", "statusAt", "resolvedAt", "returnedAt"] as const) notFuture(field, snapshot[field]);
    if (dueAt && Date.parse(dueAt) <= Date.parse(receivedAt)) throw new RowError("INVALID_DATE", "dueAt must be after receivedAt", "dueAt");
    const history = deriveHistory(snapshot);
    const hasApplicant = ["applicantName", "applicantIdentityNumber", "applicantPhone", "applicantEmail", "applicantAddress"].some((f) => values[f] !== undefined);
    if (hasApplicant && values.applicantName === undefined) {
      throw new RowError("MISSING_VALUE", "applicantName is required when other applicant columns are filled", "applicantName");
    }
    const dossier = present({
      code,
      procedureCode: values.procedureCode,
      agencyCode: values.agencyCode,
      channel: parseChannel("channel", values.channel!),
      receivedAt,
      dueAt,
      initialStatus: history.initialStatus,
      applicant: hasApplicant
        ? present({
            name: values.applicantName,
            identityNumber: values.applicantIdentityNumber,
            phone: values.applicantPhone,
            email: values.applicantEmail,
            address: values.applicantAddress,
            kind: values.applicantKind === undefined ? undefined : parseEnum("applicantKind", values.applicantKind, APPLICANT_KINDS),
          })
        : undefined,
      paidOnline: flag(values, "paidOnline"),
      digitised: flag(values, "digitised"),
      electronicResult: flag(values, "electronicResult"),
    });
    return {
      items: [
        { mutation: "submitDossiers", input: dossier },
        ...history.events.map((event) => ({ mutation: "recordDossierEvents" as const, input: { ...event } })),
      ],
    };
  },
};
