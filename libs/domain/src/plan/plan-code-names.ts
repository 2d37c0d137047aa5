import { codeAsWords } from './achievement-category-names';
import { RevisionReason } from './plan.events';

/** A revision's reason category in words (the free-text reason itself is never public). */
export const REVISION_REASON_NAMES = {
  id: { OFFICIAL_CHANGED: 'Pergantian pejabat', STRATEGY_CHANGED: 'Perubahan strategi', PRIORITY_CHANGED: 'Perubahan prioritas' },
  en: { OFFICIAL_CHANGED: 'Official changed', STRATEGY_CHANGED: 'Strategy changed', PRIORITY_CHANGED: 'Priority changed' },
} as const satisfies Record<'id' | 'en', Record<RevisionReason, string>>;

/** The scales the service knows, as the regulation is cited; the same in both languages. */
const SCALE_NAMES: Record<string, string> = { PERMENDAGRI_86_2017: 'Permendagri No. 86 Tahun 2017' };

/** A scale's name as a reader cites it; a region's own scale (ACHIEVEMENT_SCALE) reads as written. */
export const scaleName = (code: string): string => (Object.hasOwn(SCALE_NAMES, code) ? SCALE_NAMES[code] : codeAsWords(code));
