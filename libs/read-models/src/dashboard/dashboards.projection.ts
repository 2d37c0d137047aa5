import { AUDIT_FINDING_EVENT_TYPES } from '@app/domain/audit-finding';
import { COMPLAINT_EVENT_TYPES } from '@app/domain/complaint';
import { SKP_TALLY_EVENT_TYPES } from '@app/domain/dashboard';
import { GRATIFICATION_EVENT_TYPES } from '@app/domain/gratification';
import { LKJIP_EVENT_TYPES } from '@app/domain/lkjip';
import { PLAN_EVENT_TYPES } from '@app/domain/plan';
import { ZI_EVENT_TYPES } from '@app/domain/zi';
import { ProjectionEvent } from '@app/event-store';
import { Projection, ProjectionTarget } from '@app/projections';
import { DashboardRows, dashboardRows, flushDashboardRows } from './dashboard-rows';
import { applyComplaintEvent } from './complaint-events';
import { applyFindingEvent } from './finding-events';
import { applyGratificationEvent } from './gratification-events';
import { applyLkjipEvent } from './lkjip-events';
import { applyPlanEvent } from './plan-events';
import { redFlagReadModel } from './red-flag.read-model';
import { scorecardFindingReadModel, scorecardReadModel, scorecardSkpReadModel } from './scorecard.read-model';
import { applySkpEvent } from './skp-events';
import { applyZiEvent } from './zi-events';

const byType = new Map<string, (event: ProjectionEvent, rows: DashboardRows) => Promise<void>>([
  ...PLAN_EVENT_TYPES.map((type) => [type, applyPlanEvent] as const),
  ...SKP_TALLY_EVENT_TYPES.map((type) => [type, applySkpEvent] as const),
  ...LKJIP_EVENT_TYPES.map((type) => [type, applyLkjipEvent] as const),
  ...AUDIT_FINDING_EVENT_TYPES.map((type) => [type, applyFindingEvent] as const),
  ...ZI_EVENT_TYPES.map((type) => [type, applyZiEvent] as const),
  ...GRATIFICATION_EVENT_TYPES.map((type) => [type, applyGratificationEvent] as const),
  ...COMPLAINT_EVENT_TYPES.map((type) => [type, applyComplaintEvent] as const),
]);

/**
 * The scorecards and the red-flag register: one projection, because both are fed by the same
 * plan, SKP, LKjIP and finding events (and the register by the ZI action plans', gifts and complaints) and the register needs the documents the scorecards fold.
 */
export const dashboardsProjection: Projection = {
  name: 'dashboards',
  // 4: the scorecards' plan documents keep corrections as marks and latest values (plan-document.ts).
  // 5: and without the marks (withoutCorrectionMarks).
  // 6: a correction's LATE_CORRECTION candidates are one row with its indicators, not a row each.
  // 7: only the SKP events a tally changes on, so a scorecard's updatedAt no longer moves with a
  // realisation or a submission that changes none of its figures.
  version: 7,
  readModels: [scorecardReadModel, scorecardSkpReadModel, scorecardFindingReadModel, redFlagReadModel],
  handles: [...byType.keys()],
  apply: (event, target) => applyDashboardEvents([event], target),
  applyBatch: applyDashboardEvents,
  batchSize: 5000,
};

/**
 * Events of every unit and year arrive interleaved, so a batch touches few rows many times (a
 * unit's scorecard once per SKP event): the batch is applied event by event on rows held in
 * memory, each read once and written once.
 */
async function applyDashboardEvents(events: ProjectionEvent[], target: ProjectionTarget): Promise<void> {
  const rows = await dashboardRows(events, target);
  for (const event of events) await byType.get(event.type)!(event, rows);
  await flushDashboardRows(rows);
}
