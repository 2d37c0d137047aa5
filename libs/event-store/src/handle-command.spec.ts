import { DomainCommand } from '@app/decider';
import { StreamContendedError, WrongExpectedRevisionError } from './errors';
import { EventCodec } from './event-codec';
import { EventStore } from './event-store';
import { handleCommand } from './handle-command';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { eventIdsFor } from './request-event-ids';

/** A counter with a ceiling: small enough to show what the helper does around any decider. */
type Counted = { type: 'Counted'; data: { by: number } };
type Count = DomainCommand<'Count', { add: number; reason?: string }>;
const counter = {
  initialState: () => 0,
  evolve: (total: number, event: Counted) => total + event.data.by,
  decide: (command: Count, total: number): Counted[] => {
    if (total + command.data.add > 10) throw new Error('CEILING');
    return command.data.add === 0 ? [] : [{ type: 'Counted', data: { by: command.data.add } }];
  },
};
const metadata = { actor: { sub: 'u', roles: [] }, now: '2025-01-01T00:00:00.000Z', today: '2025-01-01' };
const count = (add: number, reason?: string): Count => ({ type: 'Count', data: { add, ...(reason ? { reason } : {}) }, metadata });

describe('handleCommand', () => {
  let store: EventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  it('decides on the folded state and appends the decision', async () => {
    await handleCommand(store, 'counter-1', counter, count(3));
    const result = await handleCommand(store, 'counter-1', counter, count(4));
    expect(result).toMatchObject({ revision: 1, state: 7, newEvents: [{ type: 'Counted', data: { by: 4 } }] });
    expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 3 }, { by: 4 }]);
  });

  it('records the actor, and the reason when the command gives one, in every event', async () => {
    await handleCommand(store, 'counter-1', counter, count(3, 'typo in Q1'));
    const [event] = await store.readStream('counter-1');
    expect(event.metadata).toMatchObject({ actor: metadata.actor, reason: 'typo in Q1' });
  });

  it('appends nothing when the decision is empty', async () => {
    const result = await handleCommand(store, 'counter-1', counter, count(0));
    expect(result).toMatchObject({ revision: -1, position: null, newEvents: [] });
    expect(await store.readStream('counter-1')).toEqual([]);
  });

  it('refuses at once when the pinned revision is stale', async () => {
    await handleCommand(store, 'counter-1', counter, count(1));
    await handleCommand(store, 'counter-1', counter, count(1));
    await expect(handleCommand(store, 'counter-1', counter, count(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('judges who may act on the state the decision sees, before the revision check, and appends nothing when refused', async () => {
    await handleCommand(store, 'counter-1', counter, count(3));
    const seen: number[] = [];
    const refuse = (total: number) => {
      seen.push(total);
      throw new Error('FORBIDDEN');
    };
    await expect(handleCommand(store, 'counter-1', counter, count(1), { expectedRevision: 7, authorize: refuse })).rejects.toThrow('FORBIDDEN');
    // Refused on the snapshot its last write left, then again on a fresh read (either may be the stale one).
    expect(seen).toEqual([3, 3]);
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('gives up an unpinned write that loses every race as StreamContendedError, not a revision mismatch', async () => {
    await handleCommand(store, 'counter-1', counter, count(1));
    // Another writer lands between every read and append of ours.
    const append = store.appendToStream.bind(store);
    jest.spyOn(store, 'appendToStream').mockImplementation(async (stream, events, options) => {
      await append(stream, [{ type: 'Counted', data: { by: 0 }, metadata: { actor: metadata.actor } }]);
      return append(stream, events, options);
    });
    await expect(handleCommand(store, 'counter-1', counter, count(1), { maxAttempts: 3 })).rejects.toBeInstanceOf(StreamContendedError);
  });

  it('decides again on the newer state when an unpinned write loses a race', async () => {
    await handleCommand(store, 'counter-1', counter, count(5));
    // Both read total 5; the loser re-reads 9 and its +4 would pass 10, so the rule refuses it.
    const results = await Promise.allSettled([handleCommand(store, 'counter-1', counter, count(4)), handleCommand(store, 'counter-1', counter, count(4))]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason.message).toBe('CEILING');
    expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 5 }, { by: 4 }]);
  });

  describe('a request sent again (same request id)', () => {
    it('answers what the first attempt appended, and appends nothing more', async () => {
      const first = await handleCommand(store, 'counter-1', counter, count(6), { requestId: 'request-a' });
      await handleCommand(store, 'counter-1', counter, count(1));
      // Decided again, +6 would pass the ceiling: the retry must not decide at all.
      const retry = await handleCommand(store, 'counter-1', counter, count(6), { requestId: 'request-a' });
      expect(retry).toEqual({ ...first, state: 6 });
      expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 6 }, { by: 1 }]);
    });

    it('answers the first result even when the retry pins the revision it saw before', async () => {
      await handleCommand(store, 'counter-1', counter, count(1));
      const first = await handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-a', expectedRevision: 0 });
      const retry = await handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-a', expectedRevision: 0 });
      expect(retry.revision).toBe(first.revision);
      expect(await store.readStream('counter-1')).toHaveLength(2);
    });

    it('is another request under another id', async () => {
      await handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-a' });
      await handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-b' });
      expect(await store.readStream('counter-1')).toHaveLength(2);
    });

    it('lands once when both attempts run at the same time', async () => {
      const results = await Promise.all([
        handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-a' }),
        handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-a' }),
      ]);
      expect(results[0].revision).toBe(results[1].revision);
      expect(await store.readStream('counter-1')).toHaveLength(1);
    });
  });
});

