import { WorkingCalendar, type CalendarException } from "../../src/shared/calendar/index.js";

/**
 * The working calendar with its per-date answers memoised: the generator asks the same few hundred dates millions
 * of times, and the plain calendar parses the date string on every question. Same answers, same rules.
 */
export class MemoCalendar extends WorkingCalendar {
  private readonly working = new Map<string, boolean>();
  private readonly next = new Map<string, string>();

  constructor(exceptions: readonly CalendarException[]) {
    super(exceptions);
  }

  override isWorkingDay(date: string): boolean {
    let answer = this.working.get(date);
    if (answer === undefined) {
      answer = super.isWorkingDay(date);
      this.working.set(date, answer);
    }
    return answer;
  }

  override nextWorkingDay(date: string): string {
    let answer = this.next.get(date);
    if (answer === undefined) {
      answer = super.nextWorkingDay(date);
      this.next.set(date, answer);
    }
    return answer;
  }
}
