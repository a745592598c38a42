import { parseInstant, parseStatus } from "../mapping/values.js";
import { present, type Entity } from "./entity.js";

/** Status events and hand-overs, one row each; rows of one dossier are sent in file order. */
export const events: Entity = {
  name: "events",
  summary: "status events and hand-overs of dossiers (recordDossierEvents), in time order per dossier",
  ordering: "lanes",
  columns: [
    { field: "id", aliases: ["Mã sự kiện"], required: true, description: "your event id, the idempotency key (prefix it with your system's code)" },
    { field: "dossierCode", aliases: ["Mã hồ sơ"], required: true, description: "dossier code" },
    { field: "status", aliases: ["Trạng thái"], required: true, description: "status after the event: 1–10, Vietnamese name or enum" },
    { field: "at", aliases: ["Thời điểm", "Ngày cập nhật"], required: true, description: "when, dd/MM/yyyy HH:mm[:ss] (Vietnam) or ISO 8601 with offset" },
    { field: "agencyCode", aliases: ["Đơn vị xử lý"], description: "holding agency after the event (another one: a hand-over)" },
    { field: "note", aliases: ["Ghi chú"], description: "free text" },
  ],
  toWork(values) {
    const input = present({
      id: values.id,
      dossierCode: values.dossierCode,
      status: parseStatus("status", values.status!),
      at: parseInstant("at", values.at!),
      agencyCode: values.agencyCode,
      note: values.note,
    });
    return { items: [{ mutation: "recordDossierEvents", input }], lane: values.dossierCode };
  },
};
