import { AggregatorApp, eventually, startAggregator } from '../support/aggregator-app';
import { FakeLedger, feedItem, startFakeLedger } from '../support/fake-ledger';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * One well-behaved source beside five that misbehave each their own way, every one at once:
 * the good source's items all arrive while the others fail, and each failing source says why.
 * (The same with real ledgers, killed and replaced: aggregator-faults.e2e-spec.ts.)
 */
describe('sources that misbehave do not stop the others', () => {
  let testDatabase: TestDatabase;
  let ledgers: Record<string, FakeLedger>;
  let aggregator: AggregatorApp;
  const MAX_BYTES = 64 * 1024;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    const names = ['good', 'down', 'silent', 'endless', 'huge', 'garbage', 'wrong-shape', 'garbage-live'];
    ledgers = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await startFakeLedger()] as const)));
    ledgers.good.items = Array.from({ length: 40 }, (_, index) => feedItem(index + 1));
    await ledgers.down.close();
    // Accepts, then never answers.
    ledgers.silent.misbehave = () => undefined;
    // Answers 200 and sends forever, slower than the timeout and never ending.
    ledgers.endless.misbehave = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"items":[');
      const timer = setInterval(() => response.write(' '.repeat(100)), 50);
      response.once('close', () => clearInterval(timer));
    };
    // More than AGGREGATOR_MAX_BODY_BYTES, fast and without a length.
    ledgers.huge.misbehave = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"items":[],"pad":"${'x'.repeat(MAX_BYTES * 4)}"}`);
    };
    ledgers.garbage.misbehave = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json');
    ledgers['wrong-shape'].items = [feedItem(1, { year: 'last year' })];
    // A good page, then a live feed whose event is not JSON.
    ledgers['garbage-live'].misbehave = (request, response) => {
      if (request.url?.startsWith('/public/v1/feed/live')) {
        return response.writeHead(200, { 'content-type': 'text/event-stream' }).end('event: item\nid: 1\ndata: {not json\n\n');
      }
      if (request.url?.startsWith('/public/v1/feed')) {
        const items = request.url.includes('after=') ? [] : [feedItem(1)];
        return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
      }
      response.writeHead(404).end();
    };
    aggregator = await startAggregator(testDatabase.connectionString, Object.fromEntries(names.map((name) => [name, ledgers[name].url])), {
      AGGREGATOR_REQUEST_TIMEOUT_MS: '800',
      AGGREGATOR_MAX_BODY_BYTES: String(MAX_BYTES),
      AGGREGATOR_PAGE_SIZE: '10',
    });
  });
  afterAll(async () => {
    await aggregator?.close();
    // `down` was closed at the start.
    await Promise.all(Object.entries(ledgers).flatMap(([name, ledger]) => (name === 'down' ? [] : [ledger.close()])));
    await testDatabase.drop();
  });

  it('follows the good source to its end while each other source shows what is wrong with it', async () => {
    const source = async (name: string) => (await aggregator.get(`/public/v1/sources/${name}`)).body;
    await eventually(async () => expect(await source('good')).toMatchObject({ items: 40, freshness: { lastError: null } }));
    const reasons: Record<string, RegExp> = {
      down: /could not be reached \(ECONNREFUSED\)/,
      silent: /did not answer within 800 ms/,
      endless: /did not answer within 800 ms/,
      huge: new RegExp(`sent more than ${MAX_BYTES} bytes`),
      garbage: /answered something that is not JSON/,
      'wrong-shape': /answered a feed item \(0\) that is not of the public shape/,
      'garbage-live': /sent a live event that is not JSON/,
    };
    await eventually(async () => {
      for (const [name, reason] of Object.entries(reasons))
        expect({ name, lastError: (await source(name)).freshness.lastError }).toEqual({ name, lastError: expect.stringMatching(reason) });
    });
    for (const name of Object.keys(reasons)) {
      expect(await source(name)).toMatchObject({ items: name === 'garbage-live' ? 1 : 0, integrity: { state: 'UNVERIFIED' } });
    }
    // And the good one was never held back: it caught up and stays caught up.
    expect((await source('good')).freshness.lagSeconds).toBeLessThan(5);
  });
});
