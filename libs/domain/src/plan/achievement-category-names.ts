/**
 * The default scale's categories (PERMENDAGRI_86_2017) in words, for everything that prints them:
 * the public portal in both its languages and the printed LKjIP in Indonesian. A region's own
 * scale (ACHIEVEMENT_SCALE_BANDS) is not listed: its codes are read as words (`codeAsWords`).
 */
export const ACHIEVEMENT_CATEGORY_NAMES = {
  id: {
    SANGAT_TINGGI: 'Sangat tinggi',
    TINGGI: 'Tinggi',
    SEDANG: 'Sedang',
    RENDAH: 'Rendah',
    SANGAT_RENDAH: 'Sangat rendah',
  },
  en: {
    SANGAT_TINGGI: 'Very high',
    TINGGI: 'High',
    SEDANG: 'Medium',
    RENDAH: 'Low',
    SANGAT_RENDAH: 'Very low',
  },
} as const satisfies Record<'id' | 'en', Record<string, string>>;

/** A code no list names, read as words: `BAIK_SEKALI` → `Baik sekali`. */
export const codeAsWords = (code: string): string =>
  code
    .toLowerCase()
    .split('_')
    .map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');

/** A category's name in the language: the list's, else its code as words. */
export function categoryName(lang: keyof typeof ACHIEVEMENT_CATEGORY_NAMES, code: string): string {
  const names: Record<string, string> = ACHIEVEMENT_CATEGORY_NAMES[lang];
  return Object.hasOwn(names, code) ? names[code] : codeAsWords(code);
}
