import { Environment } from '@app/config';
import { AchievementSettings } from '@app/domain/plan';
import { planViewSettingsFrom } from '../plans';

/** What the report is configured by: the plan's achievement rules, the due date and the region it is printed for. */
export interface LkjipSettings {
  /** The plan's own cap and scale, so a report freezes exactly what the plan shows. */
  achievement: AchievementSettings;
  /** LKJIP_DUE (`MM-DD` of the next year), or undefined for the end of February. */
  dueSetting: string | undefined;
  /** REGION_NAME, for the printed report's cover. */
  region: string;
}

export const LKJIP_SETTINGS = Symbol('LKJIP_SETTINGS');

export function lkjipSettingsFrom(environment: Environment): LkjipSettings {
  return { achievement: planViewSettingsFrom(environment).achievement, dueSetting: environment.LKJIP_DUE, region: environment.REGION_NAME };
}
