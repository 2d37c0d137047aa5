import { ProjectionEvent } from '@app/event-store';
import { EntityManager, Repository } from 'typeorm';
import { HeldRows } from './held-rows';
import { ReadModel } from './read-model';

/** Where a projection writes: the slot being served or the one being rebuilt. */
export interface ProjectionTarget {
  /** The batch's transaction; the checkpoint is written in it too. */
  readonly manager: EntityManager;
  repository<Row extends object>(model: ReadModel<Row>): Repository<Row>;
  /** The rows the leaseholder committed in its earlier batches, when it keeps them (see HeldRows). */
  readonly held?: HeldRows;
}

/**
 * A read model fed by the global log. `apply` must only use the target it is given: whatever
 * it writes commits together with the checkpoint, or not at all.
 */
export interface Projection {
  readonly name: string;
  /** Bump when `apply` or the tables change: the projection is rebuilt into the other slot. */
  readonly version: number;
  readonly readModels: readonly ReadModel[];
  /** Event types it reacts to; the others only move its checkpoint. */
  readonly handles: readonly string[];
  apply(event: ProjectionEvent, target: ProjectionTarget): Promise<void>;
  /**
   * Optional: applies a batch's handled events at once (folding them in memory, writing each
   * row once), which is what makes rebuilds fast. When present, `apply` is not called.
   */
  applyBatch?(events: ProjectionEvent[], target: ProjectionTarget): Promise<void>;
  /**
   * True when each row depends on its own stream's events only, and `applyBatch` skips what a
   * row already reflects (rowsPerStream). A build from position 0 then reads the log stream by
   * stream, up to the head, and folds each stream whole: every row is written once, not once
   * per batch that touches it. A build cut short is taken up again from the start, which is
   * safe for such projections only.
   */
  readonly rebuildByStream?: boolean;
  /**
   * With `rebuildByStream`: how the names of the streams it folds begin (`skp-`), so that a
   * build reads only their part of the log, not the whole log's, to find a few hundred events.
   */
  readonly streamPrefix?: string;
  /**
   * Log events per batch (default 500). A projection whose batch touches the same few rows
   * over and over (a unit's scorecard for each of its SKPs' events) writes them less often in
   * longer batches. A page read from the store that held none of its events makes the next one
   * span more of the log, up to 16,000 events, until one holds some; a batch never applies more
   * than `batchSize` (ProjectionRunner.readPage).
   */
  readonly batchSize?: number;
}
