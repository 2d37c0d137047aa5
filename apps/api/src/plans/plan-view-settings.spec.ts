import { validateEnvironment } from '@app/config';
import { categoryOf } from '@app/domain/plan';
import { planViewSettingsFrom } from './plan-view-settings';

const settingsFor = (variables: Record<string, string>) => planViewSettingsFrom(validateEnvironment(variables));

describe('plan view settings from the environment', () => {
  it('defaults to Permendagri 86/2017, a cap of 120, 15 days to report and 30 to correct', () => {
    const settings = settingsFor({});
    expect(settings).toMatchObject({ achievement: { cap: 120, scale: { name: 'PERMENDAGRI_86_2017' } }, reportDueDays: 15, lateCorrectionDays: 30 });
  });

  it('takes a region’s own scale, cap and deadlines', () => {
    const settings = settingsFor({
      ACHIEVEMENT_SCALE: 'PERBUP_7_2024',
      ACHIEVEMENT_SCALE_BANDS: 'BAIK:90,CUKUP:70.5,KURANG:10',
      ACHIEVEMENT_CAP: '110',
      REALISATION_REPORT_DUE_DAYS: '10',
      LATE_CORRECTION_DAYS: '14',
    });
    expect(settings).toMatchObject({ achievement: { cap: 110, scale: { name: 'PERBUP_7_2024' } }, reportDueDays: 10, lateCorrectionDays: 14 });
    expect([95, 70.5, 70.49, 3].map((value) => categoryOf(value, settings.achievement.scale))).toEqual(['BAIK', 'CUKUP', 'KURANG', 'KURANG']);
  });

  it('refuses a scale it does not know without its bands, and bands out of order', () => {
    expect(() => settingsFor({ ACHIEVEMENT_SCALE: 'UNKNOWN' })).toThrow(/ACHIEVEMENT_SCALE UNKNOWN/);
    expect(() => settingsFor({ ACHIEVEMENT_SCALE: 'X', ACHIEVEMENT_SCALE_BANDS: 'KURANG:0,BAIK:90' })).toThrow(/highest band down/);
    expect(() => settingsFor({ ACHIEVEMENT_SCALE_BANDS: 'baik=90' })).toThrow(/ACHIEVEMENT_SCALE_BANDS/);
    expect(() => settingsFor({ ACHIEVEMENT_CAP: '50' })).toThrow(/ACHIEVEMENT_CAP/);
  });
});
