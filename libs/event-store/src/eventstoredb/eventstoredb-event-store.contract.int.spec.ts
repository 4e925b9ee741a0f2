import { describeEventStoreContract } from '../testing/event-store-contract';
import { EventStoreDBEventStore } from './eventstoredb-event-store';

// The shared contract against a real EventStoreDB, wherever EVENTSTORE_URL names one
// (e.g. esdb://admin:changeit@localhost:2113?tls=false). Without it, say so plainly.
const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = new EventStoreDBEventStore(url);
    return { store, close: () => store.close() };
  });
} else {
  const skipped = 'EventStoreDB contract: skipped, EVENTSTORE_URL not set';
  console.log(skipped);
  describe.skip(skipped, () => {
    it('runs the event store contract against EventStoreDB', () => undefined);
  });
}
