import { describe, expect, it } from "vitest";
import { deriveHistory } from "../../src/cli/entities/dossier-history.js";
import { dossiers } from "../../src/cli/entities/dossiers.js";
import { RowError, FatalError } from "../../src/cli/errors.js";
import { resolveHeaders } from "../../src/cli/mapping/columns.js";
import { parseChannel, parseInstant, parseStatus } from "../../src/cli/mapping/values.js";

const PRESET: Record<string, string> = {
  "Mã hồ sơ": "code",
  "Mã thủ tục": "procedureCode",
  "Mã đơn vị": "agencyCode",
  "Kênh nộp": "channel",
  "Ngày tiếp nhận": "receivedAt",
  "Ngày hẹn trả": "dueAt",
  "Ngày có kết quả": "resolvedAt",
  "Ngày trả kết quả": "returnedAt",
  "Trạng thái": "status",
  "Họ tên người nộp": "applicantName",
  "Số giấy tờ": "applicantIdentityNumber",
  "Số điện thoại": "applicantPhone",
};

describe("dossier columns", () => {
  it("recognises every preset header, in any case and with or without diacritics", () => {
    const headers = Object.keys(PRESET);
    expect(resolveHeaders(headers, dossiers.columns, new Map())).toEqual(Object.values(PRESET));
    const folded = headers.map((h) => h.toUpperCase());
    expect(resolveHeaders(folded, dossiers.columns, new Map())).toEqual(Object.values(PRESET));
    const plain = ["Ma ho so", "ma thu tuc", "MA DON VI", "Kenh nop", "ngay tiep nhan", "Ngay hen tra", "ngay co ket qua", "ngay tra ket qua", "trang thai", "ho ten nguoi nop", "so giay to", "so dien thoai"];
    expect(resolveHeaders(plain, dossiers.columns, new Map())).toEqual(Object.values(PRESET));
  });

  it("takes the contract's field names and a mapping file's headers, and names every unknown or missing column", () => {
    expect(resolveHeaders(["code", "procedureCode", "agencyCode", "channel", "receivedAt"], dossiers.columns, new Map())).toHaveLength(5);
    const mapping = new Map<string, string | null>([["sohoso", "code"], ["ghichu", null]]);
    expect(resolveHeaders(["Số hồ sơ", "Ghi chú", "procedureCode", "agencyCode", "channel", "receivedAt"], dossiers.columns, mapping)).toEqual([
      "code", null, "procedureCode", "agencyCode", "channel", "receivedAt",
    ]);
    expect(() => resolveHeaders(["code", "Cột lạ", "agencyCode"], dossiers.columns, new Map())).toThrow(FatalError);
    expect(() => resolveHeaders(["code", "Cột lạ", "agencyCode"], dossiers.columns, new Map())).toThrow(/unknown column "Cột lạ".*missing column procedureCode/s);
  });
});

describe("values", () => {
  it("reads channels as words, portal codes and enum names", () => {
    expect(["Trực tiếp", "truc tiep", "1", "DIRECT"].map((v) => parseChannel("channel", v))).toEqual(["DIRECT", "DIRECT", "DIRECT", "DIRECT"]);
    expect(["Trực tuyến", "2", "online"].map((v) => parseChannel("channel", v))).toEqual(["ONLINE", "ONLINE", "ONLINE"]);
    expect(["Bưu chính", "Bưu chính công ích", "3"].map((v) => parseChannel("channel", v))).toEqual(["POSTAL", "POSTAL", "POSTAL"]);
    expect(() => parseChannel("channel", "4")).toThrow(RowError);
  });

  it("reads statuses as portal codes 1–10, Vietnamese names and enum names", () => {
    const expected = ["SUBMITTED", "ACCEPTED", "NOT_ACCEPTED", "IN_PROCESS", "SUPPLEMENT_REQUESTED", "PAYMENT_REQUESTED", "WITHDRAWAL_REQUESTED", "STOPPED", "RESOLVED", "RETURNED"];
    expect(expected.map((_, i) => parseStatus("status", String(i + 1)))).toEqual(expected);
    const names = ["Chờ tiếp nhận", "Đã tiếp nhận", "Không tiếp nhận", "Đang xử lý", "Yêu cầu bổ sung", "Yêu cầu thực hiện nghĩa vụ tài chính", "Công dân yêu cầu rút hồ sơ", "Dừng xử lý", "Đã xử lý xong", "Đã trả kết quả"];
    expect(names.map((n) => parseStatus("status", n))).toEqual(expected);
    expect(names.map((n) => parseStatus("status", n.toUpperCase()))).toEqual(expected);
    expect(expected.map((n) => parseStatus("status", n.toLowerCase()))).toEqual(expected);
    expect(() => parseStatus("status", "11")).toThrow(/portal status code 1–10/);
  });

  it("reads dd/MM/yyyy HH:mm[:ss] as Vietnam time and ISO 8601 with any offset", () => {
    expect(parseInstant("receivedAt", "31/05/2021 08:30")).toBe("2021-05-31T08:30:00+07:00");
    expect(parseInstant("receivedAt", "31/05/2021 08:30:15")).toBe("2021-05-31T08:30:15+07:00");
    expect(parseInstant("receivedAt", "1/6/2021 7:05")).toBe("2021-06-01T07:05:00+07:00");
    expect(parseInstant("receivedAt", "01/06/2021")).toBe("2021-06-01T00:00:00+07:00");
    expect(parseInstant("receivedAt", "2021-05-31T01:30:00Z")).toBe("2021-05-31T08:30:00+07:00");
    expect(parseInstant("receivedAt", "2021-05-31T08:30:00+07:00")).toBe("2021-05-31T08:30:00+07:00");
    expect(parseInstant("receivedAt", "2021-05-31T09:30:00.000+08:00")).toBe("2021-05-31T08:30:00+07:00");
    for (const bad of ["31/02/2021 08:00", "2021-05-31T08:30:00", "31/05/2021 25:00", "hôm qua"]) {
      expect(() => parseInstant("receivedAt", bad)).toThrow(RowError);
    }
  });
});

