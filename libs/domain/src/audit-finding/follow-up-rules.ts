import { addDays } from '../shared/calendar';
import { FINAL_STATUSES, IsoDate, RecommendationStatus } from './audit-finding.events';

/** Days an OPD has to follow a recommendation up, counted from the report's receipt. */
export const FOLLOW_UP_DAYS = 60;

export const dueDate = (receivedDate: IsoDate): IsoDate => addDays(receivedDate, FOLLOW_UP_DAYS);

export const isFinal = (status: RecommendationStatus): boolean => FINAL_STATUSES.includes(status);

/** A due date has passed only the day after it: the due day itself is still in time. */
export const isPastDue = (due: IsoDate, today: IsoDate): boolean => today > due;

export interface RecommendationProgress {
  status: RecommendationStatus;
  followUpDates: IsoDate[];
  delayExcused: boolean;
}

/**
 * Overdue (docs/domain.md): not final, today after the due date, no follow-up on or before the due
 * date, and no delay reason. Evaluated against `today` whenever it is read, so a finding
 * becomes overdue without any new event.
 */
export function isOverdue(progress: RecommendationProgress, due: IsoDate, today: IsoDate): boolean {
  return !isFinal(progress.status) && isPastDue(due, today) && !progress.followUpDates.some((date) => date <= due) && !progress.delayExcused;
}
