import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";

export enum CalendarExceptionKind {
  DAY_OFF = "DAY_OFF",
  WORKING_DAY = "WORKING_DAY",
}
registerEnumType(CalendarExceptionKind, {
  name: "CalendarExceptionKind",
  description: "An announced deviation from the default working calendar.",
  valuesConfig: {
    DAY_OFF: { description: "An extra day off announced by the government (e.g. an additional Tết day, a swapped weekday)." },
    WORKING_DAY: { description: "A day announced as worked, typically a Saturday worked in exchange for a swapped day off." },
  },
});

export enum CalendarDayKind {
  STATUTORY = "STATUTORY",
  COMPENSATORY = "COMPENSATORY",
  DAY_OFF = "DAY_OFF",
  WORKING_DAY = "WORKING_DAY",
}
registerEnumType(CalendarDayKind, {
  name: "CalendarDayKind",
  description: "Why a day is listed in the working calendar.",
  valuesConfig: {
    STATUTORY: { description: "A public holiday of the Labour Code (art. 112), also when it falls on a weekend." },
    COMPENSATORY: { description: "A day off making up for a public holiday that fell on a weekend (art. 111)." },
    DAY_OFF: { description: "An announced extra day off (a calendar exception)." },
    WORKING_DAY: { description: "An announced working day on what would be a day off, e.g. a working Saturday." },
  },
});

@ObjectType({ simpleResolvers: true, description: "One listed day of the working calendar." })
export class CalendarDay {
  @Field(() => DateScalar, { description: "The date (Vietnam)." })
  date!: string;

  @Field(() => String, { description: "Name, e.g. `Tết Nguyên đán` or `Nghỉ bù Quốc khánh`." })
  name!: string;

  @Field(() => CalendarDayKind, { description: "Why the day is listed." })
  kind!: CalendarDayKind;
}

@ObjectType({ simpleResolvers: true, description: "An announced exception as stored (what `setCalendarExceptions` replaces)." })
export class CalendarException {
  @Field(() => DateScalar, { description: "The date (Vietnam)." })
  date!: string;

  @Field(() => CalendarExceptionKind, { description: "Day off or working day." })
  kind!: CalendarExceptionKind;

  @Field(() => String, { description: "Name shown in the calendar." })
  name!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The working calendar of state agencies for one year: Monday–Friday minus public holidays, with the " +
    "government's announced exceptions applied. Due dates of dossiers are counted on it.",
})
export class WorkingCalendarYear {
  @Field(() => Int, { description: "The year." })
  year!: number;

  @Field(() => [CalendarDay], {
    description: "Every day off other than ordinary weekends, by date: statutory holidays, compensatory days and announced days off.",
  })
  daysOff!: CalendarDay[];

  @Field(() => [CalendarDay], { description: "Announced working days on what would be days off (e.g. working Saturdays), by date." })
  workingDays!: CalendarDay[];

  @Field(() => [CalendarException], { description: "The announced exceptions of the year as stored, by date." })
  exceptions!: CalendarException[];

  @Field(() => Int, { description: "Number of working days in the year." })
  workingDayCount!: number;
}

@InputType({ description: "One announced exception of a year's working calendar." })
export class CalendarExceptionInput {
  @Field(() => DateScalar, { description: "The date (Vietnam); must lie in the year being set." })
  date!: string;

  @Field(() => CalendarExceptionKind, { description: "Day off or working day." })
  kind!: CalendarExceptionKind;

  @Field(() => String, {
    nullable: true,
    description: "Name shown in the calendar, at most 200 characters; defaults to `Nghỉ theo thông báo` / `Làm việc theo thông báo`.",
  })
  name?: string | null;
}