describe("history from a snapshot", () => {
  const base = { code: "000.17.22.H56-210531-0001", receivedAt: "2021-05-31T08:30:00+07:00" };

  it("derives the events leading to each status, with ids from the code and the step", () => {
    const ids = (status: Parameters<typeof deriveHistory>[0]["status"], extra = {}) => {
      const history = deriveHistory({ ...base, status, ...extra });
      return [history.initialStatus, ...history.events.map((e) => e.id.split(":")[1])];
    };
    expect(ids("SUBMITTED")).toEqual(["SUBMITTED"]);
    expect(ids("ACCEPTED")).toEqual(["ACCEPTED"]);
    expect(ids("NOT_ACCEPTED")).toEqual(["SUBMITTED", "NOT_ACCEPTED"]);
    expect(ids("IN_PROCESS")).toEqual(["ACCEPTED", "IN_PROCESS"]);
    expect(ids("SUPPLEMENT_REQUESTED")).toEqual(["ACCEPTED", "IN_PROCESS", "SUPPLEMENT_REQUESTED"]);
    expect(ids("STOPPED")).toEqual(["ACCEPTED", "IN_PROCESS", "STOPPED"]);
    expect(ids("RESOLVED", { resolvedAt: "2021-06-02T10:00:00+07:00" })).toEqual(["ACCEPTED", "IN_PROCESS", "RESOLVED"]);
    const returned = deriveHistory({ ...base, status: "RETURNED", resolvedAt: "2021-06-02T10:00:00+07:00", returnedAt: "2021-06-03T09:00:00+07:00" });
    expect(returned.events).toEqual([
      { id: `${base.code}:IN_PROCESS`, dossierCode: base.code, status: "IN_PROCESS", at: base.receivedAt },
      { id: `${base.code}:RESOLVED`, dossierCode: base.code, status: "RESOLVED", at: "2021-06-02T10:00:00+07:00" },
      { id: `${base.code}:RETURNED`, dossierCode: base.code, status: "RETURNED", at: "2021-06-03T09:00:00+07:00" },
    ]);
  });

  it("a newer snapshot repeats the earlier steps exactly and adds only the new ones", () => {
    const earlier = deriveHistory({ ...base, status: "RESOLVED", resolvedAt: "2021-06-02T10:00:00+07:00" }).events;
    const later = deriveHistory({ ...base, status: "RETURNED", resolvedAt: "2021-06-02T10:00:00+07:00", returnedAt: "2021-06-03T09:00:00+07:00" }).events;
    expect(later.slice(0, earlier.length)).toEqual(earlier);
  });

  it("rejects a resolved dossier without its result date and dates out of order, naming the field", () => {
    expect(() => deriveHistory({ ...base, status: "RESOLVED" })).toThrow(expect.objectContaining({ code: "MISSING_VALUE", field: "resolvedAt" }));
    expect(() => deriveHistory({ ...base, status: "RESOLVED", resolvedAt: "2021-05-30T10:00:00+07:00" })).toThrow(expect.objectContaining({ code: "OUT_OF_ORDER", field: "resolvedAt" }));
  });
});
