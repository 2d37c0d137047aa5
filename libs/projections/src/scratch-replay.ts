import { comparePositions, EventStore, FilteredPage, Position, ProjectionEvent } from '@app/event-store';
import { QueryRunner } from 'typeorm';
import { Projection, ProjectionTarget } from './projection';
import { Slot } from './read-model';
import { pagesByStream } from './stream-pages';

/**
 * Applies `projection` to the events after `from` up to and including `to`, writing through
 * `runner`'s session into whatever the slot's table names resolve to there (in the comparison,
 * temporary tables that shadow the live ones). The same reads and the same `apply`/`applyBatch`
 * as the projection runner, so the result is what a rebuild would write: from position 0 a
 * projection built stream by stream is replayed stream by stream, as `ProjectionRunner` does.
 * `ownTransactions`: each batch commits on its own (the session holds no transaction id for
 * long, which would hold back every reader of the log); otherwise the caller's transaction.
 */
export async function replayInto(
  runner: QueryRunner,
  store: EventStore,
  projection: Projection,
  slot: Slot,
  range: { from: Position | null; to: Position | null },
  options: { batchSize: number; ownTransactions: boolean },
): Promise<void> {
  const { from, to } = range;
  if (to === null || (from !== null && comparePositions(from, to) >= 0)) return;
  const target: ProjectionTarget = { manager: runner.manager, repository: (model) => runner.manager.getRepository(model.schemas[slot]) };
  const apply = async (events: ProjectionEvent[]) => {
    if (events.length === 0) return;
    if (options.ownTransactions) await runner.startTransaction();
    if (projection.applyBatch) await projection.applyBatch(events, target);
    else for (const event of events) await projection.apply(event, target);
    if (options.ownTransactions) await runner.commitTransaction();
  };

  if (from === null && projection.rebuildByStream && projection.applyBatch && store.readByStream) {
    for await (const events of pagesByStream(store, projection, to, options.batchSize * 4)) await apply(events);
    return;
  }
  for (let after = from; ;) {
    const page = await readPage(store, projection, after, options.batchSize);
    if (page.last === null) return;
    await apply(page.events.filter((event) => comparePositions(event.position, to) <= 0));
    if (comparePositions(page.last, to) >= 0) return;
    after = page.last;
  }
}

async function readPage(store: EventStore, projection: Projection, after: Position | null, limit: number): Promise<FilteredPage> {
  if (store.readAllOf) return store.readAllOf({ after, limit, types: projection.handles });
  const batch = await store.readAll({ after, limit });
  const handled = new Set(projection.handles);
  return { events: batch.filter((event) => handled.has(event.type)), last: batch.at(-1)?.position ?? null };
}
