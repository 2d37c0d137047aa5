/** What other slices may use of the plans slice: the LKjIP reports on a plan. */
export { planAddress } from './plan-address';
export { PlanAsRecorded, PlanDocumentQuery } from './plan-document.query';
export { planViewSettingsFrom } from './plan-view-settings';
