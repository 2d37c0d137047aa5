import { RecommendationStatus } from './audit-finding.events';

/**
 * A recommendation's follow-up status in words, for everything a person reads: the feed's
 * sentences, the portal in both its languages. Keyed by the union, so a new status fails to
 * compile until it has a name.
 */
export const RECOMMENDATION_STATUS_NAMES = {
  id: {
    SESUAI: 'Sesuai',
    BELUM_SESUAI: 'Belum sesuai',
    BELUM_DITINDAKLANJUTI: 'Belum ditindaklanjuti',
    TIDAK_DAPAT_DITINDAKLANJUTI: 'Tidak dapat ditindaklanjuti',
  },
  en: {
    SESUAI: 'Settled as recommended',
    BELUM_SESUAI: 'Not yet as recommended',
    BELUM_DITINDAKLANJUTI: 'Not followed up',
    TIDAK_DAPAT_DITINDAKLANJUTI: 'Cannot be followed up',
  },
} as const satisfies Record<'id' | 'en', Record<RecommendationStatus, string>>;
