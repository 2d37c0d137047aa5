import { RecommendationStatus } from '../audit-finding/audit-finding.events';
import { isLate, lkjipDueDate } from '../lkjip/lkjip-due';
import { LkjipStatus } from '../lkjip/lkjip.decider';
import { PlanDocument } from '../plan/plan-document';
import { planView, PlanViewSettings } from '../plan/plan-view';
import { PlanStatus } from '../plan/plan.decider';
import { roundHalfUp } from '../shared/rounding';
import { Predikat } from '../skp/skp.events';
import { FindingTally, noFindingTally, tallyFigures } from './finding-tally';
import { LkjipProgress } from './lkjip-progress';
import { noSkpCounts, SkpCounts } from './skp-tally';

/**
 * A unit's year as stored: only what does not depend on today or on configuration. The plan is
 * kept as its document, so achievement follows the configured cap and scale when read.
 */
export interface ScorecardParts {
  opdCode: string;
  year: number;
  plan: PlanDocument | null;
  skp: SkpCounts;
  lkjip: LkjipProgress | null;
  findings: FindingTally;
}

export const emptyScorecardParts = (opdCode: string, year: number): ScorecardParts => ({
  opdCode,
  year,
  plan: null,
  skp: noSkpCounts(),
  lkjip: null,
  findings: noFindingTally(),
});

/** docs/api.md, Dashboards: the scorecard. The public one is the same: it holds no personal data. */
export interface Scorecard {
  opdCode: string;
  year: number;
  plan: { status: PlanStatus | null; effectiveVersion: number | null; achievement: number | null; category: string | null };
  skp: { total: number; agreed: number; coverage: number | null; predikat: Record<Predikat, number> };
  lkjip: { status: LkjipStatus | null; late: boolean; dueDate: string };
  findings: {
    recommendations: number;
    byStatus: Record<RecommendationStatus, number>;
    overdue: number;
    followUpRate: number;
    amountIdr: { total: number; settled: number; outstanding: number };
  };
}

export interface ScorecardSettings {
  plan: PlanViewSettings;
  /** LKJIP_DUE, or undefined for the end of February. */
  lkjipDue: string | undefined;
}

/** The scorecard as of `today`: overdue and LKjIP lateness are judged now, never stored. */
export function scorecardOf(parts: ScorecardParts, today: string, settings: ScorecardSettings): Scorecard {
  const plan = parts.plan && planView(parts.plan, settings.plan);
  const { skp, findings } = parts;
  const dueDate = lkjipDueDate(parts.year, settings.lkjipDue);
  return {
    opdCode: parts.opdCode,
    year: parts.year,
    plan: {
      status: plan?.status ?? null,
      effectiveVersion: plan?.effectiveVersion ?? null,
      achievement: plan?.achievement ?? null,
      category: plan?.category ?? null,
    },
    // Coverage of no SKP is no figure at all, not 0 % (nobody failed to agree anything).
    skp: { total: skp.total, agreed: skp.agreed, coverage: skp.total === 0 ? null : roundHalfUp((skp.agreed / skp.total) * 100, 2), predikat: skp.predikat },
    lkjip: {
      status: parts.lkjip?.status ?? null,
      late: isLate(parts.lkjip && { submissions: parts.lkjip.firstSubmittedOn ? [{ at: '', on: parts.lkjip.firstSubmittedOn }] : [] }, today, dueDate),
      dueDate,
    },
    findings: tallyFigures(findings, today),
  };
}

/**
 * The regency's order (docs/api.md, Dashboards): plan achievement, highest first; units without one last; equal
 * achievements (and the units without one) by code, so the order never depends on the storage.
 */
export function rankScorecards(scorecards: Scorecard[]): Scorecard[] {
  return [...scorecards].sort((a, b) => {
    const [x, y] = [a.plan.achievement, b.plan.achievement];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x;
    }
    return a.opdCode < b.opdCode ? -1 : a.opdCode > b.opdCode ? 1 : 0;
  });
}
