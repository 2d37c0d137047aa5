import { Environment } from '@app/config';
import { LkjipViewSettings } from '@app/domain/lkjip';
import { planViewSettingsFrom } from '../plans';

/** What the report's read shape is configured by (lkjip-view.ts), as the environment sets it. */
export type LkjipSettings = LkjipViewSettings;

export const LKJIP_SETTINGS = Symbol('LKJIP_SETTINGS');

export function lkjipSettingsFrom(environment: Environment): LkjipSettings {
  return { achievement: planViewSettingsFrom(environment).achievement, dueSetting: environment.LKJIP_DUE };
}
