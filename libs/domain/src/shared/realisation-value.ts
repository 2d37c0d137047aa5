import { DomainError } from './domain-error';
import { IndicatorErrors } from './indicator.errors';

/** One indicator's figure as reported for a plan's quarter or an SKP's period. */
export interface RealisationValue {
  indicatorCode: string;
  value: number;
  evidenceUrl: string | null;
  note: string | null;
}

/**
 * docs/domain.md, Plans 6 and SKP 3: at least one value, each for an indicator of what was
 * agreed, each indicator once. Whether anything is agreed yet, and when, is each context's own.
 */
export function requireReportableValues(values: RealisationValue[], indicatorCodes: string[], unknownIndicator: (code: string) => DomainError): void {
  if (values.length === 0) throw IndicatorErrors.noValues();
  const known = new Set(indicatorCodes);
  const seen = new Set<string>();
  for (const { indicatorCode } of values) {
    if (!known.has(indicatorCode)) throw unknownIndicator(indicatorCode);
    if (seen.has(indicatorCode)) throw IndicatorErrors.duplicateValue(indicatorCode);
    seen.add(indicatorCode);
  }
}
