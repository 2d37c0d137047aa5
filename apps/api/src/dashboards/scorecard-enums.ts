/** The four SIPTL statuses in the order the scorecard's example lists them. */
export const RECOMMENDATION_STATUSES_IN_ORDER = ['SESUAI', 'BELUM_SESUAI', 'BELUM_DITINDAKLANJUTI', 'TIDAK_DAPAT_DITINDAKLANJUTI'] as const;
