import { SkpErrors } from './skp.errors';
import { SkpIndicator, SkpResult } from './skp.events';

/**
 * docs/domain.md, SKP 2: at least one result, each with at least one indicator; result codes unique,
 * and indicator codes unique in the whole SKP, since realisation names an indicator by its code
 * alone. Targets as in plans. Shapes and ranges are the HTTP layer's.
 */
export function requireValidResults(results: SkpResult[]): void {
  if (results.length === 0) throw SkpErrors.noResults();
  const resultCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  for (const result of results) {
    if (resultCodes.has(result.code)) throw SkpErrors.duplicateResult(result.code);
    resultCodes.add(result.code);
    if (result.indicators.length === 0) throw SkpErrors.resultWithoutIndicators(result.code);
    for (const indicator of result.indicators) {
      if (indicatorCodes.has(indicator.code)) throw SkpErrors.duplicateIndicator(indicator.code);
      indicatorCodes.add(indicator.code);
      requireValidTarget(indicator);
    }
  }
}

function requireValidTarget({ code, polarity, target }: SkpIndicator): void {
  if (!Number.isFinite(target) || target < 0) throw SkpErrors.negativeTarget(code);
  if (polarity === 'HIGHER_IS_BETTER' && target === 0) throw SkpErrors.zeroTargetHigherIsBetter(code);
}

export const skpIndicatorsOf = (results: SkpResult[]): SkpIndicator[] => results.flatMap((result) => result.indicators);
