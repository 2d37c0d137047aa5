/** What other slices may use of the plans slice. */
export { EffectiveIndicatorsQuery } from './effective-indicators.query';
export { opdCodeFrom, planAddress, yearFrom } from './plan-address';
