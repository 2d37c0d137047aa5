import { unreachable } from '@app/decider';
import { isPastDue } from '../audit-finding/follow-up-rules';
import { isLate, lkjipDueDate } from '../lkjip/lkjip-due';
import { isLateCorrection, isLateReport, PlanViewSettings } from '../plan/plan-view';

/** The red-flag table of docs/domain.md: what the inspectorate's register lists. */
export const RED_FLAG_CODES = [
  'TARGET_LOWERED_LATE',
  'LATE_REPORT',
  'LATE_CORRECTION',
  'RECOMMENDATION_OVERDUE',
  'LKJIP_LATE',
  'GRATIFICATION_REPORTED_LATE',
  'GRATIFICATION_FORWARD_LATE',
  'ZI_ACTIVITY_OVERDUE',
  'COMPLAINT_VERIFICATION_LATE',
  'COMPLAINT_RESPONSE_LATE',
] as const;
export type RedFlagCode = (typeof RED_FLAG_CODES)[number];

/**
 * A flag's identity: its code, the stream that raised it and what in the stream it is about
 * (a quarter, an indicator, a recommendation…). The same flag raised again replaces itself.
 */
export const redFlagId = (code: RedFlagCode, stream: string, what: string): string => `${code}|${stream}|${what}`;

/**
 * A flag as the register keeps it before judging: the figures that decide it, not the verdict,
 * so a changed limit needs no rebuild and a due date passes without a new event.
 */
export interface RedFlagCandidate {
  code: RedFlagCode;
  year: number;
  /** LATE_REPORT: days after the quarter ended; LATE_CORRECTION: days after the original report. */
  days: number | null;
  /**
   * RECOMMENDATION_OVERDUE, ZI_ACTIVITY_OVERDUE: overdue once today is after it, while `open`
   * (null for an activity the action plan no longer has); GRATIFICATION_FORWARD_LATE: the
   * forwarding's last day; COMPLAINT_VERIFICATION_LATE, COMPLAINT_RESPONSE_LATE: the clock's
   * last working day.
   */
  dueDate: string | null;
  /**
   * RECOMMENDATION_OVERDUE: would be overdue once its due date passes (finding-tally's rule);
   * ZI_ACTIVITY_OVERDUE: the activity's latest report is not DONE.
   */
  open: boolean;
  /**
   * LKJIP_LATE: the first submission's day; GRATIFICATION_FORWARD_LATE: the day the UPG forwarded
   * or closed it; COMPLAINT_*_LATE: the day the admin decided or the OPD responded; null while not.
   */
  submittedOn: string | null;
}

export interface RedFlagSettings {
  plan: Pick<PlanViewSettings, 'reportDueDays' | 'lateCorrectionDays'>;
  /** LKJIP_DUE, or undefined for the end of February. */
  lkjipDue: string | undefined;
}

/**
 * Whether a candidate is a red flag on `today`: the rules of the plan's own flags, the finding's
 * overdue and the LKjIP's lateness, judged the way their contexts judge them. The register pages
 * in SQL and so says the same in its query (red-flag-queries.ts); red-flag-verdicts.int-spec.ts
 * holds the two to the same cases.
 */
export function isRedFlag(candidate: RedFlagCandidate, today: string, settings: RedFlagSettings): boolean {
  switch (candidate.code) {
    case 'LATE_REPORT':
      return isLateReport(candidate.days ?? 0, settings.plan);
    case 'LATE_CORRECTION':
      return isLateCorrection(candidate.days ?? 0, settings.plan);
    // Raised only when a late revision eased a target: the event is the verdict.
    case 'TARGET_LOWERED_LATE':
      return true;
    case 'RECOMMENDATION_OVERDUE':
    case 'ZI_ACTIVITY_OVERDUE':
      return candidate.open && candidate.dueDate !== null && isPastDue(candidate.dueDate, today);
    case 'LKJIP_LATE': {
      const submissions = candidate.submittedOn === null ? [] : [{ at: '', on: candidate.submittedOn }];
      return isLate({ submissions }, today, lkjipDueDate(candidate.year, settings.lkjipDue));
    }
    // Raised only when the report came more than 10 working days after receipt: the event is the verdict.
    case 'GRATIFICATION_REPORTED_LATE':
      return true;
    // Settled (forwarded or closed; verified or decided; responded) after its last day, or not settled once today is past it.
    case 'GRATIFICATION_FORWARD_LATE':
    case 'COMPLAINT_VERIFICATION_LATE':
    case 'COMPLAINT_RESPONSE_LATE':
      return candidate.open && candidate.dueDate !== null && (candidate.submittedOn ?? today) > candidate.dueDate;
    default:
      return unreachable(candidate.code);
  }
}
