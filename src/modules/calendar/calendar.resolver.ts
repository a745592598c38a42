import { Arg, Ctx, Float, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { dueDate, setCalendarExceptions, workingCalendarYear } from "./calendar.service.js";
import { CalendarExceptionInput, WorkingCalendarYear } from "./calendar.types.js";

@Resolver()
export class CalendarResolver {
  @Query(() => WorkingCalendarYear, {
    description: "The working calendar of a year: public holidays, compensatory days, announced days off and working days. Public.",
  })
  workingCalendar(
    @Arg("year", () => Int, { description: "The year, 1900–2199." }) year: number,
    @Ctx() ctx: Context,
  ): Promise<WorkingCalendarYear> {
    return workingCalendarYear(ctx.db, year);
  }

  @Query(() => Date, {
    description:
      "The due instant of a processing time counted in working days from a receipt, as computed for dossiers: a " +
      "receipt at or after the cut-off hour (15:00 unless configured) or on a day off counts from the next working " +
      "day; half days are rounded up; due at 17:00 of the last day. Public.",
  })
  dueDate(
    @Arg("receivedAt", () => Date, { description: "The receipt instant." }) receivedAt: Date,
    @Arg("workingDays", () => Float, { description: "Processing time in working days (0–3650; half days allowed)." }) workingDays: number,
    @Ctx() ctx: Context,
  ): Promise<Date> {
    return dueDate(ctx, receivedAt, workingDays);
  }

  @Mutation(() => WorkingCalendarYear, {
    description:
      "Replaces the announced exceptions of one year (swapped days, extra Tết days, working Saturdays) and returns " +
      "the resulting calendar. Administrator tokens without a unit scope only. Stored due dates are not recomputed.",
  })
  setCalendarExceptions(
    @Arg("year", () => Int, { description: "The year whose exceptions are replaced." }) year: number,
    @Arg("exceptions", () => [CalendarExceptionInput], { description: "The complete list of the year's exceptions; empty clears them." })
    exceptions: CalendarExceptionInput[],
    @Ctx() ctx: Context,
  ): Promise<WorkingCalendarYear> {
    return setCalendarExceptions(ctx, year, exceptions);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const calendarResolvers = [CalendarResolver] as const;
