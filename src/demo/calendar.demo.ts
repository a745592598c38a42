import { setCalendarExceptions } from "../modules/calendar/calendar.service.js";
import { CalendarExceptionKind } from "../modules/calendar/calendar.types.js";
import type { BatchContext } from "../shared/batch.js";
import { exceptionsFromBlock } from "../shared/calendar/index.js";
import facts from "./facts.json" with { type: "json" };

/**
 * The announced holiday blocks of facts.json (Tết 2020, Tết 2026) as the administrator would enter them: the extra
 * days off they add and the computed compensatory days they make working days.
 */
export async function loadDemoCalendar(writer: BatchContext): Promise<void> {
  for (const block of facts.holidays.announcedBlocks) {
    const year = Number(block.from.slice(0, 4));
    const exceptions = exceptionsFromBlock(block.from, block.to, `Nghỉ ${block.name}`).map((e) => ({
      date: e.date,
      kind: e.kind === "DAY_OFF" ? CalendarExceptionKind.DAY_OFF : CalendarExceptionKind.WORKING_DAY,
      name: e.name ?? null,
    }));
    await setCalendarExceptions(writer, year, exceptions);
  }
}