describe('handleCommand on the snapshot its last write left', () => {
  /** The counter, counting the events it folds. */
  function countingCounter() {
    const folded = { events: 0 };
    return { folded, decider: { ...counter, evolve: (total: number, event: Counted) => (folded.events++, counter.evolve(total, event)) } };
  }
  /** The store, counting its stream reads. */
  function countingStore() {
    const store = new InMemoryEventStore();
    const reads = { count: 0 };
    const readStream = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementation((...args) => (reads.count++, readStream(...args)));
    return { store, reads };
  }
  /** Stores events as they are, counting what it opens; `stale()` makes everything opened so far no longer good. */
  function countingCodec() {
    const counts = { opened: 0 };
    let generation = 0;
    const codec: EventCodec = {
      seal: async (event) => event,
      open: async (event) => (counts.opened++, event),
      openedNow: () => {
        const at = generation;
        return () => at === generation;
      },
    };
    return { counts, codec, stale: () => generation++ };
  }
  /** An append by another process: this one's snapshot of the stream is then short. */
  const appendElsewhere = (store: EventStore, by: number, id?: string) =>
    store.appendToStream('counter-1', [{ id, type: 'Counted', data: { by }, metadata: { actor: metadata.actor } }]);

  it('decides every write after the first without reading the stream, folding only its own events', async () => {
    const { store, reads } = countingStore();
    const { folded, decider } = countingCounter();
    for (let n = 0; n < 5; n++) await handleCommand(store, 'counter-1', decider, count(1));
    expect(reads.count).toBe(1);
    expect(folded.events).toBe(5);
    expect((await handleCommand(store, 'counter-1', decider, count(2))).state).toBe(7);
  });

  it('after another process wrote, fails the append on the snapshot, reads, and folds only the events after it', async () => {
    const { store, reads } = countingStore();
    const { folded, decider } = countingCounter();
    for (let n = 0; n < 5; n++) await handleCommand(store, 'counter-1', decider, count(1));
    await appendElsewhere(store, 3);
    folded.events = 0;
    reads.count = 0;
    const result = await handleCommand(store, 'counter-1', decider, count(1));
    expect(result).toMatchObject({ revision: 6, state: 9 });
    expect(reads.count).toBe(1);
    // Its decision on the snapshot, the other process's event, its decision again.
    expect(folded.events).toBe(3);
  });

  it('never lands a decision made on a snapshot another process made short: the rule is judged on the stream', async () => {
    const { store } = countingStore();
    await handleCommand(store, 'counter-1', counter, count(5));
    await appendElsewhere(store, 4);
    // On the snapshot 5 + 2 passes; on the stream 9 + 2 passes the ceiling.
    await expect(handleCommand(store, 'counter-1', counter, count(2))).rejects.toThrow('CEILING');
    expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 5 }, { by: 4 }]);
  });

  it('answers a retry whose first attempt another process appended after the snapshot, and appends nothing', async () => {
    const { store } = countingStore();
    await handleCommand(store, 'counter-1', counter, count(1));
    await appendElsewhere(store, 2, eventIdsFor('request-a', 1)[0]);
    const retry = await handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-a' });
    expect(retry).toMatchObject({ revision: 1, state: 3, newEvents: [{ type: 'Counted', data: { by: 2 } }] });
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('answers a retry whose first attempt another process appended after other events, and keeps no state made up from it', async () => {
    const { store } = countingStore();
    await handleCommand(store, 'counter-1', counter, count(1));
    await appendElsewhere(store, 4);
    await appendElsewhere(store, 2, eventIdsFor('request-a', 1)[0]);
    // On the snapshot (total 1) the retry decides +2 again, and the store recognises its event.
    const retry = await handleCommand(store, 'counter-1', counter, count(2), { requestId: 'request-a' });
    expect(retry).toMatchObject({ revision: 2, state: 7 });
    // A snapshot of 1 + 2 at revision 2 would let +6 pass the ceiling.
    await expect(handleCommand(store, 'counter-1', counter, count(6))).rejects.toThrow('CEILING');
    expect(await store.readStream('counter-1')).toHaveLength(3);
  });

  it('checks the stream before answering that there is nothing to do, since another process may have changed it', async () => {
    const { store } = countingStore();
    type SetTo = DomainCommand<'SetTo', { total: number }>;
    const setter = {
      initialState: () => 0,
      evolve: counter.evolve,
      decide: (command: SetTo, total: number): Counted[] =>
        total === command.data.total ? [] : [{ type: 'Counted', data: { by: command.data.total - total } }],
    };
    const setTo = (total: number): SetTo => ({ type: 'SetTo', data: { total }, metadata });
    await handleCommand(store, 'counter-1', setter, setTo(5));
    await appendElsewhere(store, 1);
    const result = await handleCommand(store, 'counter-1', setter, setTo(5));
    expect(result).toMatchObject({ revision: 2, state: 5, newEvents: [{ type: 'Counted', data: { by: -1 } }] });
  });

  it('keeps snapshots per store: a stream of the same name in another store is decided on its own events', async () => {
    const one = new InMemoryEventStore();
    const other = new InMemoryEventStore();
    await handleCommand(one, 'counter-1', counter, count(5));
    await handleCommand(other, 'counter-1', counter, count(1));
    // Both streams end at revision 0: a shared snapshot would append on 5, not 1.
    expect((await handleCommand(other, 'counter-1', counter, count(2))).state).toBe(3);
  });

  it('opens only the events after the snapshot through the codec, and the whole stream once what it opened may be stale (an erasure)', async () => {
    const { store } = countingStore();
    const { counts, codec, stale } = countingCodec();
    for (let n = 0; n < 5; n++) await handleCommand(store, 'counter-1', counter, count(1), { codec });
    await appendElsewhere(store, 1);
    counts.opened = 0;
    await handleCommand(store, 'counter-1', counter, count(1), { codec });
    expect(counts.opened).toBe(1);
    stale();
    counts.opened = 0;
    const result = await handleCommand(store, 'counter-1', counter, count(1), { codec });
    expect(counts.opened).toBe(7);
    expect(result.state).toBe(8);
  });

  it('keeps nothing it opened through a codec that cannot say when that goes stale', async () => {
    const { store, reads } = countingStore();
    const codec: EventCodec = { seal: async (event) => event, open: async (event) => event };
    for (let n = 0; n < 3; n++) await handleCommand(store, 'counter-1', counter, count(1), { codec });
    expect(reads.count).toBe(3);
  });

  it('keeps the state frozen: a decider that changes the state it is given fails instead of changing later decisions', async () => {
    const store = new InMemoryEventStore();
    type Tally = { total: number };
    const mutating = {
      initialState: (): Tally => ({ total: 0 }),
      evolve: (tally: Tally, event: Counted) => {
        tally.total += event.data.by;
        return tally;
      },
      decide: (command: Count): Counted[] => [{ type: 'Counted', data: { by: command.data.add } }],
    };
    await expect(handleCommand(store, 'tally-1', mutating, count(1))).rejects.toThrow(TypeError);
    expect(await store.readStream('tally-1')).toHaveLength(0);
  });
});
