import { findingBody, goal, indicator, ledgerScenario } from '../support/ledger-scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';

/**
 * The portal's pages over HTTP (what needs no browser): server-rendered tables from the public
 * answers, strict headers, problem documents for bad addresses, and the other routes untouched.
 * test/browser checks the scripts, accessibility and layout in Chromium.
 */
describe('the public portal over HTTP', () => {
  const clock = new TestClock('2025-08-05');
  let testApp: TestApp;
  const scenario = ledgerScenario(() => testApp.app);
  let last = '';
  const get = (path: string) => scenario.http().get(path).set('X-Min-Position', last);

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    for (const code of ['DINKES', 'DISDIK', 'BAPPEDA']) await scenario.registerOpd(code);
    await scenario.approvedPlan('DINKES', 2025, [goal('G1', [indicator('I1', { quarterlyTargets: [25, 50, 75, 100], name: 'Cakupan <imunisasi>' })])]);
    await scenario.report('DINKES', 2025, 1, [{ indicatorCode: 'I1', value: 20 }]);
    await scenario.report('DINKES', 2025, 2, [{ indicatorCode: 'I1', value: 45 }]);
    await scenario.approvedPlan('DISDIK', 2025, [goal('G1', [indicator('I1')])]);
    await scenario.report('DISDIK', 2025, 1, [{ indicatorCode: 'I1', value: 95 }]);
    await scenario.finding(findingBody('DINKES', '2025-03-01', [{ text: 'Setor', amountIdr: 12_500_000 }]));
    last = (await scenario.publishedLkjip('DISDIK', 2025)).position;
  });
  afterAll(() => testApp.close());

  it('renders the regency ranking as the public regency answer ranks it, in Indonesian, with strict headers', async () => {
    const page = await get('/?year=2025').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).toMatch(/^<!doctype html>\n<html lang="id">/);
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    const api = (await get('/public/v1/regency/2025').expect(200)).body;
    const ranked = [...page.text.matchAll(/<tr data-opd="([A-Z-]+)">/g)].map((match) => match[1]);
    expect(ranked).toEqual(api.items.map((item: { opdCode: string }) => item.opdCode));
    expect(ranked).toEqual(['DISDIK', 'DINKES', 'BAPPEDA']);
    // A unit without an achievement is listed apart, unranked, saying why; no rank number beside it.
    const [ranking, unranked] = page.text.split('<table id="unranked"');
    expect(ranking).not.toContain('data-opd="BAPPEDA"');
    expect(unranked).toMatch(/data-opd="BAPPEDA">[\s\S]*<td data-field="status">Belum ada rencana<\/td>/);
    // One empty sign: no recommendations means no rate and no amount, never "Rp 0".
    expect(page.text).not.toContain('Rp\u00a00');
    // Rupiah the Indonesian way, the category named in words, the published report linked.
    expect(page.text).toContain('Rp\u00a012.500.000');
    expect(page.text).toContain('Sangat tinggi');
    expect(page.text).toContain('href="/public/v1/opds/DISDIK/lkjip/2025.pdf"');
    expect(page.text).toContain('<th scope="col">Peringkat</th>');
    // Units are named as the public registry names them.
    expect(page.text).toContain('<span class="unit-name">Unit DISDIK</span>');
  });

  it('switches to English by a link, and answers 304 to a current ETag', async () => {
    const page = await get('/?year=2025&lang=en').expect(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('Very high');
    await get('/?year=2025&lang=en').set('If-None-Match', page.headers.etag).expect(304);
  });

  it('renders a unit page with its quarters, escaping what units wrote', async () => {
    const page = await get('/opd/DINKES/2025').expect(200);
    expect(page.text).toContain('Cakupan &lt;imunisasi&gt;');
    expect(page.text).not.toContain('<imunisasi>');
    const chart = /data-chart="([^"]+)"/.exec(page.text)![1].replace(/&quot;/g, '"');
    expect(JSON.parse(chart)).toMatchObject({ reported: 2, datasets: [{ data: [25, 50, 75, 100] }, { data: [20, 45, null, null] }] });
    expect(page.text).toContain('Penetapan awal');
    // An indicator with an annual target only: no target line (a lone dot at Q4 read as a quarter's target), a note instead.
    const annualOnly = (await get('/opd/DISDIK/2025').expect(200)).text;
    const annualChart = JSON.parse(/data-chart="([^"]+)"/.exec(annualOnly)![1].replace(/&quot;/g, '"'));
    expect(annualChart.datasets[0].data).toEqual([null, null, null, null]);
    expect(annualOnly).toContain('Indikator ini hanya bertarget tahunan');
    // Every figure traceable: the page names the public answers it is made of.
    expect(page.text).toContain('href="/public/v1/opds/DINKES/plans/2025"');
    expect(page.text).toContain('href="/public/v1/integrity/head"');
  });

  it('answers problem documents for bad addresses and leaves the other routes as they were', async () => {
    expect((await get('/?year=1999').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await get('/opd/NOPE/2025').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await get('/opd/bad!/2025').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await get('/portal/assets/..%2Fpackage.json').expect(404)).headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/nothing-here').expect(404)).headers['content-type']).toContain('application/problem+json');
    await get('/health/live').expect(200);
    await get('/docs-json').expect(200);
    const script = await get('/portal/assets/chart.umd.min.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    await get('/portal/assets/portal.js').expect(200);
  });

  it('answers a browser with pages, not problem documents: not found and bad addresses in words with a way back', async () => {
    const html = (path: string) => get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    for (const [path, status] of [
      ['/opd/NOPE/2025', 404],
      ['/opd/DINKES/1999', 400],
      ['/opd/bad!/2025', 400],
      ['/?year=1999', 400],
      ['/opd/DINKES/2025/extra', 404],
    ] as const) {
      const page = await html(path).expect(status);
      expect({ path, type: page.headers['content-type'] }).toEqual({ path, type: 'text/html; charset=utf-8' });
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<h1 id="error-title">Halaman tidak ditemukan</h1>');
      expect(page.text).toContain('<a href="/">Ke peringkat perangkat daerah</a>');
    }
    const english = await html('/opd/NOPE/2025?lang=en').expect(404);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Page not found');
    expect(english.text).toContain('href="/opd/NOPE/2025"');
  });

  it('explains the integrity head in words, with the command for experts a link away', async () => {
    // The head is recorded in the background; on a busy machine it may trail the fixtures' writes.
    for (let attempt = 0; (await get('/public/v1/integrity/head')).status === 404 && attempt < 100; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const regency = await get('/?year=2025').expect(200);
    expect(regency.text).toContain('sidik jari seluruh buku besar');
    expect(regency.text).not.toContain('npm run verify');
    expect(regency.text).toContain('href="/integritas"');
    const page = await get('/integritas').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('npm run verify -- --head');
    expect(page.text).toContain('Peristiwa sejak titik periksa sebelumnya');
    expect((await get('/integritas?lang=en').expect(200)).text).toContain('Data integrity: how to check');
  });

  it('takes a unit address without a year to this year, and has an icon', async () => {
    expect((await get('/opd/DINKES').expect(302)).headers.location).toBe('/opd/DINKES/2025');
    expect((await get('/opd/DINKES?lang=en').expect(302)).headers.location).toBe('/opd/DINKES/2025?lang=en');
    expect((await get('/opd').expect(302)).headers.location).toBe('/');
    expect((await get('/favicon.ico').expect(200)).headers['content-type']).toBe('image/svg+xml');
    expect((await get('/?year=2025').expect(200)).text).toContain('<link rel="icon" href="/portal/assets/favicon.svg" type="image/svg+xml" />');
  });
});
