import { Projection } from '@app/projections';
import { complaintRegisterProjection } from './complaint/complaint-register.projection';
import { findingRegisterProjection } from './audit-finding/finding-register.projection';
import { gratificationRegisterProjection } from './gratification/gratification-register.projection';
import { dashboardsProjection } from './dashboard/dashboards.projection';
import { lkjipRegisterProjection } from './lkjip/lkjip-register.projection';
import { opdRegistryProjection } from './opd/opd-registry.projection';
import { planRegisterProjection } from './plan/plan-register.projection';
import { publicFeedProjection } from './public/public-feed.projection';
import { skpRegisterProjection } from './skp/skp-register.projection';
import { ziRegisterProjection } from './zi/zi-register.projection';
import { surveyResultsProjection } from './survey/survey-results.projection';
import { wbsRegisterProjection } from './wbs/wbs-register.projection';

export * from './audit-finding/finding-register.projection';
export * from './complaint/complaint-register.projection';
export * from './dashboard/dashboards.projection';
export * from './dashboard/red-flag.read-model';
export * from './dashboard/scorecard.read-model';
export * from './gratification/gratification-register.projection';
export * from './lkjip/lkjip-register.projection';
export * from './opd/opd-registry.projection';
export * from './plan/plan-register.projection';
export * from './public/public-feed.projection';
export * from './public/public-feed.read-model';
export * from './row-per-stream';
export * from './skp/skp-register.projection';
export * from './zi/zi-register.projection';
export * from './survey/survey-results.projection';
export * from './wbs/wbs-register.projection';

/**
 * Every projection the service runs; the runner, rebuilds and checkpoints need nothing else.
 */
export const ALL_PROJECTIONS: readonly Projection[] = [
  opdRegistryProjection,
  planRegisterProjection,
  findingRegisterProjection,
  skpRegisterProjection,
  lkjipRegisterProjection,
  ziRegisterProjection,
  dashboardsProjection,
  publicFeedProjection,
  surveyResultsProjection,
  gratificationRegisterProjection,
  complaintRegisterProjection,
  wbsRegisterProjection,
];
