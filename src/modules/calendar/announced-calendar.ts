import { WorkingCalendar, addDays, isWeekend, type CalendarException } from "../../shared/calendar/index.js";

/**
 * The government's announced days off of 2018–2026, as data, each with the notices it comes from: the Prime
 * Minister's decision (Công văn of the Government Office, VPCP-KGVX) and the Ministry of Labour's notice to state
 * agencies (Thông báo TB-LĐTBXH; from March 2025 the Ministry of Home Affairs, TB-BNV). Every block lists all days
 * off of the occasion, weekends included; `worked` lists the Saturdays worked in exchange for a swapped day.
 *
 * Checked against published copies where marked `confirmed` (the notice text was found quoted by a provincial
 * portal or a national newspaper); the other notice numbers are from memory and the dates from the calendars
 * published at the time — the dates are the well-known ones, the numbers should be checked before being cited.
 * 2018–2020 follow the Labour Code 2012 (one National Day holiday); from 2021 the Labour Code 2019 (two).
 */
export interface AnnouncedOccasion {
  name: string;
  /** First and last day off, inclusive. */
  from: string;
  to: string;
  /** Saturdays (or Sundays) worked in exchange for a day off inside the block. */
  worked?: string[];
  notice: string;
  confirmed: boolean;
}

/** Every announced occasion of 2018–2026 (New Year, Tết, Hùng Kings, 30/4–1/5, National Day), by date. */
export const ANNOUNCED_OCCASIONS: readonly AnnouncedOccasion[] = [
  { name: "Tết Dương lịch 2018", from: "2018-01-01", to: "2018-01-01", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "Tết Nguyên đán Mậu Tuất", from: "2018-02-14", to: "2018-02-20", notice: "Thông báo 4979/TB-LĐTBXH (2017)", confirmed: false },
  { name: "Giỗ Tổ Hùng Vương 2018", from: "2018-04-25", to: "2018-04-25", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "lễ 30/4–1/5/2018", from: "2018-04-28", to: "2018-05-01", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "Quốc khánh 2018", from: "2018-09-01", to: "2018-09-03", notice: "Thông báo 4979/TB-LĐTBXH (2017)", confirmed: false },
  { name: "Tết Dương lịch 2019", from: "2018-12-29", to: "2019-01-01", worked: ["2019-01-05"], notice: "Thông báo 5148/TB-LĐTBXH (2018)", confirmed: false },
  { name: "Tết Nguyên đán Kỷ Hợi", from: "2019-02-02", to: "2019-02-10", notice: "Thông báo 5148/TB-LĐTBXH (2018)", confirmed: false },
  { name: "Giỗ Tổ Hùng Vương 2019", from: "2019-04-13", to: "2019-04-15", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "lễ 30/4–1/5/2019", from: "2019-04-27", to: "2019-05-01", worked: ["2019-05-04"], notice: "Thông báo 1032/TB-LĐTBXH (2019)", confirmed: false },
  { name: "Quốc khánh 2019", from: "2019-08-31", to: "2019-09-02", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "Tết Dương lịch 2020", from: "2020-01-01", to: "2020-01-01", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "Tết Nguyên đán Canh Tý", from: "2020-01-23", to: "2020-01-29", notice: "Thông báo 4765/TB-LĐTBXH (2019)", confirmed: false },
  { name: "Giỗ Tổ Hùng Vương 2020", from: "2020-04-02", to: "2020-04-02", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "lễ 30/4–1/5/2020", from: "2020-04-30", to: "2020-05-03", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "Quốc khánh 2020", from: "2020-09-02", to: "2020-09-02", notice: "Bộ luật Lao động 2012, điều 115", confirmed: true },
  { name: "Tết Dương lịch 2021", from: "2021-01-01", to: "2021-01-03", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Tết Nguyên đán Tân Sửu", from: "2021-02-10", to: "2021-02-16", notice: "Thông báo 5208/TB-LĐTBXH (2020)", confirmed: false },
  { name: "Giỗ Tổ Hùng Vương 2021", from: "2021-04-21", to: "2021-04-21", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "lễ 30/4–1/5/2021", from: "2021-04-30", to: "2021-05-03", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Quốc khánh 2021", from: "2021-09-02", to: "2021-09-05", notice: "Thông báo 5208/TB-LĐTBXH (2020)", confirmed: false },
  { name: "Tết Dương lịch 2022", from: "2022-01-01", to: "2022-01-03", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Tết Nguyên đán Nhâm Dần", from: "2022-01-29", to: "2022-02-06", notice: "Thông báo 4445/TB-LĐTBXH (2021)", confirmed: false },
  { name: "Giỗ Tổ Hùng Vương 2022", from: "2022-04-09", to: "2022-04-11", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "lễ 30/4–1/5/2022", from: "2022-04-30", to: "2022-05-03", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Quốc khánh 2022", from: "2022-09-01", to: "2022-09-04", notice: "Thông báo 4445/TB-LĐTBXH (2021)", confirmed: false },
  { name: "Tết Dương lịch 2023", from: "2022-12-31", to: "2023-01-02", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Tết Nguyên đán Quý Mão", from: "2023-01-20", to: "2023-01-26", notice: "Ý kiến của Phó Thủ tướng Vũ Đức Đam (2022); Thông báo 4406/TB-LĐTBXH (2022)", confirmed: true },
  { name: "Giỗ Tổ Hùng Vương và 30/4–1/5/2023", from: "2023-04-29", to: "2023-05-03", notice: "Bộ luật Lao động 2019, điều 111–112", confirmed: true },
  { name: "Quốc khánh 2023", from: "2023-09-01", to: "2023-09-04", notice: "Thông báo 4406/TB-LĐTBXH (2022)", confirmed: false },
  { name: "Tết Dương lịch 2024", from: "2023-12-30", to: "2024-01-01", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Tết Nguyên đán Giáp Thìn", from: "2024-02-08", to: "2024-02-14", notice: "Công văn 8662/VPCP-KGVX ngày 03/11/2023; Thông báo 5015/TB-LĐTBXH ngày 22/11/2023", confirmed: true },
  { name: "Giỗ Tổ Hùng Vương 2024", from: "2024-04-18", to: "2024-04-18", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "lễ 30/4–1/5/2024", from: "2024-04-27", to: "2024-05-01", worked: ["2024-05-04"], notice: "Thông báo 1645/TB-LĐTBXH (2024)", confirmed: false },
  { name: "Quốc khánh 2024", from: "2024-08-31", to: "2024-09-03", notice: "Công văn 8662/VPCP-KGVX ngày 03/11/2023; Thông báo 5015/TB-LĐTBXH ngày 22/11/2023", confirmed: true },
  { name: "Tết Dương lịch 2025", from: "2025-01-01", to: "2025-01-01", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Tết Nguyên đán Ất Tỵ", from: "2025-01-25", to: "2025-02-02", notice: "Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH (2024)", confirmed: true },
  { name: "Giỗ Tổ Hùng Vương 2025", from: "2025-04-05", to: "2025-04-07", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "lễ 30/4–1/5/2025", from: "2025-04-30", to: "2025-05-04", worked: ["2025-04-26"], notice: "Công văn 8726/VPCP-KGVX ngày 26/11/2024; hoán đổi thứ Sáu 02/5 với thứ Bảy 26/4 (Bộ Nội vụ, 2025)", confirmed: true },
  { name: "Quốc khánh 2025", from: "2025-08-30", to: "2025-09-02", notice: "Công văn 8726/VPCP-KGVX ngày 26/11/2024", confirmed: true },
  { name: "Tết Dương lịch 2026", from: "2026-01-01", to: "2026-01-01", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Tết Nguyên đán Bính Ngọ", from: "2026-02-14", to: "2026-02-22", notice: "Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch 2026 (2025)", confirmed: false },
  { name: "Giỗ Tổ Hùng Vương 2026", from: "2026-04-25", to: "2026-04-27", notice: "Bộ luật Lao động 2019, điều 111–112", confirmed: true },
  { name: "lễ 30/4–1/5/2026", from: "2026-04-30", to: "2026-05-03", notice: "Bộ luật Lao động 2019, điều 112", confirmed: true },
  { name: "Quốc khánh 2026", from: "2026-09-01", to: "2026-09-02", notice: "Thông báo của Bộ Nội vụ (2025): 01/9 và 02/9", confirmed: false },
];

/** The years the announced data covers completely. */
export const ANNOUNCED_YEARS = { from: 2018, to: 2026 } as const;

/** An exception with the notice it comes from. */
export interface AnnouncedException extends CalendarException {
  name: string;
  source: string;
}

/**
 * The calendar exceptions that make each year of {@link ANNOUNCED_YEARS} have exactly the announced days off:
 * a weekday off in a block that the default calendar works is a DAY_OFF; a weekday the default calendar gives off
 * (a computed compensatory day, the second National Day holiday before 2021) outside every block, or a worked
 * Saturday, is a WORKING_DAY.
 */
export function announcedExceptions(): AnnouncedException[] {
  const base = new WorkingCalendar();
  const occasionOf = new Map<string, AnnouncedOccasion>();
  const worked = new Map<string, AnnouncedOccasion>();
  for (const occasion of ANNOUNCED_OCCASIONS) {
    for (let d = occasion.from; d <= occasion.to; d = addDays(d, 1)) occasionOf.set(d, occasion);
    for (const d of occasion.worked ?? []) worked.set(d, occasion);
  }
  const result: AnnouncedException[] = [];
  const source = (o: AnnouncedOccasion) => `${o.notice}${o.confirmed ? "" : " (số hiệu chưa đối chiếu)"}`;
  for (let d = `${ANNOUNCED_YEARS.from}-01-01`; d <= `${ANNOUNCED_YEARS.to}-12-31`; d = addDays(d, 1)) {
    const off = occasionOf.get(d);
    const swapped = worked.get(d);
    if (swapped) result.push({ date: d, kind: "WORKING_DAY", name: `Làm việc bù cho nghỉ ${swapped.name}`, source: source(swapped) });
    else if (off && base.isWorkingDay(d)) result.push({ date: d, kind: "DAY_OFF", name: `Nghỉ ${off.name}`, source: source(off) });
    else if (!off && !isWeekend(d) && !base.isWorkingDay(d)) {
      result.push({ date: d, kind: "WORKING_DAY", name: "Làm việc (ngày nghỉ bù đã bố trí trong đợt nghỉ)", source: "lịch nghỉ đã thông báo của năm" });
    }
  }
  return result;
}
