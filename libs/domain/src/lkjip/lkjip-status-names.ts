import { LkjipStatus } from './lkjip.decider';

/**
 * A report's state in words, the same on the portal and the printed report: "Diterbitkan" is
 * the one word for a published LKjIP wherever a citizen meets it.
 */
export const LKJIP_STATUS_NAMES = {
  id: { DRAFT: 'Draf', SUBMITTED: 'Diajukan', RETURNED: 'Dikembalikan', REVIEWED: 'Direviu', PUBLISHED: 'Diterbitkan' },
  en: { DRAFT: 'Draft', SUBMITTED: 'Submitted', RETURNED: 'Returned', REVIEWED: 'Reviewed', PUBLISHED: 'Published' },
} as const satisfies Record<'id' | 'en', Record<LkjipStatus, string>>;
