import { PlanErrors } from './plan.errors';
import { Goal, Indicator } from './plan.events';

/**
 * docs/domain.md, Plans 2: at least one goal, each with at least one indicator; goal codes and
 * indicator codes unique in the plan. Shapes and ranges are the HTTP layer's; these rules
 * span the whole plan.
 */
export function requireValidContent(goals: Goal[]): void {
  if (goals.length === 0) throw PlanErrors.noGoals();
  const goalCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  for (const goal of goals) {
    if (goalCodes.has(goal.code)) throw PlanErrors.duplicateGoal(goal.code);
    goalCodes.add(goal.code);
    if (goal.indicators.length === 0) throw PlanErrors.goalWithoutIndicators(goal.code);
    for (const indicator of goal.indicators) {
      if (indicatorCodes.has(indicator.code)) throw PlanErrors.duplicateIndicator(indicator.code);
      indicatorCodes.add(indicator.code);
      requireValidTargets(indicator);
    }
  }
}

function requireValidTargets(indicator: Indicator): void {
  const targets = [indicator.annualTarget, ...(indicator.quarterlyTargets ?? [])];
  if (targets.some((target) => !Number.isFinite(target) || target < 0)) throw PlanErrors.negativeTarget(indicator.code);
  if (indicator.polarity === 'HIGHER_IS_BETTER' && targets.some((target) => target === 0)) throw PlanErrors.zeroTargetHigherIsBetter(indicator.code);
}

export const indicatorsOf = (goals: Goal[]): Indicator[] => goals.flatMap((goal) => goal.indicators);
