import { EventStore, Position, ProjectionEvent } from '@app/event-store';
import { Projection } from './projection';

/**
 * The pages of a build stream by stream (see `Projection.rebuildByStream`): the projection's
 * events up to `upTo`, stream after stream, `limit` at a time. Each page is asked for as soon as
 * the one before it arrives, so the server reads the next while the caller applies this one
 * (bench:scale's SKPs, 960,000 events: the reads were half the build when they waited). The
 * store must have `readByStream`.
 */
export async function* pagesByStream(store: EventStore, projection: Projection, upTo: Position, limit: number): AsyncGenerator<ProjectionEvent[]> {
  const read = (after: { stream: string; revision: number } | null) => {
    const page = store.readByStream!({ types: projection.handles, streamPrefix: projection.streamPrefix, upTo, after, limit });
    // Settled later, or never when the caller stops first: not an unhandled rejection meanwhile.
    page.catch(() => undefined);
    return page;
  };
  for (let next = read(null); ;) {
    const events = await next;
    if (events.length === 0) return;
    const last = events[events.length - 1];
    next = read({ stream: last.stream, revision: last.revision });
    yield events;
  }
}
