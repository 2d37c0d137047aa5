import { DomainCommand } from '@app/decider';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { decisionSnapshots } from '../decision-snapshots';
import { verifyChain } from '../hash-chain';
import { handleCommand } from '../handle-command';
import { PostgresEventStore } from './postgres-event-store';

const actor = { sub: 'u', roles: [] };
const event = (n: number) => ({ type: 'Counted', data: { n }, metadata: { actor } });

/** A counter with a ceiling of 10: what it refuses depends on every event before. */
type Added = { type: 'Added'; data: { by: number } };
type Add = DomainCommand<'Add', { by: number }>;
const counter = {
  initialState: () => 0,
  evolve: (total: number, added: Added) => total + added.data.by,
  decide: (command: Add, total: number): Added[] => {
    if (total + command.data.by > 10) throw new Error('CEILING');
    return [{ type: 'Added', data: { by: command.data.by } }];
  },
};
/** Notes the day it was decided on: a decision made again on another day differs. */
type Noted = { type: 'Noted'; data: { on: string } };
type Note = DomainCommand<'Note', Record<string, never>>;
const dated = {
  initialState: () => 0,
  evolve: (count: number) => count + 1,
  decide: (command: Note): Noted[] => [{ type: 'Noted', data: { on: command.metadata.today } }],
};
const note = (today: string): Note => ({ type: 'Note', data: {}, metadata: { actor, now: `${today}T00:00:00.000Z`, today } });
const add = (by: number): Add => ({ type: 'Add', data: { by }, metadata: { actor, now: '2025-01-01T00:00:00.000Z', today: '2025-01-01' } });

describe('stream reads through the cache', () => {
  let testDatabase: TestDatabase;
  let writer: PostgresEventStore;
  let reader: PostgresEventStore;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    writer = await PostgresEventStore.open(testDatabase.database);
    reader = await PostgresEventStore.open(testDatabase.database);
  });
  afterAll(async () => {
    await writer.close();
    await reader.close();
    await testDatabase.drop();
  });

  it('sees events another process appended after the stream was cached', async () => {
    await writer.appendToStream('plan-CACHE-2025', [event(0), event(1)]);
    expect(await reader.readStream('plan-CACHE-2025')).toHaveLength(2);
    await writer.appendToStream('plan-CACHE-2025', [event(2)]);
    const events = await reader.readStream('plan-CACHE-2025');
    expect(events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2]);
    expect((await reader.readStream('plan-CACHE-2025', { direction: 'backwards', maxCount: 1 }))[0].revision).toBe(2);
  });

  it('hands out events nobody can change', async () => {
    await writer.appendToStream('plan-FROZEN-2025', [event(0)]);
    const [first] = await reader.readStream('plan-FROZEN-2025');
    expect(() => {
      (first.data as { n: number }).n = 99;
    }).toThrow(TypeError);
    expect(((await reader.readStream('plan-FROZEN-2025'))[0].data as { n: number }).n).toBe(0);
  });

  it("decides a process's next writes on its snapshot without reading, and a later read fetches them as stored", async () => {
    const stream = 'counter-OWN';
    await handleCommand(writer, stream, counter, add(1));
    await writer.readStream(stream);
    const reads = jest.spyOn(writer, 'readStream');
    await handleCommand(writer, stream, counter, add(2));
    const third = await handleCommand(writer, stream, counter, add(3));
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(third).toMatchObject({ revision: 2, state: 6 });
    // The copy holds what was read; the writes' own events are fetched by the next read.
    expect(writer.cachedStream(stream)).toHaveLength(1);
    const read = await writer.readStream(stream);
    expect(read).toEqual(await reader.readStream(stream));
    expect(verifyChain(read)).toEqual({ valid: true, events: 3 });
    expect(writer.cachedStream(stream)).toEqual(read);
  });

  it('decides again on a fresh read when another process made the copy short', async () => {
    const stream = 'counter-SHORT';
    await handleCommand(writer, stream, counter, add(3));
    await handleCommand(writer, stream, counter, add(4));
    await handleCommand(reader, stream, counter, add(2));
    // On its own copy the writer sees 7 and would add 2; the stream holds 9.
    await expect(handleCommand(writer, stream, counter, add(2))).rejects.toThrow('CEILING');
    expect((await reader.readStream(stream)).map((e) => e.data)).toEqual([{ by: 3 }, { by: 4 }, { by: 2 }]);
  });

  it("judges the caller's If-Match against the stream, not against a short copy", async () => {
    const stream = 'counter-IFMATCH';
    await handleCommand(writer, stream, counter, add(1));
    await writer.readStream(stream);
    await handleCommand(reader, stream, counter, add(1));
    expect(writer.cachedStream(stream)).toHaveLength(1);
    const result = await handleCommand(writer, stream, counter, add(1), { expectedRevision: 1 });
    expect(result).toMatchObject({ revision: 2, state: 3 });
  });
  it('answers a retry in the same process with what its first attempt appended, not a decision made again on a copy that ends before it', async () => {
    const stream = 'dated-RETRY';
    const requestId = '3f1c1c1e-9a3a-4b7e-8d0e-2b3c4d5e6f70';
    await handleCommand(writer, stream, dated, note('2025-01-01'));
    await writer.readStream(stream);
    const first = await handleCommand(writer, stream, dated, note('2025-01-02'), { requestId });
    // The retry arrives the next day: decided again, its event would say so.
    const retry = await handleCommand(writer, stream, dated, note('2025-01-03'), { requestId });
    expect(retry).toEqual(first);
    expect((await reader.readStream(stream)).map((e) => e.data)).toEqual([{ on: '2025-01-01' }, { on: '2025-01-02' }]);
  });

  it('reads rather than appending on a copy its own writes have left behind', async () => {
    const stream = 'counter-BEHIND';
    await handleCommand(writer, stream, counter, add(1));
    await writer.readStream(stream);
    await handleCommand(writer, stream, counter, add(1));
    // A snapshot it may no longer use (what it opened has expired) leaves the process its copy, one event short.
    const snapshots = decisionSnapshots(writer);
    snapshots.set(stream, { ...snapshots.get(stream)!, stillGood: () => false });
    const appends = jest.spyOn(writer, 'appendToStream');
    await handleCommand(writer, stream, counter, add(1));
    expect(appends).toHaveBeenCalledTimes(1);
    appends.mockRestore();
  });
});
