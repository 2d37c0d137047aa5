import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract(
    'EventStoreDB adapter',
    async () => {
      const store = await EventStoreDbEventStore.connect(connectionString);
      return { store, teardown: () => store.close() };
    },
    { globalEventIds: false },
  );
} else {
  // No EventStoreDB server can run on our machines; never pretend it passed.
  describe.skip('EventStore contract: EventStoreDB adapter (skipped: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it('runs the whole contract suite when a server is configured', () => undefined);
  });
}
