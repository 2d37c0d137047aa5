import { EventStore } from '../event-store';
import { comparePositions, Position } from '../position';

/**
 * The global log shows an event once every transaction older than its own has finished, and
 * on PostgreSQL that horizon spans the whole server: another test holding a transaction open
 * (the ordering proof does, for seconds) delays every reader. Tests that read the log right
 * after writing wait for it, as a subscriber would.
 */
export async function untilReadable(store: EventStore, position: Position, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (comparePositions(await store.headPosition(), position) < 0) {
    if (Date.now() > deadline) throw new Error(`Position ${position} never became readable`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
