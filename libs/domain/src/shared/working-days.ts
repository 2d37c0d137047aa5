import { addDays } from './calendar';

/**
 * The working-day calendar deadlines are counted in (docs/domain.md, Working days): Monday to
 * Friday, less the region's holidays. Dates are `YYYY-MM-DD` on the TIME_ZONE calendar; day 1
 * is the first working day after the event that starts the clock.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(holidays: Iterable<string> = []) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(date: string): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /** The `days`-th working day after `start`: the last day a `days`-working-day deadline allows. */
  addWorkingDays(start: string, days: number): string {
    let date = start;
    for (let counted = 0; counted < days;) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) counted += 1;
    }
    return date;
  }

  /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    let counted = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (this.isWorkingDay(date)) counted += 1;
    return counted;
  }
}
