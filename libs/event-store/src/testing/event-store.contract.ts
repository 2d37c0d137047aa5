import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { EventIdConflictError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { EventStore, NewEvent, RecordedEvent } from '../event-store';
import { GENESIS_HASH } from '../hash-chain';
import { comparePositions, isPosition } from '../position';
import { untilReadable } from './until-readable';

export interface ContractSubject {
  store: EventStore;
  teardown(): Promise<void>;
}

const actor = { sub: 'user-1', name: 'Test User', roles: ['admin'] };

export function anEvent(type = 'SomethingHappened', data: unknown = { value: 1 }, extra: Partial<NewEvent> = {}): NewEvent {
  return { type, data, metadata: { actor }, ...extra };
}

async function drainAll(store: EventStore, after: string | null = null): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: all.at(-1)?.position ?? after, limit: 7 });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

let streamCounter = 0;
/** Every test writes to streams of its own, so the suite also runs against a shared server. */
function freshStream(category = 'test'): string {
  return `${category}-${process.pid}x${Date.now().toString(36)}x${streamCounter++}`;
}

/**
 * The behaviour every EventStore adapter must have. `open` gives a store on an empty log
 * for the whole suite; tests never assume that the log holds only their own events.
 */
export interface ContractCapabilities {
  /** Event ids are unique across the whole log, not only within a stream. */
  globalEventIds?: boolean;
}

