import { CommonErrors } from './domain-error';

/**
 * The refusals plans and SKPs make of indicators and realisation in the same words: spelled
 * here once, and listed again in each context's catalogue so that one file still shows what a
 * context can refuse.
 */
export const IndicatorErrors = {
  // R / T has no meaning for T = 0 when more is better (docs/domain.md, Achievement).
  zeroTargetHigherIsBetter: (code: string) => CommonErrors.invalidInput(`Indicator ${code}: a higher-is-better target cannot be 0`),
  noValues: () => CommonErrors.invalidInput('At least one value is needed'),
  duplicateValue: (code: string) => CommonErrors.invalidInput(`${code} appears twice`),
};
