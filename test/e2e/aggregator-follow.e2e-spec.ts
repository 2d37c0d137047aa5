import { AggregatorApp, eventually, startAggregator } from '../support/aggregator-app';
import { FakeLedger, feedItem, feedPosition, startFakeLedger } from '../support/fake-ledger';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const head = (sequence: number, previousHash = sequence === 1 ? '0'.repeat(64) : hash(sequence - 1)) => ({
  sequence,
  position: feedPosition(sequence * 100),
  events: 100,
  hash: hash(sequence),
  previousHash,
  recordedAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)).toISOString(),
});

/**
 * The aggregator against stand-in ledgers (test/support/fake-ledger.ts): what it stores of a
 * feed across a restart, and what it makes of the heads it is shown.
 */
describe('the aggregator following feeds and heads', () => {
  let testDatabase: TestDatabase;
  let ledger: FakeLedger;
  let aggregator: AggregatorApp | undefined;

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    ledger = await startFakeLedger();
  });
  afterEach(async () => {
    await aggregator?.close();
    aggregator = undefined;
    await ledger.close();
    await testDatabase.drop();
  });

  const storedPositions = async () =>
    (await testDatabase.database.pool.query<{ position: string }>(`SELECT position FROM aggregator.items WHERE source = 'langkat' ORDER BY position`)).rows.map(
      (row) => row.position,
    );

  it('stores every item once, across pages and a restart, and resumes where it stopped', async () => {
    ledger.items = Array.from({ length: 23 }, (_, index) => feedItem(index + 1));
    aggregator = await startAggregator(testDatabase.connectionString, { langkat: ledger.url }, { AGGREGATOR_PAGE_SIZE: '5' });
    await eventually(async () => expect(await storedPositions()).toHaveLength(23));
    await aggregator.close();

    const requestsBefore = ledger.feedRequests;
    ledger.items.push(...Array.from({ length: 9 }, (_, index) => feedItem(24 + index)));
    aggregator = await startAggregator(testDatabase.connectionString, { langkat: ledger.url }, { AGGREGATOR_PAGE_SIZE: '5' });
    await eventually(async () => expect(await storedPositions()).toHaveLength(32));
    expect(await storedPositions()).toEqual(ledger.items.map((item) => item.position));
    // Resumed from its checkpoint: two pages for the nine new items, then asks while caught up; never the first 23 again.
    expect(ledger.feedRequests - requestsBefore).toBeLessThan(20);

    const { status, body } = await aggregator.get('/public/v1/sources/langkat');
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'langkat', items: 32, checkpoint: feedPosition(32), freshness: { lastError: null } });
    expect(body.freshness.lagSeconds).toBeLessThan(5);
    const [stored] = (await testDatabase.database.pool.query(`SELECT * FROM aggregator.items WHERE position = $1`, [feedPosition(7)])).rows;
    expect(stored).toMatchObject({ type: 'PLAN_APPROVED', opd_code: 'OPD0', year: 2026, title: 'Item 7', details: { version: 1 } });
  });

  it('follows the live feed once caught up, and resumes after a cut from its checkpoint (Last-Event-ID)', async () => {
    ledger.live = true;
    ledger.items = [feedItem(1), feedItem(2), feedItem(3)];
    // Pages every 30 s: an item that arrives sooner came over the live feed.
    aggregator = await startAggregator(testDatabase.connectionString, { langkat: ledger.url }, { AGGREGATOR_POLL_MS: '30000' });
    await eventually(async () => expect(ledger.lastEventIds).toEqual([feedPosition(3)]));
    ledger.publish(feedItem(4));
    await eventually(async () => expect(await storedPositions()).toHaveLength(4), 5000);

    ledger.cutLive();
    ledger.publish(feedItem(5));
    ledger.publish(feedItem(6));
    await eventually(async () => expect(ledger.lastEventIds).toEqual([feedPosition(3), feedPosition(6)]), 10_000);
    ledger.publish(feedItem(7));
    await eventually(async () => expect(await storedPositions()).toEqual([1, 2, 3, 4, 5, 6, 7].map(feedPosition)), 5000);
    expect((await aggregator.get('/public/v1/sources/langkat')).body).toMatchObject({ items: 7, checkpoint: feedPosition(7), freshness: { lastError: null } });
  });

  it('keeps every head, follows a chain that extends, and marks a rewritten history INTEGRITY_BROKEN for good', async () => {
    aggregator = await startAggregator(testDatabase.connectionString, { langkat: ledger.url });
    const integrity = async () => (await aggregator!.get('/public/v1/sources/langkat')).body.integrity;
    expect((await integrity()).state).toBe('UNVERIFIED');

    ledger.head = head(1);
    await eventually(async () => expect(await integrity()).toMatchObject({ state: 'CONSISTENT', head: { sequence: 1 } }));
    ledger.head = head(2);
    await eventually(async () => expect(await integrity()).toMatchObject({ state: 'CONSISTENT', head: { sequence: 2 }, headsSeen: 2, unverifiedGaps: 0 }));

    // Checkpoint 3 that does not chain to the 2 everyone saw: the history before it was rewritten.
    const rewritten = head(3, hash(99));
    ledger.head = rewritten;
    await eventually(async () => expect((await integrity()).state).toBe('INTEGRITY_BROKEN'));
    const broken = await integrity();
    expect(broken.evidence).toEqual({
      reason: 'checkpoint 3 does not chain to the hash of checkpoint 2',
      seen: head(2),
      shown: rewritten,
      shownAt: broken.brokenAt,
    });

    // A head that would chain again repairs nothing.
    ledger.head = head(3);
    await eventually(async () => expect((await aggregator!.get('/public/v1/sources/langkat/heads')).body.items).toHaveLength(4));
    expect(await integrity()).toMatchObject({ state: 'INTEGRITY_BROKEN', brokenAt: broken.brokenAt });
    const { body } = await aggregator.get('/public/v1/sources/langkat/heads');
    expect(body.items.map((seen: { sequence: number; verdict: string }) => [seen.sequence, seen.verdict])).toEqual([
      [1, 'FIRST'],
      [2, 'EXTENDS'],
      [3, 'BROKEN'],
      [3, 'EXTENDS'],
    ]);

    // The page for people says so too, in both languages, under the regency portal's policy and stylesheet.
    const page = await fetch(`${aggregator.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toMatch(/<html lang="id">/);
    expect(html).toContain('Integritas rusak');
    expect(html).toContain('checkpoint 3 does not chain to the hash of checkpoint 2');
    expect(await (await fetch(`${aggregator.url}/?lang=en`)).text()).toContain('Integrity broken');
    const styles = await fetch(`${aggregator.url}/assets/portal.css`);
    expect({ status: styles.status, type: styles.headers.get('content-type') }).toEqual({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await aggregator.get('/?year=next')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('ranks the regencies of a year from what their feeds carried, each with its freshness and integrity', async () => {
    const other = await startFakeLedger();
    try {
      ledger.items = [
        feedItem(1, { opdCode: 'DINKES' }),
        feedItem(2, { opdCode: 'DINKES', type: 'LKJIP_PUBLISHED', details: { figures: { achievement: 91.5 } } }),
        feedItem(3, { opdCode: 'DINKES', type: 'FINDING_RECORDED', details: { title: 'Kas', recommendations: 2 } }),
        feedItem(4, { opdCode: 'DINKES', type: 'RECOMMENDATION_ASSESSED', details: { findingTitle: 'Kas', recommendationNo: 1, status: 'SESUAI' } }),
        feedItem(5, { opdCode: 'DINKES', year: 2025, type: 'LKJIP_PUBLISHED', details: { figures: { achievement: 10 } } }),
      ];
      other.items = [
        feedItem(1, { opdCode: 'DISDIK' }),
        feedItem(2, { opdCode: 'DISDIK', type: 'LKJIP_PUBLISHED', details: { figures: { achievement: 99 } } }),
      ];
      aggregator = await startAggregator(testDatabase.connectionString, { langkat: ledger.url, binjai: other.url });
      const ranking = await eventually(async () => {
        const { status, body } = await aggregator!.get('/public/v1/ranking?year=2026');
        expect(status).toBe(200);
        expect(body.items.map((row: { units: number }) => row.units)).toEqual([1, 1]);
        return body;
      });
      expect(ranking).toEqual({
        year: 2026,
        items: [
          {
            rank: 1,
            source: 'binjai',
            integrity: 'UNVERIFIED',
            units: 1,
            planAchievement: 99,
            lkjip: { published: 1, of: 1, rate: 100 },
            auditFollowUp: { recommendations: 0, settled: 0, rate: null },
            skpCoverage: null,
            zi: { declared: 0, proposed: 0, wbk: 0, wbbm: 0, revoked: 0 },
          },
          {
            rank: 2,
            source: 'langkat',
            integrity: 'UNVERIFIED',
            units: 1,
            planAchievement: 91.5,
            lkjip: { published: 1, of: 1, rate: 100 },
            auditFollowUp: { recommendations: 2, settled: 1, rate: 50 },
            skpCoverage: null,
            zi: { declared: 0, proposed: 0, wbk: 0, wbbm: 0, revoked: 0 },
          },
        ],
      });
      const { body: sources } = await aggregator.get('/public/v1/sources');
      expect(sources.items.map((source: { name: string; items: number }) => [source.name, source.items])).toEqual([
        ['binjai', 2],
        ['langkat', 5],
      ]);
      for (const year of ['abc', '20260', '-1', '2026.5']) {
        expect(await aggregator.get(`/public/v1/ranking?year=${year}`)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      }
    } finally {
      await other.close();
    }
  });

  it('answers problems for a source it does not follow or cannot be named', async () => {
    aggregator = await startAggregator(testDatabase.connectionString, { langkat: ledger.url });
    const missing = await fetch(`${aggregator.url}/public/v1/sources/binjai`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await missing.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await aggregator.get('/public/v1/sources/NOT%20A%20NAME')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await aggregator.get('/nowhere')).status).toBe(404);
  });
});
