import { Indicator, RevisionReason } from './plan.events';
import { PlanDocument } from './plan-document';
import { planView, PlanViewSettings } from './plan-view';

/**
 * A plan as the public may read it (docs/domain.md, Privacy): the approved version with its
 * figures, and the approved versions with their reason categories. An allow-list, like the
 * public feed's: each field is named here, so the draft, a pending revision, returns, free-text
 * reasons, notes, evidence links and flags never leave, whatever the plan view adds later.
 * Null until a version is approved: a draft is nobody's business but its unit's.
 */
export interface PublicPlan {
  opdCode: string;
  year: number;
  effectiveVersion: number;
  achievement: number | null;
  category: string | null;
  scale: string;
  goals: PublicGoal[];
  versions: Array<{ version: number; approvedOn: string; reasonCategory: RevisionReason | null }>;
}

export interface PublicGoal {
  code: string;
  statement: string;
  achievement: number | null;
  category: string | null;
  indicators: PublicIndicator[];
}

export interface PublicIndicator {
  code: string;
  name: string;
  unit: string;
  polarity: string;
  aggregation: string;
  annualTarget: number;
  quarterlyTargets: number[] | null;
  realisation: number | null;
  achievement: number | null;
  category: string | null;
  quarters: Array<{ quarter: number; value: number; achievement: number | null; corrected: boolean }>;
}

/** An indicator's targets, field by field: what the public plan and the public feed's plan items both let out. */
export function publicIndicatorTargets(indicator: Indicator) {
  return {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    polarity: indicator.polarity,
    aggregation: indicator.aggregation,
    annualTarget: indicator.annualTarget,
    quarterlyTargets: indicator.quarterlyTargets ?? null,
  };
}

export function publicPlanOf(document: PlanDocument, settings: PlanViewSettings): PublicPlan | null {
  if (document.versions.length === 0) return null;
  const view = planView(document, settings);
  return {
    opdCode: view.opdCode,
    year: view.year,
    effectiveVersion: view.effectiveVersion!,
    achievement: view.achievement,
    category: view.category,
    scale: view.scale,
    goals: view.goals.map((goal) => ({
      code: goal.code,
      statement: goal.statement,
      achievement: goal.achievement,
      category: goal.category,
      indicators: goal.indicators.map((indicator) => ({
        ...publicIndicatorTargets(indicator),
        realisation: indicator.realisation,
        achievement: indicator.achievement,
        category: indicator.category,
        quarters: indicator.quarters.map(({ quarter, value, achievement, corrected }) => ({ quarter, value, achievement, corrected })),
      })),
    })),
    versions: document.versions.map(({ version, approvedOn, reasonCategory }) => ({ version, approvedOn, reasonCategory })),
  };
}
