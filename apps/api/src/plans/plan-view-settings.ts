import { Environment } from '@app/config';
import { AchievementScale, DEFAULT_PLAN_VIEW_SETTINGS, PERMENDAGRI_86_2017, PlanViewSettings } from '@app/domain/plan';

const KNOWN_SCALES: Record<string, AchievementScale> = { [PERMENDAGRI_86_2017.name]: PERMENDAGRI_86_2017 };

/** The plan read shape's configuration (docs/domain.md: a region's practice is configuration, never code). */
export const PLAN_VIEW_SETTINGS = Symbol('PLAN_VIEW_SETTINGS');

export function planViewSettingsFrom(environment: Environment): PlanViewSettings {
  return {
    ...DEFAULT_PLAN_VIEW_SETTINGS,
    achievement: { cap: environment.ACHIEVEMENT_CAP, scale: scaleFrom(environment) },
    reportDueDays: environment.REALISATION_REPORT_DUE_DAYS,
    lateCorrectionDays: environment.LATE_CORRECTION_DAYS,
  };
}

function scaleFrom({ ACHIEVEMENT_SCALE: name, ACHIEVEMENT_SCALE_BANDS: bands }: Environment): AchievementScale {
  if (!bands) {
    const known = KNOWN_SCALES[name];
    if (!known) throw new Error(`Invalid configuration: ACHIEVEMENT_SCALE ${name} is not built in; give its ACHIEVEMENT_SCALE_BANDS`);
    return known;
  }
  const parsed = bands.split(',').map((band) => {
    const [category, min] = band.split(':');
    return { category, min: Number(min) };
  });
  if (parsed.some((band, index) => index > 0 && band.min >= parsed[index - 1].min)) {
    throw new Error('Invalid configuration: ACHIEVEMENT_SCALE_BANDS must go from the highest band down');
  }
  // Whatever is below the lowest band still belongs to it.
  return { name, bands: parsed.map((band, index) => (index === parsed.length - 1 ? { ...band, min: -Infinity } : band)) };
}
