import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { PostgresEventStore } from './postgres-event-store';

const actor = { sub: 'u', roles: [] };
const event = (n: number) => ({ type: 'Counted', data: { n }, metadata: { actor } });

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
});
