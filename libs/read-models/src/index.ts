import { Projection } from '@app/projections';
import { opdRegistryProjection } from './opd/opd-registry.projection';

export * from './opd/opd-registry.projection';

/**
 * Every projection the service runs; the runner, rebuilds and checkpoints need nothing else.
 */
export const ALL_PROJECTIONS: readonly Projection[] = [opdRegistryProjection];
