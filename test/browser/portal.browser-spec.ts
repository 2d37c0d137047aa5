import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { IntegrityCheckpoints } from '@app/event-store';
import { Locator, Page } from 'playwright-core';
import { findingBody, goal, indicator, ledgerScenario } from '../support/ledger-scenario';
import { Chromium, openChromium } from '../support/chromium';
import { LateTcpProxy } from '../support/late-tcp-proxy';
import { listenOnLoopback, startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

/** What a reader sees in an element: the template's line breaks and indentation are not text. */
const textOf = async (locator: Locator) => (await locator.innerText()).trim();

// The page's globals inside page.evaluate callbacks; the project compiles without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const SCREENSHOTS = join(__dirname, '../../docs/screenshots');

/** The units as a regency registers them: the pages and screenshots show names, not only codes. */
const UNITS: Record<string, string> = {
  BAPPEDA: 'Badan Perencanaan Pembangunan Daerah',
  DINKES: 'Dinas Kesehatan',
  DISDIK: 'Dinas Pendidikan',
  DISPAR: 'Dinas Pariwisata',
  DPUPR: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  DPRD: 'Sekretariat DPRD',
};

/** Every unit row of the regency page, ranked ones first, then those listed apart. */
const UNIT_ROWS = '#ranking tbody tr, #unranked tbody tr';

/**
 * The portal in a real browser (Debian's Chromium), on data recorded through the HTTP API: the
 * ranking and its figures against the public API's answer, one chart point per reported quarter,
 * a new approval arriving in the live feed without a reload, the tables with JavaScript off,
 * axe-core on both pages in both languages, and the screenshots the README shows.
 */
describe('the public portal in Chromium', () => {
  const clock = new TestClock('2025-11-05');
  let testApp: TestApp;
  let base = '';
  let browser: Chromium;
  const scenario = ledgerScenario(() => testApp.app);
  let last = '';
  /** An open survey, for its form. */
  let openSurvey = '';
  const track = <T extends { position: string }>(written: T) => ((last = written.position), written);
  const api = async (path: string) => (await scenario.http().get(path).set('X-Min-Position', last).expect(200)).body;

  beforeAll(async () => {
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_EVENTS: '5', REGION_NAME: 'Kabupaten Langkat' }, { clock });
    base = await listenOnLoopback(testApp);
    for (const [code, name] of Object.entries(UNITS)) await scenario.registerOpd(code, name);
    const targets = { quarterlyTargets: [20, 45, 70, 100] };
    const plans: Array<[string, number[][]]> = [
      [
        'DINKES',
        [
          [22, 30],
          [48, 55],
          [71, 80],
        ],
      ],
      [
        'DISDIK',
        [
          [15, 30],
          [35, 50],
        ],
      ],
      [
        'DISPAR',
        [
          [25, 10],
          [50, 20],
          [80, 35],
        ],
      ],
      ['DPUPR', [[10, 5]]],
    ];
    for (const [code, quarters] of plans) {
      await scenario.approvedPlan(code, 2025, [
        goal('G1', [indicator('I1', { name: 'Cakupan layanan', ...targets }), indicator('I2', { name: 'Kepuasan masyarakat', unit: 'indeks', ...targets })]),
      ]);
      for (const [index, [first, second]] of quarters.entries()) {
        await scenario.report(code, 2025, index + 1, [
          { indicatorCode: 'I1', value: first },
          { indicatorCode: 'I2', value: second },
        ]);
      }
    }
    await scenario.approvedRevision('DINKES', 2025, [
      goal('G1', [indicator('I1', { name: 'Cakupan layanan', ...targets }), indicator('I2', { name: 'Kepuasan masyarakat', unit: 'indeks', ...targets })]),
    ]);
    await scenario.draftPlan('BAPPEDA', 2025, [goal('G1', [indicator('I1')])]);
    const { id } = await scenario.finding(findingBody('DISPAR', '2025-03-01', [{ text: 'Setor', amountIdr: 125_750_000 }, { text: 'Tegur' }]));
    await scenario.followUp(id, 'DISPAR', 1, { description: 'Disetor sebagian', amountSettledIdr: 25_750_000 });
    await scenario.publishedLkjip('DINKES', 2025);
    // A closed SKM on DINKES's page, and an open one on DPUPR's form.
    const surveyOf = async (code: string, quarter: number) => {
      const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: code }));
      const opened = await scenario
        .http()
        .post(`/api/v1/opds/${code}/surveys`)
        .set(operator)
        .send({ kind: 'SKM', service: 'Pelayanan perizinan', year: 2025, quarter, population: 400 })
        .expect(201);
      return { operator, surveyCode: opened.body.surveyCode as string };
    };
    const dinkes = await surveyOf('DINKES', 3);
    for (const answers of [
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 2, 4, 3, 3, 4, 4, 3],
      [4, 4, 3, 4, 4, 4, 4, 3, 4],
    ])
      await scenario
        .http()
        .post(`/public/v1/surveys/${dinkes.surveyCode}/responses`)
        .send({ answers: Object.fromEntries(answers.map((value, index) => [`U${index + 1}`, value])) })
        .expect(201);
    await scenario.http().post(`/api/v1/opds/DINKES/surveys/${dinkes.surveyCode}/close`).set(dinkes.operator).expect(200);
    openSurvey = (await surveyOf('DPUPR', 4)).surveyCode;
    await zonaIntegritas();
    track(await scenario.assess(id, 2, 'SESUAI'));
    // The integrity head is recorded in the background once enough events are there.
    for (let attempt = 0; (await scenario.http().get('/public/v1/integrity/head')).status === 404 && attempt < 50; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    browser = await openChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  /**
   * Zona Integritas on the portal: a puskesmas declared, assessed and evaluated by the TPI (every
   * item at its best but a few, so the areas differ), and a school that has only declared.
   */
  async function zonaIntegritas(): Promise<void> {
    const inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    const items: Array<{ code: string; answerType: string }> = (await scenario.http().get('/api/v1/zi/templates/current').set(inspector).expect(200)).body
      .items;
    const best: Record<string, unknown> = { YA_TIDAK: 'YA', ABC: 'A', ABCD: 'A', ABCDE: 'A', PERCENT: { numerator: 1, denominator: 1 }, SURVEY: 3.6 };
    // The TPI finds less in every fifth item, so the six areas score apart.
    const less: Record<string, unknown> = { YA_TIDAK: 'TIDAK', ABC: 'B', ABCD: 'C', ABCDE: 'C', PERCENT: { numerator: 1, denominator: 2 }, SURVEY: 3.1 };
    const lower = Object.fromEntries(items.filter((_item, index) => index % 5 === 0).map((item) => [item.code, less[item.answerType]]));
    const answers = (overrides: Record<string, unknown>) =>
      items.map((item) => ({ itemCode: item.code, value: overrides[item.code] ?? best[item.answerType], note: 'Bukti terlampir' }));
    const declare = async (unit: string) => {
      const code = unit.split('.')[0];
      const head = bearer(await tokenFor({ roles: ['opd_head'], opd: code }));
      const body = {
        target: 'WBK',
        declaredOn: '2025-01-20',
        documentUrl: 'https://langkat.example.go.id/zi/piagam.pdf',
        documentSha256: 'c'.repeat(64),
        team: [{ position: 'Kepala unit', duty: 'Penanggung jawab' }],
      };
      await scenario.http().post(`/api/v1/zi/${unit}/2025`).set(head).send(body).expect(201);
      return { head, operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: code })) };
    };
    const puskesmas = await declare('DINKES.PKM-STABAT');
    await scenario
      .http()
      .put('/api/v1/zi/DINKES.PKM-STABAT/2025/lke/answers')
      .set(puskesmas.operator)
      .send({ answers: answers({}) })
      .expect(200);
    await scenario.http().post('/api/v1/zi/DINKES.PKM-STABAT/2025/submit').set(puskesmas.head).expect(200);
    await scenario
      .http()
      .put('/api/v1/zi/DINKES.PKM-STABAT/2025/tpi/answers')
      .set(inspector)
      .send({ answers: answers(lower) })
      .expect(200);
    await scenario.http().post('/api/v1/zi/DINKES.PKM-STABAT/2025/tpi/evaluate').set(inspector).expect(200);
    await declare('DISDIK.UPT-SMP1');
  }

  const open = async (path: string, page?: Page, status = 200) => {
    const tab = page ?? (await browser.context.newPage());
    const answer = await tab.goto(`${base}${path}`);
    expect({ path, status: answer?.status() }).toEqual({ path, status });
    return tab;
  };

  it('ranks the units as the public regency answer does, with its figures', async () => {
    const regency = await api('/public/v1/regency/2025');
    const page = await open('/?year=2025');
    expect(await page.locator(UNIT_ROWS).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-opd')))).toEqual(
      regency.items.map((item: { opdCode: string }) => item.opdCode),
    );
    // Only units with an achievement are ranked; the others are listed apart, saying why.
    const withAchievement = regency.items.filter((item: { plan: { achievement: number | null } }) => item.plan.achievement !== null);
    expect(await page.locator('#ranking tbody tr').count()).toBe(withAchievement.length);
    expect(await textOf(page.locator('#unranked tr[data-opd="BAPPEDA"] [data-field="status"]'))).toBe('Belum ada rencana');
    const first = regency.items[0];
    const row = page.locator(`#ranking tr[data-opd="${first.opdCode}"]`);
    const shown = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(first.plan.achievement);
    expect(await textOf(row.locator('[data-field="achievement"]'))).toBe(`${shown} %`);
    const dispar = regency.items.find((item: { opdCode: string }) => item.opdCode === 'DISPAR');
    expect(dispar.findings.amountIdr.outstanding).toBe(100_000_000);
    expect(await textOf(page.locator('#ranking tr[data-opd="DISPAR"] [data-field="outstanding"]'))).toBe('Rp\u00a0100.000.000');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.close();
  });

  it('sorts a column from the keyboard', async () => {
    const page = await open('/?year=2025');
    const button = page.locator('#ranking thead th:nth-child(2) button');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#ranking thead th:nth-child(2)').getAttribute('aria-sort')).toBe('ascending');
    const codes = await page.locator('#ranking tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-opd')));
    expect(codes).toEqual([...codes].sort());
    await page.close();
  });

  it('draws one chart per indicator with one realisation point per reported quarter', async () => {
    const plan = await api('/public/v1/opds/DINKES/plans/2025');
    const page = await open('/opd/DINKES/2025');
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length > 0 && typeof window.Chart !== 'undefined');
    // The indicators' charts; the unit's survey has its own (the survey test looks at it).
    const charts = await page.locator('section.indicator canvas[data-chart]').evaluateAll((canvases) =>
      canvases.map((canvas) => {
        const chart = window.Chart.getChart(canvas);
        return { target: chart.data.datasets[0].data, realisation: chart.data.datasets[1].data.filter((value: number | null) => value !== null) };
      }),
    );
    const indicators = plan.goals.flatMap((goal: { indicators: object[] }) => goal.indicators);
    expect(charts).toHaveLength(indicators.length);
    expect(charts.map((chart) => chart.realisation)).toEqual(
      indicators.map((indicator: { quarters: Array<{ value: number }> }) => indicator.quarters.map((quarter) => quarter.value)),
    );
    expect(charts[0].realisation).toHaveLength(3);
    expect(charts[0].target).toEqual([20, 45, 70, 100]);
    await page.close();
  });

  it('shows a new approval in the live feed without a reload', async () => {
    const page = await browser.context.newPage();
    // Waited for from before the navigation: the stream may answer before the page's load event.
    const connected = page.waitForResponse((response) => response.url().includes('/public/v1/feed/live'));
    await open('/?year=2025', page);
    await connected;
    const before = await page.locator('#feed li').count();
    track(await scenario.approvedPlan('DPRD', 2025, [goal('G1', [indicator('I1')])]));
    const item = page.locator('#feed li').first();
    await item.locator('a', { hasText: 'DPRD 2025' }).waitFor({ timeout: 15_000 });
    expect(await item.locator('.feed-type').textContent()).toContain('Rencana disetujui');
    expect(await page.locator('#feed li').count()).toBe(before + 1);
    // The page was not reloaded: the ranking still shows what it was rendered with.
    expect(await textOf(page.locator('#unranked tr[data-opd="DPRD"] [data-field="status"]'))).toBe('Belum ada rencana');
    await page.close();
  });

  it('resumes the live feed after a dropped connection, missing nothing and showing nothing twice', async () => {
    // The browser reaches the API through a proxy that the test cuts: every connection drops and the port refuses for a while.
    const proxy = await LateTcpProxy.reserve({ host: '127.0.0.1', port: Number(new URL(base).port) });
    await proxy.open();
    const page = await browser.context.newPage();
    try {
      const live = page.waitForResponse((response) => response.url().includes('/public/v1/feed/live'));
      expect((await page.goto(`http://127.0.0.1:${proxy.port}/?year=2025`))?.status()).toBe(200);
      await live;
      // One item arrives live before the drop: resuming from the page's own `after` instead of Last-Event-ID would send it again.
      track(await scenario.approvedPlan('DPUPR', 2026, [goal('G1', [indicator('I1')])]));
      await page.locator('#feed li a', { hasText: 'DPUPR 2026' }).waitFor({ timeout: 15_000 });
      await proxy.close();
      // Recorded while the page has no connection at all.
      track(await scenario.approvedPlan('BAPPEDA', 2026, [goal('G1', [indicator('I1')])]));
      await proxy.open();
      // EventSource reconnects by itself (retry: 2000) and sends Last-Event-ID; the server sends what it missed.
      await page.locator('#feed li a', { hasText: 'BAPPEDA 2026' }).waitFor({ timeout: 20_000 });
      expect(await page.locator('#feed li a', { hasText: 'BAPPEDA 2026' }).count()).toBe(1);
      await page.waitForTimeout(500);
      expect(await page.locator('#feed li a', { hasText: 'DPUPR 2026' }).count()).toBe(1);
      const positions = await page.locator('#feed li').evaluateAll((items) => items.map((item) => item.getAttribute('data-position')));
      expect(new Set(positions).size).toBe(positions.length);
    } finally {
      await page.close();
      await proxy.close();
    }
  });

  it('serves whole tables with JavaScript turned off', async () => {
    const regency = await api('/public/v1/regency/2025');
    const noScript = await openChromium({ javaScriptEnabled: false });
    try {
      const page = await open('/?year=2025', await noScript.context.newPage());
      expect(await page.locator(UNIT_ROWS).count()).toBe(regency.items.length);
      expect(await page.locator('#ranking caption').textContent()).toContain('2025');
      expect(await page.locator('#ranking thead th[scope="col"]').count()).toBe(8);
      await open('/opd/DINKES/2025', page);
      expect(await page.locator('table.quarters').count()).toBe(2);
      expect(await page.locator('table.quarters >> nth=0 >> tbody tr').count()).toBe(4);
      expect(await page.locator('table.revisions tbody tr').count()).toBe(2);
    } finally {
      await noScript.close();
    }
  });

  it('answers a browser with error pages in words and a way back, never problem JSON', async () => {
    const page = await open('/opd/NOPE/2025', undefined, 404);
    expect(await textOf(page.locator('h1'))).toBe('Halaman tidak ditemukan');
    await page.getByRole('link', { name: 'Ke peringkat perangkat daerah' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.locator('#ranking').count()).toBe(1);
    await open('/opd/DINKES/1999', page, 400);
    expect(await textOf(page.locator('h1'))).toBe('Halaman tidak ditemukan');
    // A unit's address without a year is this year's page.
    await open('/opd/DINKES', page);
    expect(page.url()).toBe(`${base}/opd/DINKES/2025`);
    // Something of ours fails: a 500 page that says so, offers the same page again, and works on the retry.
    const checkpoints = testApp.app.get(IntegrityCheckpoints, { strict: false });
    const failing = jest.spyOn(checkpoints, 'head').mockRejectedValueOnce(new Error('the head could not be read'));
    try {
      await open('/opd/DINKES/2025?lang=en', page, 500);
      expect(await textOf(page.locator('h1'))).toBe('Something went wrong on our side');
      expect(await page.locator('body').innerText()).not.toContain('the head could not be read');
      const retry = page.waitForResponse((response) => response.url() === `${base}/opd/DINKES/2025?lang=en`);
      await page.getByRole('link', { name: 'Try again' }).click();
      expect((await retry).status()).toBe(200);
      expect(page.url()).toBe(`${base}/opd/DINKES/2025?lang=en`);
    } finally {
      failing.mockRestore();
    }
    // The icon, on the pages and where a browser looks for it unprompted.
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/portal/assets/favicon.svg');
    const icon = await page.request.get(`${base}/favicon.ico`);
    expect({ status: icon.status(), type: icon.headers()['content-type'] }).toEqual({ status: 200, type: 'image/svg+xml' });
    await page.close();
  });

  it('takes a survey answer on a phone by tapping the choices, and shows the closed survey’s results on the unit page', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await open(`/survei/${openSurvey}`, page);
    expect(await textOf(page.locator('h1'))).toBe('Survei Kepuasan Masyarakat: Pelayanan perizinan');
    const questions = page.locator('fieldset.question');
    expect(await questions.count()).toBe(9);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Sending with a question unanswered: the browser asks for it (required), nothing is sent.
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    expect(page.url()).toBe(`${base}/survei/${openSurvey}`);
    for (let index = 0; index < 9; index++)
      await questions
        .nth(index)
        .getByText(index % 2 ? '3. Baik' : '4. Sangat baik')
        .click();
    await page.getByLabel('Jenis kelamin').selectOption('P');
    const sent = page.waitForURL(`${base}/survei/${openSurvey}?terkirim=1`);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await sent;
    expect(await textOf(page.getByRole('status'))).toContain('Jawaban Anda sudah tercatat');
    const survey = await api(`/public/v1/surveys/${openSurvey}`);
    expect(survey.status).toBe('OPEN');
    // The unit page: the closed survey's table, and its chart drawn from the same figures.
    await page.setViewportSize({ width: 1280, height: 800 });
    await open('/opd/DINKES/2025', page);
    const results = page.locator('section.survey-results');
    expect(await results.count()).toBe(1);
    expect(await textOf(results.locator('table.survey-means tbody tr').first())).toMatch(/^U1 Persyaratan\s+3,67$/);
    await page.waitForFunction(
      () =>
        (window as { Chart?: { getChart(canvas: unknown): unknown } }).Chart?.getChart(document.querySelector('section.survey-results canvas')) !== undefined,
    );
    await results.screenshot({ path: join(SCREENSHOTS, 'unit-survei-1280x800.png'), animations: 'disabled' });
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core), in either language', async () => {
    // axe is injected as an inline script, which the pages' CSP forbids; this context ignores CSP.
    const audit = await openChromium({ bypassCSP: true });
    try {
      const found: Record<string, string[]> = {};
      for (const [path, status] of [
        ['/?year=2025', 200],
        ['/?year=2025&lang=en', 200],
        ['/opd/DINKES/2025', 200],
        ['/opd/DINKES/2025?lang=en', 200],
        ['/integritas', 200],
        ['/opd/NOPE/2025', 404],
        ['/opd/DINKES/1999?lang=en', 400],
        ['/zi?year=2025', 200],
        ['/zi?year=2025&lang=en', 200],
        [`/survei/${openSurvey}`, 200],
        [`/survei/${openSurvey}?lang=en`, 200],
        [`/survei/${openSurvey}?galat=1`, 200],
        [`/survei/${openSurvey}?terkirim=1`, 200],
      ] as const) {
        for (const viewport of [
          { width: 1280, height: 800 },
          { width: 390, height: 844 },
        ]) {
          const page = await audit.context.newPage();
          await page.setViewportSize(viewport);
          await open(path, page, status);
          await page.addScriptTag({ path: require.resolve('axe-core') });
          const violations: Array<{ id: string; impact: string; nodes: unknown[] }> = await page.evaluate(async () => (await window.axe.run()).violations);
          found[`${path} ${viewport.width}`] = violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => `${violation.id} (${violation.nodes.length})`);
          await page.close();
        }
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
    } finally {
      await audit.close();
    }
  });

  it('saves screenshots at 1280×800 and 390×844', async () => {
    for (const [name, path] of [
      ['regency', '/?year=2025'],
      ['unit', '/opd/DINKES/2025'],
      ['survei', `/survei/${openSurvey}`],
      ['zi', '/zi?year=2025'],
    ]) {
      for (const [width, height] of [
        [1280, 800],
        [390, 844],
      ]) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width, height });
        await open(path, page);
        await page.waitForLoadState('networkidle').catch(() => undefined);
        // A page the width of the phone: nothing wider than the viewport but the tables' own scroll boxes.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // Every table's caption wraps to the screen instead of running off it with its table.
        const captionRights: number[] = await page
          .locator('.table-caption')
          .evaluateAll((captions) => captions.map((caption) => caption.getBoundingClientRect().right));
        // The survey form has no table; the other pages have several.
        expect(captionRights.length > 0).toBe(name !== 'survei');
        expect(Math.max(0, ...captionRights)).toBeLessThanOrEqual(width);
        expect(await textOf(page.locator('.site-title .region'))).toBe('Kabupaten Langkat');
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}x${height}.png`) });
        await page.close();
      }
    }
    // What a citizen meets at a mistyped address, on a phone.
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await open('/opd/DINKESS/2025', page, 404);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'not-found-390x844.png') });
    await page.close();
  });
});
