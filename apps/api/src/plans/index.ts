/** What other slices may use of the plans slice: SKPs cascade from a plan, the LKjIP reports on one, the portal shows the public one. */
export { PlanAsRecorded, PlanDocumentQuery } from './plan-document.query';
export { planViewSettingsFrom } from './plan-view-settings';
export { PublicPlanQuery } from './public-plan.query';
