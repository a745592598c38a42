import { newProvinceCodes } from "../support/codes.js";

/** A province tree and its procedures as CSV files the importer reads (children listed before their parents). */
export function catalogueFiles() {
  const codes = newProvinceCodes();
  const district = codes.child(10);
  const communes = [codes.commune(10, 1), codes.commune(10, 2)];
  const units = [
    "code,name,kind,parentCode",
    `${communes[0]},Xã Đông Dư,COMMUNE,${district}`,
    `${communes[1]},"Thị trấn Trâu Quỳ",TOWNSHIP,${district}`,
    `${district},Huyện Thử nghiệm,DISTRICT,${codes.province}`,
    `${codes.province},Tỉnh Thử nghiệm ${codes.province},PROVINCE,`,
  ].join("\n");
  const suffix = codes.province.slice(-3);
  const procedureCodes = [`1.0010${suffix.slice(1)}.${codes.province}`, `2.0020${suffix.slice(1)}.${codes.province}`];
  const procedures = [
    "Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Thời hạn giải quyết;committedDays;agencyCodes",
    `${procedureCodes[0]};Chứng thực bản sao từ bản chính;Tư pháp;Cấp xã;2;1;${communes.join("|")}`,
    `${procedureCodes[1]};"Đăng ký khai sinh; khai tử";Hộ tịch;Cấp huyện;5;3;${district}`,
  ].join("\n");
  return { codes, district, communes, procedureCodes, units, procedures };
}

const STATUS_WORDS = ["Đã tiếp nhận", "4", "Đang xử lý", "Đã xử lý xong", "10", "Đã trả kết quả", "Yêu cầu bổ sung", "1", "không tiếp nhận", "Dừng xử lý"];
const CHANNELS = ["Trực tiếp", "Trực tuyến", "Bưu chính", "2"];
const pad = (n: number) => String(n).padStart(2, "0");

/** `dd/MM/yyyy HH:mm` of a Vietnamese wall-clock time. */
function vn(day: Date, hour: number, minute: number): string {
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()} ${pad(hour)}:${pad(minute)}`;
}

/**
 * A one-stop export of `count` dossiers with the Vietnamese preset headers (semicolon, BOM), statuses written as
 * names and codes; returns the text and, per data row, its dossier code (null for rows that are not dossiers).
 */
export function dossierCsv(agencies: string[], procedureCodes: string[], count: number, start = new Date(Date.UTC(2024, 2, 1))): { text: string; codes: string[] } {
  const lines = ["\uFEFFMã hồ sơ;Mã thủ tục;Mã đơn vị;Kênh nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Ngày trả kết quả;Trạng thái;Họ tên người nộp;Số giấy tờ;Số điện thoại"];
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const agency = agencies[i % agencies.length]!;
    const day = new Date(start.getTime() + Math.floor(i / 50) * 86_400_000);
    const yymmdd = `${String(day.getUTCFullYear()).slice(2)}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`;
    const code = `${agency}-${yymmdd}-${String(i).padStart(5, "0")}`;
    const status = STATUS_WORDS[i % STATUS_WORDS.length]!;
    const resolved = new Date(day.getTime() + ((i % 4) + 1) * 86_400_000);
    const needsResolved = ["Đã xử lý xong", "10", "Đã trả kết quả"].includes(status);
    const needsReturned = ["10", "Đã trả kết quả"].includes(status);
    const due = new Date(day.getTime() + 3 * 86_400_000);
    lines.push(
      [
        code,
        procedureCodes[i % procedureCodes.length],
        agency,
        CHANNELS[i % CHANNELS.length],
        vn(day, 8 + (i % 7), i % 60),
        `${pad(due.getUTCDate())}/${pad(due.getUTCMonth() + 1)}/${due.getUTCFullYear()} 17:00:00`,
        needsResolved ? vn(resolved, 16, 0) : "",
        needsReturned ? vn(resolved, 17, 30) : "",
        status,
        i % 3 === 0 ? `"Nguyễn Văn ${i}\nxóm Đông"` : `Trần Thị ${i}`,
        `0010900${String(i).padStart(5, "0")}`,
        `09${String(i).padStart(8, "0")}`,
      ].join(";"),
    );
    codes.push(code);
  }
  return { text: `${lines.join("\r\n")}\r\n`, codes };
}
