import { requireValidIndicatorContent } from '../shared/indicator-content';
import { SkpErrors } from './skp.errors';
import { SkpIndicator, SkpResult } from './skp.events';

/** docs/domain.md, SKP 2, in the words of an SKP: its results, each indicator with one target. */
export function requireValidResults(results: SkpResult[]): void {
  requireValidIndicatorContent(results, (indicator) => [indicator.target], {
    noGroups: SkpErrors.noResults,
    duplicateGroup: SkpErrors.duplicateResult,
    groupWithoutIndicators: SkpErrors.resultWithoutIndicators,
    duplicateIndicator: SkpErrors.duplicateIndicator,
    negativeTarget: SkpErrors.negativeTarget,
  });
}

export const skpIndicatorsOf = (results: SkpResult[]): SkpIndicator[] => results.flatMap((result) => result.indicators);
