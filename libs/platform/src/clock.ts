/**
 * What day it is, for rules that depend on the calendar (a recommendation becomes overdue
 * without any new event). Injected so tests can set the day instead of waiting for it.
 */
export abstract class Clock {
  /** Today's date (`YYYY-MM-DD`) where the government works, not where the server runs. */
  abstract today(): string;

  /** One reading for a whole request: the instant and the day it falls on agree. */
  read(): { now: string; today: string } {
    return { now: new Date().toISOString(), today: this.today() };
  }

  /** The date an instant falls on in that calendar: "today" for a state as of that instant. */
  abstract dayOf(instant: Date): string;
}

export class SystemClock extends Clock {
  private readonly calendarDay: Intl.DateTimeFormat;
  /** The day of the minute last asked about: formatting with Intl cost every request some 30 µs. */
  private last = { minute: NaN, day: '' };

  constructor(timeZone: string) {
    super();
    // en-CA writes dates as YYYY-MM-DD.
    this.calendarDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  today(): string {
    return this.dayOf(new Date());
  }

  dayOf(instant: Date): string {
    // Every time zone in use is offset from UTC by whole minutes: a minute falls on one day.
    const minute = Math.floor(instant.getTime() / 60_000);
    if (minute !== this.last.minute) this.last = { minute, day: this.calendarDay.format(instant) };
    return this.last.day;
  }
}
