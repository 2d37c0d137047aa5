import { addDays } from '../shared/calendar';
import { Quarter } from './plan.events';

/** First day of a quarter of the fiscal (= calendar) year. */
export const quarterStart = (year: number, quarter: Quarter): string => `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;

/** Last day of a quarter: the day before the next quarter starts. */
export const quarterEnd = (year: number, quarter: Quarter): string =>
  quarter === 4 ? `${year}-12-31` : addDays(quarterStart(year, (quarter + 1) as Quarter), -1);