export function describeEventStoreContract(adapter: string, open: () => Promise<ContractSubject>, capabilities: ContractCapabilities = {}): void {
  const globalEventIds = capabilities.globalEventIds ?? true;
  describe(`EventStore contract: ${adapter}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.teardown();
    });

    describe('appending', () => {
      it('starts a stream at revision 0 and answers the last revision and position', async () => {
        const stream = freshStream();
        const result = await store.appendToStream(stream, [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        expect(result.stream).toBe(stream);
        expect(result.revision).toBe(2);
        expect(isPosition(result.position)).toBe(true);
        const events = await store.readStream(stream);
        expect(events.map((event) => event.revision)).toEqual([0, 1, 2]);
        expect(events[2].position).toBe(result.position);
      });

      it('appends when the expected revision is the current one', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [anEvent()], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(stream, [anEvent()], { expectedRevision: 0 });
        expect(result.revision).toBe(1);
      });

      it('refuses a stale expected revision with the actual one, and writes nothing', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [anEvent(), anEvent()]);
        const error = await store.appendToStream(stream, [anEvent('Late')], { expectedRevision: 0 }).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected: 0, actual: 1 });
        expect((await store.readStream(stream)).map((event) => event.type)).not.toContain('Late');
      });

      it('refuses no_stream for an existing stream and stream_exists for a missing one', async () => {
        const stream = freshStream();
        await expect(store.appendToStream(stream, [anEvent()], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
          actual: -1,
        });
        await store.appendToStream(stream, [anEvent()], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, [anEvent()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.appendToStream(stream, [anEvent()], { expectedRevision: 'stream_exists' })).resolves.toMatchObject({
          revision: 1,
        });
      });

      it('refuses an exact revision on a stream that does not exist', async () => {
        await expect(store.appendToStream(freshStream(), [anEvent()], { expectedRevision: 0 })).rejects.toMatchObject({
          actual: -1,
        });
      });

      it('lets exactly one of many concurrent appends with the same expected revision win', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [anEvent()]);
        const results = await Promise.allSettled(Array.from({ length: 10 }, () => store.appendToStream(stream, [anEvent()], { expectedRevision: 0 })));
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
        expect(failures).toHaveLength(9);
        failures.forEach((failure) => expect(failure.reason).toBeInstanceOf(WrongExpectedRevisionError));
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('keeps every concurrent append with expected revision any, in stream order', async () => {
        const stream = freshStream();
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendToStream(stream, [anEvent('Counted', { i })])));
        const events = await store.readStream(stream);
        expect(events.map((event) => event.revision)).toEqual([...Array(20).keys()]);
        expect(new Set(events.map((event) => (event.data as { i: number }).i)).size).toBe(20);
      });
    });

    describe('retries with the same event ids', () => {
      it('answers the first result again and writes nothing', async () => {
        const stream = freshStream();
        const events = [anEvent('A', {}, { id: randomUUID() }), anEvent('B', {}, { id: randomUUID() })];
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('recognises a retry after other events were appended', async () => {
        const stream = freshStream();
        const event = anEvent('A', {}, { id: randomUUID() });
        const first = await store.appendToStream(stream, [event]);
        await store.appendToStream(stream, [anEvent('B')]);
        await expect(store.appendToStream(stream, [event], { expectedRevision: 'no_stream' })).resolves.toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      (globalEventIds ? it : it.skip)('refuses ids already used in another stream (skipped where ids are unique per stream only)', async () => {
        const a = anEvent('A', {}, { id: randomUUID() });
        await store.appendToStream(freshStream(), [a]);
        await expect(store.appendToStream(freshStream(), [a])).rejects.toBeInstanceOf(EventIdConflictError);
      });

      it('refuses ids already used in another combination in the stream', async () => {
        const stream = freshStream();
        const a = anEvent('A', {}, { id: randomUUID() });
        await store.appendToStream(stream, [a]);
        await expect(store.appendToStream(stream, [a, anEvent('B', {}, { id: randomUUID() })])).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('refusing bad input before writing anything', () => {
      const cases: Array<[string, () => [string, NewEvent[]], string]> = [
        ['an empty event list', () => [freshStream(), []], 'EMPTY_APPEND'],
        ['a malformed stream name', () => ['Not A Stream!', [anEvent()]], 'INVALID_STREAM_NAME'],
        ['a stream name without an id', () => ['plan', [anEvent()]], 'INVALID_STREAM_NAME'],
        ['a malformed event type', () => [freshStream(), [anEvent('has spaces')]], 'INVALID_EVENT_TYPE'],
        ['an event id that is not a UUID', () => [freshStream(), [anEvent('A', {}, { id: 'x' })]], 'INVALID_EVENT_ID'],
        ['data with a bigint', () => [freshStream(), [anEvent('A', { n: BigInt(1) })]], 'NOT_SERIALISABLE'],
        ['data with a NUL character', () => [freshStream(), [anEvent('A', { s: 'a\u0000b' })]], 'NOT_SERIALISABLE'],
        ['data with a lone surrogate', () => [freshStream(), [anEvent('A', { s: '\ud800' })]], 'NOT_SERIALISABLE'],
        [
          'data with a cycle',
          () => {
            const cyclic: Record<string, unknown> = {};
            cyclic.self = cyclic;
            return [freshStream(), [anEvent('A', cyclic)]];
          },
          'NOT_SERIALISABLE',
        ],
        ['an event over 1 MiB', () => [freshStream(), [anEvent('A', { s: 'x'.repeat(1024 * 1024) })]], 'EVENT_TOO_LARGE'],
        ['metadata without an actor', () => [freshStream(), [{ type: 'A', data: {}, metadata: {} }]], 'NOT_SERIALISABLE'],
      ];

      it.each(cases)('refuses %s', async (_label, build, reason) => {
        const before = await store.headPosition();
        const [stream, events] = build();
        const error = await store.appendToStream(stream, events).catch((e) => e);
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error.reason).toBe(reason);
        const sentinel = await store.appendToStream(freshStream(), [anEvent('Sentinel')]);
        await untilReadable(store, sentinel.position);
        const since = await drainAll(store, before);
        expect(since.filter((event) => event.stream === stream)).toEqual([]);
        expect(since.at(-1)?.id).toBe((await store.readStream(sentinel.stream))[0].id);
      });

      it('writes none of a batch in which one event is bad', async () => {
        const stream = freshStream();
        const error = await store.appendToStream(stream, [anEvent(), anEvent('A', { n: BigInt(2) })]).catch((e) => e);
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('accepts an event just under 1 MiB and any Unicode text', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [anEvent('A', { s: 'y'.repeat(1000 * 1000) }), anEvent('B', { s: 'Dinas Kesehatan — 健康 🏥 "quoted" \\ \n' })]);
        const events = await store.readStream(stream);
        expect((events[1].data as { s: string }).s).toBe('Dinas Kesehatan — 健康 🏥 "quoted" \\ \n');
        expect((await store.verifyStream(stream)).valid).toBe(true);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards and backwards from a revision, up to a count', async () => {
        const stream = freshStream();
        await store.appendToStream(
          stream,
          Array.from({ length: 5 }, (_, i) => anEvent('N', { i })),
        );
        const revisions = (events: RecordedEvent[]) => events.map((event) => event.revision);
        expect(revisions(await store.readStream(stream, { fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 }))).toEqual([3, 2]);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await store.readStream(freshStream())).toEqual([]);
      });

      it('returns data and metadata as appended, with the actor, reason and ids', async () => {
        const stream = freshStream();
        const id = randomUUID();
        await store.appendToStream(stream, [
          { id, type: 'Renamed', data: { name: 'Dinas Kesehatan', nested: { b: 2, a: [1, 'x', null] } }, metadata: { actor, reason: 'typo' } },
          { type: 'Followed', data: {}, metadata: { actor, correlationId: 'corr-1', causationId: id } },
        ]);
        const [first, second] = await store.readStream(stream);
        expect(first).toMatchObject({
          id,
          type: 'Renamed',
          stream,
          revision: 0,
          data: { name: 'Dinas Kesehatan', nested: { b: 2, a: [1, 'x', null] } },
          metadata: { actor, reason: 'typo', correlationId: id, causationId: null },
        });
        expect(new Date(first.recordedAt).toISOString()).toBe(first.recordedAt);
        expect(second.metadata).toMatchObject({ correlationId: 'corr-1', causationId: id });
      });
    });

    describe('the global log', () => {
      it('reads every event once, in batches, with strictly increasing positions', async () => {
        const streams = [freshStream(), freshStream()];
        let last = '';
        for (let i = 0; i < 6; i++) last = (await store.appendToStream(streams[i % 2], [anEvent('N', { i })])).position;
        await untilReadable(store, last);
        const all = await drainAll(store);
        const ours = all.filter((event) => streams.includes(event.stream));
        expect(ours.map((event) => (event.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5]);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
        expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
      });

      it('reads after a position, exclusively', async () => {
        const stream = freshStream();
        const first = await store.appendToStream(stream, [anEvent('N', { i: 0 })]);
        const second = await store.appendToStream(stream, [anEvent('N', { i: 1 })]);
        await untilReadable(store, second.position);
        const after = await store.readAll({ after: first.position, limit: 1000 });
        expect(after.filter((event) => event.stream === stream).map((event) => event.revision)).toEqual([1]);
      });

      it('names the position of the last readable event as its head', async () => {
        const result = await store.appendToStream(freshStream(), [anEvent()]);
        await untilReadable(store, result.position);
        expect(await store.headPosition()).toBe(result.position);
      });

      it('catches a subscriber up and then delivers new events live', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [anEvent('Before')]);
        const controller = new AbortController();
        const seen: RecordedEvent[] = [];
        const consuming = (async () => {
          for await (const batch of store.subscribeToAll({ signal: controller.signal, limit: 3 })) {
            seen.push(...batch.filter((event) => event.stream === stream));
            if (seen.length === 3) controller.abort();
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.appendToStream(stream, [anEvent('Live1')]);
        await store.appendToStream(stream, [anEvent('Live2')]);
        await consuming;
        expect(seen.map((event) => event.type)).toEqual(['Before', 'Live1', 'Live2']);
      });
    });

    describe('the hash chain', () => {
      it('chains each event to the previous one as docs/domain.md defines', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [anEvent('A', { z: 1, a: 'é' }), anEvent('B', { list: [3, 2, 1] })]);
        const [first, second] = await store.readStream(stream);
        const expected = (previous: string, event: RecordedEvent) =>
          createHash('sha256')
            .update(
              previous +
                canonicalJson({
                  stream: event.stream,
                  revision: event.revision,
                  type: event.type,
                  data: event.data,
                  metadata: event.metadata,
                  recordedAt: event.recordedAt,
                }),
            )
            .digest('hex');
        expect(first.hash).toBe(expected(GENESIS_HASH, first));
        expect(second.hash).toBe(expected(first.hash, second));
        await expect(store.verifyStream(stream)).resolves.toEqual({ valid: true, events: 2 });
      });

      it('continues the chain across appends', async () => {
        const stream = freshStream();
        await store.appendToStream(stream, [anEvent()]);
        await store.appendToStream(stream, [anEvent(), anEvent()]);
        await expect(store.verifyStream(stream)).resolves.toEqual({ valid: true, events: 3 });
      });

      it('verifies a stream that does not exist as valid and empty', async () => {
        await expect(store.verifyStream(freshStream())).resolves.toEqual({ valid: true, events: 0 });
      });
    });
  });
}
