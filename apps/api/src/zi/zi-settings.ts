import { Environment } from '@app/config';
import { LoadedLkeTemplate, PrerequisiteRule, ZiTarget } from '@app/domain/zi';

/** What Zona Integritas is configured by: the LKE template in force and the regency's prerequisite rules. */
export interface ZiSettings {
  template: LoadedLkeTemplate;
  prerequisiteRules: Record<ZiTarget, PrerequisiteRule>;
}

export const ZI_SETTINGS = Symbol('ZI_SETTINGS');

export function ziSettingsFrom(environment: Environment): ZiSettings {
  return { template: environment.lkeTemplate, prerequisiteRules: environment.ziPrerequisiteRules };
}
