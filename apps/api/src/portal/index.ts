/**
 * What the write side's form controllers use of the portal (participation/lapor-form.controller.ts):
 * the pages they answer with, and the headers and error pages every portal page has.
 */
export { formProblem, laporTextFor } from './lapor-text';
export { FollowedReport, laporFollowPage } from './pages/lapor-follow-page';
export { FormValues, laporPage, LaporPageData, laporReceiptPage } from './pages/lapor-page';
export { PortalErrorFilter } from './portal-error.filter';
export { LAPOR_PAGE_PATH } from './portal-links';
export { Lang, langFrom } from './portal-text';
export { sendUncachedPage } from './security-headers';
