import { Polarity } from '../plan/plan.events';
import { DomainError } from './domain-error';
import { IndicatorErrors } from './indicator.errors';

/** What the content rules need of an indicator: its code, its polarity and its targets. */
export interface TargetedIndicator {
  code: string;
  polarity: Polarity;
}

/** A plan's goal or an SKP's result: a coded group of indicators. */
export interface IndicatorGroup<I extends TargetedIndicator> {
  code: string;
  indicators: I[];
}

/** The refusals whose words name the context (goal or result, plan or SKP). */
export interface IndicatorContentErrors {
  noGroups: () => DomainError;
  duplicateGroup: (code: string) => DomainError;
  groupWithoutIndicators: (code: string) => DomainError;
  duplicateIndicator: (code: string) => DomainError;
  negativeTarget: (code: string) => DomainError;
}

/**
 * docs/domain.md, Plans 2 and SKP 2: at least one group, each with at least one indicator; group
 * codes unique, and indicator codes unique in the whole content, since realisation names an
 * indicator by its code alone. Every target a number ≥ 0, and not 0 when more is better. Shapes
 * and ranges are the HTTP layer's; these rules span the whole content.
 */
export function requireValidIndicatorContent<I extends TargetedIndicator>(
  groups: Array<IndicatorGroup<I>>,
  targetsOf: (indicator: I) => number[],
  errors: IndicatorContentErrors,
): void {
  if (groups.length === 0) throw errors.noGroups();
  const groupCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  for (const group of groups) {
    if (groupCodes.has(group.code)) throw errors.duplicateGroup(group.code);
    groupCodes.add(group.code);
    if (group.indicators.length === 0) throw errors.groupWithoutIndicators(group.code);
    for (const indicator of group.indicators) {
      if (indicatorCodes.has(indicator.code)) throw errors.duplicateIndicator(indicator.code);
      indicatorCodes.add(indicator.code);
      const targets = targetsOf(indicator);
      if (targets.some((target) => !Number.isFinite(target) || target < 0)) throw errors.negativeTarget(indicator.code);
      if (indicator.polarity === 'HIGHER_IS_BETTER' && targets.some((target) => target === 0)) throw IndicatorErrors.zeroTargetHigherIsBetter(indicator.code);
    }
  }
}
