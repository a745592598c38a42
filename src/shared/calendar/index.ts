/** Vietnamese working-day calendar: lunar conversion, public holidays and due-date arithmetic. Pure, no I/O. */
export { solarToLunar, lunarToSolar, type LunarDate, type SolarDate } from "./lunar.js";
export {
  statutoryHolidays,
  compensatoryDays,
  publicHolidays,
  HOLIDAY_NAMES,
  type Holiday,
  type HolidayKind,
  type HolidayOptions,
  type NationalDayExtra,
} from "./holidays.js";
export {
  WorkingCalendar,
  exceptionsFromBlock,
  DEFAULT_EXCEPTION_NAME,
  type CalendarException,
  type DayOff,
  type DayOffKind,
  type DueDateOptions,
  type ExceptionKind,
} from "./working-days.js";
export { toVnDate, vnDateTime, addDays, weekday, isWeekend, VN_UTC_OFFSET_HOURS } from "./dates.js";
