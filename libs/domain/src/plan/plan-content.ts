import { requireValidIndicatorContent } from '../shared/indicator-content';
import { PlanErrors } from './plan.errors';
import { Goal, Indicator } from './plan.events';

/** docs/domain.md, Plans 2, in the words of a plan: its goals and its annual and quarterly targets. */
export function requireValidContent(goals: Goal[]): void {
  requireValidIndicatorContent(goals, targetsOf, {
    noGroups: PlanErrors.noGoals,
    duplicateGroup: PlanErrors.duplicateGoal,
    groupWithoutIndicators: PlanErrors.goalWithoutIndicators,
    duplicateIndicator: PlanErrors.duplicateIndicator,
    negativeTarget: PlanErrors.negativeTarget,
  });
}

const targetsOf = (indicator: Indicator): number[] => [indicator.annualTarget, ...(indicator.quarterlyTargets ?? [])];

export const indicatorsOf = (goals: Goal[]): Indicator[] => goals.flatMap((goal) => goal.indicators);
