import { roundHalfUp } from '../shared/rounding';
import { Aggregation, Polarity } from './plan.events';

/**
 * Achievement (capaian), docs/domain.md: one pure module, so the read model, `asOf`, the LKjIP and
 * the dashboards all compute it alike.
 */

/** A category scale: the first band whose `min` the value reaches, checked from the top. */
export interface AchievementScale {
  name: string;
  bands: ReadonlyArray<{ category: string; min: number }>;
}

/** Permendagri 86/2017 intervals, the default. */
export const PERMENDAGRI_86_2017: AchievementScale = {
  name: 'PERMENDAGRI_86_2017',
  bands: [
    { category: 'SANGAT_TINGGI', min: 91 },
    { category: 'TINGGI', min: 76 },
    { category: 'SEDANG', min: 66 },
    { category: 'RENDAH', min: 51 },
    { category: 'SANGAT_RENDAH', min: -Infinity },
  ],
};

export interface AchievementSettings {
  /** Each value is capped at this before it enters an average (ACHIEVEMENT_CAP). */
  cap: number;
  scale: AchievementScale;
}

export const DEFAULT_ACHIEVEMENT_SETTINGS: AchievementSettings = { cap: 120, scale: PERMENDAGRI_86_2017 };

/** Raw capaian in percent; null when the target gives it no meaning (T = 0, more is better). */
export function capaian(polarity: Polarity, target: number, realisation: number): number | null {
  if (polarity === 'HIGHER_IS_BETTER') return target === 0 ? null : (realisation / target) * 100;
  if (target === 0) return realisation <= 0 ? 100 : 0;
  return Math.max(0, ((2 * target - realisation) / target) * 100);
}

/** The realisation of the reported quarters, in quarter order; null when none was reported. */
export function aggregate(aggregation: Aggregation, reported: readonly number[]): number | null {
  if (reported.length === 0) return null;
  const sum = reported.reduce((total, value) => total + value, 0);
  switch (aggregation) {
    case 'LAST':
      return reported[reported.length - 1];
    case 'SUM':
      return sum;
    case 'AVERAGE':
      return sum / reported.length;
  }
}

/** The capped mean of the values there are; null when there are none. */
export function cappedAverage(values: ReadonlyArray<number | null>, cap: number): number | null {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  return present.reduce((total, value) => total + Math.min(value, cap), 0) / present.length;
}

export function categoryOf(value: number | null, scale: AchievementScale): string | null {
  if (value === null) return null;
  return scale.bands.find((band) => value >= band.min)?.category ?? scale.bands[scale.bands.length - 1].category;
}

/** Shown values: half-up to 2 decimals (the raw value is what averages use). */
export const shown = (value: number | null): number | null => (value === null ? null : roundHalfUp(value, 2));
