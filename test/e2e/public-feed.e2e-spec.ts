import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { findingBody, goal, indicator, ledgerScenario } from '../support/ledger-scenario';
import { SseClient } from '../support/sse-client';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';

type Item = { position: string; occurredAt: string; type: string; opdCode: string; title: string; summary: string; link: string };

/**
 * The public feed on PostgreSQL: its order and pages across many items, Atom read back by an XML
 * parser, the live stream resumed after a disconnect with nothing missed or doubled, 304s.
 */
describe('public feed over HTTP', () => {
  const clock = new TestClock('2025-06-10');
  let testApp: TestApp;
  let base = '';
  const scenario = ledgerScenario(() => testApp.app);
  let last = '';
  const track = <T extends { position: string }>(written: T) => ((last = written.position), written);
  const get = (path: string) => scenario.http().get(path).set('X-Min-Position', last);
  const findings = async (count: number, from: number) => {
    for (let n = from; n < from + count; n++)
      track(await scenario.finding(findingBody('DINKES', '2025-03-01', [{ text: 'Setor' }], { reportNumber: `LHP-${n}` })));
  };
  async function everyItem(limit: number): Promise<Item[]> {
    const items: Item[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { items: Item[]; next: string | null } = (await get(`/public/v1/feed?limit=${limit}${after ? `&after=${after}` : ''}`).expect(200)).body;
      if (page.items.length === 0) {
        expect(page.next).toBe(after);
        return items;
      }
      items.push(...page.items);
      after = page.next;
    }
  }

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    await testApp.app.listen(0, '127.0.0.1');
    base = await testApp.app.getUrl();
    await scenario.registerOpd('DINKES');
    track(await scenario.approvedPlan('DINKES', 2025, [goal('G1', [indicator('I1')])]));
    await scenario.report('DINKES', 2025, 1, [{ indicatorCode: 'I1', value: 80 }]);
    await findings(118, 1);
  });
  afterAll(() => testApp.close());

  it('pages oldest first after a position, each page continuing the last, across 120 items', async () => {
    const all = await everyItem(500);
    expect(all).toHaveLength(120);
    expect(all.slice(0, 3).map((item) => item.type)).toEqual(['PLAN_APPROVED', 'REALISATION_REPORTED', 'FINDING_RECORDED']);
    expect(all.map((item) => item.position)).toEqual([...all.map((item) => item.position)].sort());
    expect(new Set(all.map((item) => item.position)).size).toBe(120);
    expect(await everyItem(7)).toEqual(all);
    expect(all[0]).toMatchObject({
      opdCode: 'DINKES',
      year: 2025,
      title: 'DINKES 2025: Perjanjian Kinerja versi 1 disetujui',
      link: '/public/v1/opds/DINKES/2025',
      // The portal page a person follows, beside the JSON a program reads.
      pageUrl: '/opd/DINKES/2025',
    });
    const { body } = await get(`/public/v1/feed?after=${all[100].position}&limit=5`).expect(200);
    expect(body.items).toEqual(all.slice(101, 106));
    expect(body.next).toBe(all[105].position);
  });

  it('refuses a malformed after or limit with 400 problem+json', async () => {
    for (const query of ['?after=1', '?after=abc', '?limit=0', '?limit=501', '?limit=x']) {
      const response = await get(`/public/v1/feed${query}`).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 304 to If-None-Match with the ETag, and a CDN-cacheable answer otherwise', async () => {
    const first = await get('/public/v1/feed?limit=3').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60');
    const tag = first.headers.etag;
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await get('/public/v1/feed?limit=3').set('If-None-Match', `W/${tag}, "other"`).expect(304);
    expect(again.text).toBeFalsy();
    expect(again.headers.etag).toBe(tag);
    await get('/public/v1/feed?limit=4').set('If-None-Match', tag).expect(200);
    const atom = await get('/public/v1/feed.atom').expect(200);
    await get('/public/v1/feed.atom').set('If-None-Match', atom.headers.etag).expect(304);
  });

  it('serves valid Atom 1.0, one entry per item with an id made of its event, newest first', async () => {
    const response = await get('/public/v1/feed.atom?limit=500').buffer(true).expect(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = response.text;
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed).toMatchObject({ id: 'urn:kinerja-ledger:feed', author: { name: 'kinerja-ledger' } });
    // Read by people in a feed reader: Indonesian, titled with the region (REGION_NAME).
    expect(feed['@xml:lang']).toBe('id');
    expect(feed.title).toBe('Kabar kinerja Kabupaten Contoh');
    const all = await everyItem(500);
    expect(feed.entry).toHaveLength(all.length);
    const newestFirst = [...all].reverse();
    expect(feed.updated).toBe(newestFirst[0].occurredAt);
    feed.entry.forEach((entry: Record<string, { '@href'?: string; '@term'?: string } | string>, index: number) => {
      const item = newestFirst[index];
      expect(entry.id).toMatch(/^urn:kinerja-ledger:event:[0-9a-f-]{36}$/);
      expect(entry).toMatchObject({
        title: item.title,
        summary: item.summary,
        updated: item.occurredAt,
        // A reader opens the unit's portal page; the JSON or PDF the item is about is related.
        link: [
          { '@rel': 'alternate', '@type': 'text/html', '@href': `/opd/${item.opdCode}/2025` },
          { '@rel': 'related', '@href': item.link },
        ],
        category: { '@term': item.type, '@label': expect.stringMatching(/^[A-Z][a-z]/) },
      });
    });
    expect(new Set(feed.entry.map((entry: { id: string }) => entry.id)).size).toBe(all.length);
    // Stable: the same entry has the same id in a later, longer feed.
    const before = feed.entry.at(-1).id;
    await findings(1, 500);
    const later = new XMLParser().parse((await get('/public/v1/feed.atom?limit=500').buffer(true).expect(200)).text).feed;
    expect(later.entry.at(-1).id).toBe(before);
    expect(later.entry).toHaveLength(all.length + 1);
  });

  it('streams new items live, and resumes after a disconnect from Last-Event-ID with nothing missed or doubled', async () => {
    const first = await SseClient.open(`${base}/public/v1/feed/live`);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('text/event-stream; charset=utf-8');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const head = (await everyItem(500)).at(-1)!.position;
    await findings(3, 600);
    const received = await first.waitFor(3);
    expect(received.every((event) => event.event === 'item' && event.id! > head)).toBe(true);
    first.disconnect();

    await findings(4, 700); // while nobody listens
    const resumed = await SseClient.open(`${base}/public/v1/feed/live`, { 'Last-Event-ID': received.at(-1)!.id! });
    await findings(2, 800);
    const more = await resumed.waitFor(6);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(resumed.events).toHaveLength(6);
    const expected = (await get(`/public/v1/feed?after=${head}`).expect(200)).body.items as Item[];
    expect([...received, ...more].map((event) => event.id)).toEqual(expected.map((item) => item.position));
    expect(more.map((event) => JSON.parse(event.data))).toEqual(expected.slice(3));
    expect(resumed.others).toContain('retry: 2000');
    resumed.disconnect();
  });

  it('starts after ?after= too, and refuses a malformed Last-Event-ID with 400', async () => {
    const all = await everyItem(500);
    const client = await SseClient.open(`${base}/public/v1/feed/live?after=${all.at(-3)!.position}`);
    expect((await client.waitFor(2)).map((event) => event.id)).toEqual(all.slice(-2).map((item) => item.position));
    client.disconnect();
    const refused = await fetch(`${base}/public/v1/feed/live`, { headers: { 'Last-Event-ID': 'nope' } });
    expect({ status: refused.status, code: ((await refused.json()) as { code: string }).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('ends open streams cleanly when the service shuts down', async () => {
    const client = await SseClient.open(`${base}/public/v1/feed/live`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopping = testApp.stopApp();
    expect(await client.ends()).toBe(true);
    await stopping;
  });
});
