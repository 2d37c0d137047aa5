import { Projection } from '@app/projections';

/**
 * Every projection the service runs. The OPD registry, plans, findings and dashboards add
 * theirs here as they arrive; the runner, rebuilds and checkpoints need nothing else.
 */
export const ALL_PROJECTIONS: readonly Projection[] = [];
