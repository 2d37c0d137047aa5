import { createTestDatabase, testDatabaseKind } from '../../../../test/support/test-database';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract(`PostgreSQL adapter on ${testDatabaseKind()}`, async () => {
  const testDatabase = await createTestDatabase();
  const store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 100 });
  return {
    store,
    teardown: async () => {
      await store.close();
      await testDatabase.drop();
    },
  };
});
