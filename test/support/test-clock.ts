import { SystemClock } from '@app/platform';

/** A calendar a test sets to the day it needs ("today is the 61st day after receipt"). */
export class TestClock extends SystemClock {
  constructor(private day: string) {
    super('Asia/Jakarta');
  }

  setToday(day: string): void {
    this.day = day;
  }

  override today(): string {
    return this.day;
  }
}
