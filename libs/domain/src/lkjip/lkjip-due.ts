import { addDays } from '../shared/calendar';
import { LkjipDocument } from './lkjip-document';

/**
 * LKJIP_DUE: when an OPD's report for `year` is due to the regent, a calendar day of the next
 * year. By default the end of February (two months after the fiscal year ends, common in
 * Perbup; unconfirmed as a regulation), so 29 February in a leap year.
 */
const SETTING = /^(\d{2})-(\d{2})$/;

/** The day before the first of the next month. */
const monthEnd = (year: number, month: number): number =>
  Number(addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1).slice(8));

/**
 * Whether a configured LKJIP_DUE is a month and day (`MM-DD`) that some year has; for the
 * configuration to check at start-up. `02-29` is accepted.
 */
export function isLkjipDueSetting(setting: string): boolean {
  const match = SETTING.exec(setting);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= monthEnd(2000, month);
}

/**
 * The due date of the report for `year`. A configured `MM-DD` (of the next year) past the end of
 * its month in that year is that month's last day: the spec is silent, and `02-29` can only mean
 * the end of February.
 */
export function lkjipDueDate(year: number, dueSetting?: string): string {
  const next = year + 1;
  if (dueSetting === undefined) return addDays(`${next}-03-01`, -1);
  if (!isLkjipDueSetting(dueSetting)) throw new Error(`LKJIP_DUE must be MM-DD, not ${JSON.stringify(dueSetting)}`);
  const [month, day] = dueSetting.split('-').map(Number);
  return `${next}-${String(month).padStart(2, '0')}-${String(Math.min(day, monthEnd(next, month))).padStart(2, '0')}`;
}

/**
 * LKJIP_LATE: not submitted by the due date, evaluated against `today` whenever it is read. The
 * first submission decides (the spec is silent on returns): a report submitted on time and
 * returned after the due date was submitted on time. A report that does not exist yet is not
 * submitted either, so `null` is late once the due date has passed.
 */
export function isLate(document: Pick<LkjipDocument, 'submissions'> | null, today: string, due: string): boolean {
  const first = document?.submissions[0];
  return first ? first.on > due : today > due;
}
