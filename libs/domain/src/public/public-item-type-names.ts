import { PublicItemType } from './public-item';

/** What each kind of public item is called, wherever the feed is shown: the portal, the Atom categories. */
export const PUBLIC_ITEM_TYPE_NAMES = {
  id: {
    PLAN_APPROVED: 'Rencana disetujui',
    PLAN_REVISION_APPROVED: 'Revisi rencana disetujui',
    REALISATION_REPORTED: 'Realisasi dilaporkan',
    REALISATION_CORRECTED: 'Realisasi dikoreksi',
    LKJIP_PUBLISHED: 'LKjIP diterbitkan',
    FINDING_RECORDED: 'Temuan dicatat',
    RECOMMENDATION_ASSESSED: 'Rekomendasi dinilai',
    ZI_DECLARED: 'Zona Integritas dicanangkan',
    ZI_PROPOSED: 'Zona Integritas diusulkan',
    ZI_AWARDED: 'Predikat Zona Integritas diraih',
    ZI_REVOKED: 'Predikat Zona Integritas dicabut',
    COMPLAINT_VERIFIED: 'Pengaduan diverifikasi',
    COMPLAINT_RESPONDED: 'Pengaduan ditanggapi',
  },
  en: {
    PLAN_APPROVED: 'Plan approved',
    PLAN_REVISION_APPROVED: 'Plan revision approved',
    REALISATION_REPORTED: 'Realisation reported',
    REALISATION_CORRECTED: 'Realisation corrected',
    LKJIP_PUBLISHED: 'LKjIP published',
    FINDING_RECORDED: 'Finding recorded',
    RECOMMENDATION_ASSESSED: 'Recommendation assessed',
    ZI_DECLARED: 'Zona Integritas declared',
    ZI_PROPOSED: 'Zona Integritas proposed',
    ZI_AWARDED: 'Zona Integritas predikat awarded',
    ZI_REVOKED: 'Zona Integritas predikat revoked',
    COMPLAINT_VERIFIED: 'Complaint verified',
    COMPLAINT_RESPONDED: 'Complaint responded to',
  },
} as const satisfies Record<'id' | 'en', Record<PublicItemType, string>>;
