import { Environment } from '@app/config';
import { ScorecardSettings } from '@app/domain/dashboard';
import { planViewSettingsFrom } from '../plans';

/** The scorecard follows the plan's cap, scale and deadlines and the LKjIP's due date, as configured. */
export const SCORECARD_SETTINGS = Symbol('SCORECARD_SETTINGS');

export function scorecardSettingsFrom(environment: Environment): ScorecardSettings {
  return { plan: planViewSettingsFrom(environment), lkjipDue: environment.LKJIP_DUE };
}
