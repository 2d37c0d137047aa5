import { Environment } from '@app/config';
import { LkjipViewSettings } from '@app/domain/lkjip';
import { planViewSettingsFrom } from '../plans';

/** What the report is configured by: its read shape's settings (lkjip-view.ts) and the region it is printed for. */
export interface LkjipSettings extends LkjipViewSettings {
  /** REGION_NAME, for the printed report's cover. */
  region: string;
}

export const LKJIP_SETTINGS = Symbol('LKJIP_SETTINGS');

export function lkjipSettingsFrom(environment: Environment): LkjipSettings {
  return { achievement: planViewSettingsFrom(environment).achievement, dueSetting: environment.LKJIP_DUE, region: environment.REGION_NAME };
}
