import { DomainError } from '../shared/domain-error';
import { Goal, Indicator } from './plan.events';

/**
 * DOMAIN.md, Plans 2: at least one goal, each with at least one indicator; goal codes and
 * indicator codes unique in the plan. Shapes and ranges are the HTTP layer's; these rules
 * span the whole plan.
 */
export function requireValidContent(goals: Goal[]): void {
  const invalid = (message: string) => new DomainError('VALIDATION', 'VALIDATION_FAILED', message);
  if (goals.length === 0) throw invalid('A plan needs at least one goal');
  const goalCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  for (const goal of goals) {
    if (goalCodes.has(goal.code)) throw invalid(`Goal code ${goal.code} appears twice`);
    goalCodes.add(goal.code);
    if (goal.indicators.length === 0) throw invalid(`Goal ${goal.code} needs at least one indicator`);
    for (const indicator of goal.indicators) {
      if (indicatorCodes.has(indicator.code)) throw invalid(`Indicator code ${indicator.code} appears twice in the plan`);
      indicatorCodes.add(indicator.code);
      requireValidTargets(indicator);
    }
  }
}

function requireValidTargets(indicator: Indicator): void {
  const targets = [indicator.annualTarget, ...(indicator.quarterlyTargets ?? [])];
  if (targets.some((target) => !Number.isFinite(target) || target < 0)) {
    throw new DomainError('VALIDATION', 'VALIDATION_FAILED', `Indicator ${indicator.code}: targets are numbers ≥ 0`);
  }
  // R / T has no meaning for T = 0 when more is better (DOMAIN.md, Achievement).
  if (indicator.polarity === 'HIGHER_IS_BETTER' && targets.some((target) => target === 0)) {
    throw new DomainError('VALIDATION', 'VALIDATION_FAILED', `Indicator ${indicator.code}: a higher-is-better target cannot be 0`);
  }
}

export const indicatorsOf = (goals: Goal[]): Indicator[] => goals.flatMap((goal) => goal.indicators);
