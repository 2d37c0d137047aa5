import { RecommendationStatus } from '../audit-finding/audit-finding.events';
import { isPastDue } from '../audit-finding/follow-up-rules';
import { END_OF_TIME, FindingDocument, FindingFigures, findingView } from '../audit-finding/finding-document';
import { roundHalfUp } from '../shared/rounding';

/**
 * A unit's finding figures in a form that adds up finding by finding and does not depend on
 * today: overdue is kept as the due dates of recommendations that would be overdue once their
 * due date passes, and counted against the day of the read (docs/domain.md, Audit findings: 60-day due date and overdue).
 */
export interface FindingTally {
  recommendations: number;
  byStatus: Record<RecommendationStatus, number>;
  amountTotal: number;
  amountSettled: number;
  /** Amounts and settlements of recommendations that are not TIDAK_DAPAT_DITINDAKLANJUTI: outstanding is their difference. */
  countableAmount: number;
  countableSettled: number;
  /** Due date → how many recommendations become overdue after it. */
  overdueAfter: Record<string, number>;
}

export const noFindingTally = (): FindingTally => ({
  recommendations: 0,
  byStatus: { SESUAI: 0, BELUM_SESUAI: 0, BELUM_DITINDAKLANJUTI: 0, TIDAK_DAPAT_DITINDAKLANJUTI: 0 },
  amountTotal: 0,
  amountSettled: 0,
  countableAmount: 0,
  countableSettled: 0,
  overdueAfter: {},
});

/** One finding's share of its unit's figures. */
export function findingTally(document: FindingDocument): FindingTally {
  const view = findingView(document, END_OF_TIME);
  return view.recommendations.reduce<FindingTally>((tally, recommendation) => {
    const countable = recommendation.status !== 'TIDAK_DAPAT_DITINDAKLANJUTI';
    return {
      recommendations: tally.recommendations + 1,
      byStatus: { ...tally.byStatus, [recommendation.status]: tally.byStatus[recommendation.status] + 1 },
      amountTotal: tally.amountTotal + (recommendation.amountIdr ?? 0),
      amountSettled: tally.amountSettled + recommendation.amountSettledIdr,
      countableAmount: tally.countableAmount + (countable ? (recommendation.amountIdr ?? 0) : 0),
      countableSettled: tally.countableSettled + (countable ? recommendation.amountSettledIdr : 0),
      overdueAfter: recommendation.overdue
        ? { ...tally.overdueAfter, [document.dueDate]: (tally.overdueAfter[document.dueDate] ?? 0) + 1 }
        : tally.overdueAfter,
    };
  }, noFindingTally());
}

/** `total` with `part` added (`sign` +1) or taken out (−1). */
export function addFindingTally(total: FindingTally, part: FindingTally | null, sign: 1 | -1): FindingTally {
  if (!part) return total;
  const byStatus = { ...total.byStatus };
  for (const status of Object.keys(byStatus) as RecommendationStatus[]) byStatus[status] += sign * part.byStatus[status];
  const overdueAfter = { ...total.overdueAfter };
  for (const [due, count] of Object.entries(part.overdueAfter)) {
    overdueAfter[due] = (overdueAfter[due] ?? 0) + sign * count;
    if (overdueAfter[due] === 0) delete overdueAfter[due];
  }
  return {
    recommendations: total.recommendations + sign * part.recommendations,
    byStatus,
    amountTotal: total.amountTotal + sign * part.amountTotal,
    amountSettled: total.amountSettled + sign * part.amountSettled,
    countableAmount: total.countableAmount + sign * part.countableAmount,
    countableSettled: total.countableSettled + sign * part.countableSettled,
    overdueAfter,
  };
}

/** The figures of a tally on `today`: what findingFigures answers over the same findings judged that day. */
export function tallyFigures(tally: FindingTally, today: string): FindingFigures {
  return {
    recommendations: tally.recommendations,
    byStatus: tally.byStatus,
    overdue: Object.entries(tally.overdueAfter).reduce((sum, [due, count]) => (isPastDue(due, today) ? sum + count : sum), 0),
    followUpRate: tally.recommendations === 0 ? 0 : roundHalfUp((tally.byStatus.SESUAI / tally.recommendations) * 100, 2),
    amountIdr: { total: tally.amountTotal, settled: tally.amountSettled, outstanding: Math.max(0, tally.countableAmount - tally.countableSettled) },
  };
}
