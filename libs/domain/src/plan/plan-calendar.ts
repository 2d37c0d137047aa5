import { addDays } from '../shared/calendar';
import { Quarter } from './plan.events';

/** First day of a quarter of the fiscal (= calendar) year. */
export const quarterStart = (year: number, quarter: Quarter): string => `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;

/** Last day of a quarter: the day before the next quarter starts. */
export const quarterEnd = (year: number, quarter: Quarter): string =>
  quarter === 4 ? `${year}-12-31` : addDays(quarterStart(year, (quarter + 1) as Quarter), -1);

/**
 * The fiscal years a plan may be drafted for: from 2000 (no unit plans further back) to five
 * years ahead of today, the horizon of a medium-term plan (RPJMD/Renstra).
 */
export function planYears(today: string): { earliest: number; latest: number } {
  return { earliest: 2000, latest: Number(today.slice(0, 4)) + 5 };
}
