import { WrongExpectedRevisionError } from './errors';
import { EventStore } from './event-store';
import { handleCommand } from './handle-command';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

/** A counter with a ceiling: small enough to show what the helper does around any decider. */
type Counted = { type: 'Counted'; data: { by: number } };
const counter = {
  initialState: () => 0,
  evolve: (total: number, event: Counted) => total + event.data.by,
  decide: (command: { add: number }, total: number): Counted[] => {
    if (total + command.add > 10) throw new Error('CEILING');
    return command.add === 0 ? [] : [{ type: 'Counted', data: { by: command.add } }];
  },
};
const metadata = { actor: { sub: 'u', roles: [] } };

describe('handleCommand', () => {
  let store: EventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  it('decides on the folded state and appends the decision', async () => {
    await handleCommand(store, 'counter-1', counter, { add: 3 }, { metadata });
    const result = await handleCommand(store, 'counter-1', counter, { add: 4 }, { metadata });
    expect(result).toMatchObject({ revision: 1, state: 7, newEvents: [{ type: 'Counted', data: { by: 4 } }] });
    expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 3 }, { by: 4 }]);
  });

  it('appends nothing when the decision is empty', async () => {
    const result = await handleCommand(store, 'counter-1', counter, { add: 0 }, { metadata });
    expect(result).toMatchObject({ revision: -1, position: null, newEvents: [] });
    expect(await store.readStream('counter-1')).toEqual([]);
  });

  it('refuses at once when the pinned revision is stale', async () => {
    await handleCommand(store, 'counter-1', counter, { add: 1 }, { metadata });
    await handleCommand(store, 'counter-1', counter, { add: 1 }, { metadata });
    await expect(handleCommand(store, 'counter-1', counter, { add: 1 }, { metadata, expectedRevision: 0 })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('decides again on the newer state when an unpinned write loses a race', async () => {
    await handleCommand(store, 'counter-1', counter, { add: 5 }, { metadata });
    // Both read total 5; the loser re-reads 9 and its +4 would pass 10, so the rule refuses it.
    const results = await Promise.allSettled([
      handleCommand(store, 'counter-1', counter, { add: 4 }, { metadata }),
      handleCommand(store, 'counter-1', counter, { add: 4 }, { metadata }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason.message).toBe('CEILING');
    expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 5 }, { by: 4 }]);
  });
});
