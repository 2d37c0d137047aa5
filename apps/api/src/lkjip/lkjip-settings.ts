import { Environment } from '@app/config';
import { AchievementSettings } from '@app/domain/plan';
import { planViewSettingsFrom } from '../plans';

/** What the report's read shape is configured by: the plan's achievement rules and the due date. */
export interface LkjipSettings {
  /** The plan's own cap and scale, so a report freezes exactly what the plan shows. */
  achievement: AchievementSettings;
  /** LKJIP_DUE (`MM-DD` of the next year), or undefined for the end of February. */
  dueSetting: string | undefined;
}

export const LKJIP_SETTINGS = Symbol('LKJIP_SETTINGS');

export function lkjipSettingsFrom(environment: Environment): LkjipSettings {
  return { achievement: planViewSettingsFrom(environment).achievement, dueSetting: environment.LKJIP_DUE };
}
