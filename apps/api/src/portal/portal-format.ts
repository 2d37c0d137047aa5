import { AchievementScale } from '@app/domain/plan';
import { Lang } from './portal-text';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Money is always printed the Indonesian way (Rp 1.234.567), whatever the page's language:
 * it is how rupiah amounts appear in every report the reader compares them with.
 */
const RUPIAH = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
const NUMBER: Record<Lang, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

export const rupiah = (amount: number): string => RUPIAH.format(amount);
export const number = (lang: Lang, value: number | null): string => (value === null ? '–' : NUMBER[lang].format(value));
export const percent = (lang: Lang, value: number | null): string => (value === null ? '–' : `${NUMBER[lang].format(value)} %`);

export function instant(lang: Lang, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function day(lang: Lang, isoDay: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}

/**
 * A category's colour class by its band in the configured scale, best first (`band-0` …), so a
 * region's own scale is coloured too; the category is always named in text beside the colour.
 */
export function bandClass(scale: AchievementScale, category: string | null): string {
  if (category === null) return 'band-none';
  const index = scale.bands.findIndex((band) => band.category === category);
  if (index < 0) return 'band-none';
  const last = scale.bands.length - 1;
  return `band-${last === 0 ? 0 : Math.round((index / last) * 4)}`;
}
