import { categoryName } from '@app/domain/plan';

/**
 * Numbers and dates as Indonesian reports print them: 1.234.567,89 and 10 Maret 2026. Node ships
 * full ICU, so Intl knows id-ID; a value the report does not have yet prints as a dash.
 */
const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatNumber = (value: number | null): string => (value === null ? '–' : NUMBER.format(value));

/** A calendar day (`YYYY-MM-DD`), which is no instant: read at UTC midnight, printed in UTC. */
export const formatDay = (day: string): string => DATE.format(new Date(`${day}T00:00:00Z`));

/**
 * A category by the name the portal gives it (`categoryName`), every word capitalised as the
 * report's tables print it: `SANGAT_TINGGI` → `Sangat Tinggi`.
 */
export const formatCategory = (category: string | null): string =>
  category === null
    ? '–'
    : categoryName('id', category)
        .split(' ')
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(' ');
