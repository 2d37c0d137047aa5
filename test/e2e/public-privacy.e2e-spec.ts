import { findingBody, goal, indicator, ledgerScenario } from '../support/ledger-scenario';
import { binary, pdfText } from '../support/pdf-text';
import { SseClient } from '../support/sse-client';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';

const EMPLOYEE = '198001012005011001';
const APPRAISER = '197502022000031002';

/**
 * docs/domain.md, Privacy and The public feed: a plan, an SKP, a finding with its narrative and notes, returns and reviews
 * are recorded, every private field holding a marker; then every public answer (JSON, Atom, SSE,
 * the scorecards, the published PDF) is scanned for NIPs, names, notes, drafts and narratives.
 */
describe('nothing private reaches the public side', () => {
  const clock = new TestClock('2025-06-10');
  let testApp: TestApp;
  let base = '';
  const scenario = ledgerScenario(() => testApp.app);
  let last = '';
  const track = <T extends { position: string }>(written: T) => ((last = written.position), written);
  /** Every private value written below; none may appear in a public answer. */
  const SECRETS = [EMPLOYEE, APPRAISER, 'Siti Rahasia', 'Penilai', 'Operator DINKES', 'Kepala DINKES', 'Auditor Inspektorat', 'user-', 'rahasia', 'RAHASIA'];

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    await testApp.app.listen(0, '127.0.0.1');
    base = await testApp.app.getUrl();
    await scenario.registerOpd('DINKES');
    await scenario.registerOpd('DISDIK');
    const http = scenario.http;
    const operator = await scenario.as.operator('DINKES');
    const head = await scenario.as.head('DINKES');
    const plan = '/api/v1/opds/DINKES/plans/2025';
    const goals = [goal('G1', [indicator('I1')])];

    // A draft that is replaced, returned with a reason, then approved; a revision with a free-text reason.
    await http()
      .post(plan)
      .set(operator)
      .send({ goals: [{ code: 'G1', statement: 'Draf RAHASIA pertama', indicators: [indicator('I1', { name: 'Indikator draf rahasia' })] }] })
      .expect(201);
    await http().put(plan).set(operator).send({ goals }).expect(200);
    await http().post(`${plan}/submit`).set(operator).expect(200);
    await http().post(`${plan}/return`).set(head).send({ reason: 'Dikembalikan RAHASIA' }).expect(200);
    await http().post(`${plan}/submit`).set(operator).expect(200);
    await http().post(`${plan}/approve`).set(head).expect(200);
    await scenario.report('DINKES', 2025, 1, [{ indicatorCode: 'I1', value: 80, note: 'Catatan rahasia', evidenceUrl: 'https://bukti.example/rahasia' }]);
    await scenario.correct('DINKES', 2025, 1, [{ indicatorCode: 'I1', value: 82, note: 'Koreksi rahasia' }], 'Salah input');
    await scenario.approvedRevision('DINKES', 2025, goals, 'Alasan bebas RAHASIA');
    // Another unit's plan that stays a draft.
    await scenario.draftPlan('DISDIK', 2025, [{ code: 'G1', statement: 'Draf DISDIK rahasia', indicators: [indicator('I1')] }]);

    // An SKP returned, agreed and rated with notes.
    const skp = `/api/v1/skp/${EMPLOYEE}/2025`;
    const employee = await scenario.as.person(EMPLOYEE, 'Siti Rahasia');
    const appraiser = await scenario.as.person(APPRAISER, 'Penilai');
    const results = [
      {
        code: 'R1',
        statement: 'Hasil kerja rahasia',
        cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year: 2025, indicatorCode: 'I1' },
        indicators: [{ code: 'K1', name: 'Ukuran rahasia', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
      },
    ];
    await http()
      .post(skp)
      .set(employee)
      .send({ name: 'Siti Rahasia', position: 'Jabatan rahasia', opdCode: 'DINKES', appraiserNip: APPRAISER, results })
      .expect(201);
    await http().post(`${skp}/submit`).set(employee).expect(200);
    await http().post(`${skp}/return`).set(appraiser).send({ reason: 'Kembali RAHASIA' }).expect(200);
    await http().post(`${skp}/submit`).set(employee).expect(200);
    await http().post(`${skp}/agree`).set(appraiser).expect(200);
    await http()
      .post(`${skp}/realisations/Q1`)
      .set(employee)
      .send({ values: [{ indicatorCode: 'K1', value: 50, note: 'Realisasi rahasia' }] })
      .expect(201);
    await http()
      .post(`${skp}/evaluations/ANNUAL`)
      .set(appraiser)
      .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED', note: 'Penilaian rahasia', behaviourNotes: { AKUNTABEL: 'Perilaku rahasia' } })
      .expect(201);

    // A finding with its narrative, follow-up, delay reason and assessments with notes.
    const { id } = await scenario.finding(
      findingBody('DINKES', '2025-03-01', [{ text: 'Rekomendasi rahasia', amountIdr: 1_000_000 }, { text: 'Rekomendasi kedua rahasia' }], {
        condition: 'Kondisi RAHASIA',
        criteria: 'Kriteria RAHASIA',
        cause: 'Sebab RAHASIA',
        effect: 'Akibat RAHASIA',
        title: 'Kelebihan bayar',
      }),
    );
    await scenario.followUp(id, 'DINKES', 1, {
      description: 'Tindak lanjut rahasia',
      evidenceUrl: 'https://bukti.example/setor-rahasia',
      amountSettledIdr: 500_000,
    });
    await scenario.delay(id, 'DINKES', 2, 'Penundaan rahasia');
    await scenario.assess(id, 1, 'BELUM_SESUAI', 'Catatan inspektur rahasia');

    // An LKjIP returned with review notes, then accepted and published.
    track(await scenario.publishedLkjip('DINKES', 2025, { returnNotes: 'Catatan reviu RAHASIA' }));
  });
  afterAll(() => testApp.close());

  const leaks = (text: string) => SECRETS.filter((secret) => text.includes(secret));

  it('keeps every public answer free of NIPs, names, notes, drafts, reasons and narratives', async () => {
    const get = (path: string) => scenario.http().get(path).set('X-Min-Position', last).buffer(true).expect(200);
    const feed = await get('/public/v1/feed?limit=500');
    const types = feed.body.items.map((item: { type: string }) => item.type);
    expect(new Set(types)).toEqual(
      new Set([
        'PLAN_APPROVED',
        'PLAN_REVISION_APPROVED',
        'REALISATION_REPORTED',
        'REALISATION_CORRECTED',
        'FINDING_RECORDED',
        'RECOMMENDATION_ASSESSED',
        'LKJIP_PUBLISHED',
      ]),
    );
    // The allowed fields do arrive: the correction's reason, the finding's title, the assessed status.
    expect(feed.text).toContain('Salah input');
    expect(feed.text).toContain('Kelebihan bayar');
    expect(feed.text).toContain('BELUM_SESUAI');

    const live = await SseClient.open(`${base}/public/v1/feed/live?after=${'0'.repeat(20)}-${'0'.repeat(20)}`);
    const events = await live.waitFor(feed.body.items.length);
    live.disconnect();

    const pdf = await scenario.http().get('/public/v1/opds/DINKES/lkjip/2025.pdf').buffer(true).parse(binary).expect(200);
    const answers: Record<string, string> = {
      feed: feed.text,
      atom: (await get('/public/v1/feed.atom?limit=500')).text,
      live: events.map((event) => `${event.id}\n${event.data}`).join('\n'),
      scorecard: (await get('/public/v1/opds/DINKES/2025')).text,
      'other scorecard': (await get('/public/v1/opds/DISDIK/2025')).text,
      regency: (await get('/public/v1/regency/2025')).text,
      plan: (await get('/public/v1/opds/DINKES/plans/2025')).text,
      registry: (await get('/public/v1/opds')).text,
      'portal regency page': (await get('/?year=2025')).text,
      'portal unit page': (await get('/opd/DINKES/2025')).text,
      'portal unit page, English': (await get('/opd/DINKES/2025?lang=en')).text,
      pdf: await pdfText(pdf.body as Buffer),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([name, text]) => [name, leaks(text)]))).toEqual(
      Object.fromEntries(Object.keys(answers).map((name) => [name, []])),
    );
    // And the scan would have caught them: the signed-in answers do carry the markers.
    const inspector = await scenario.as.inspector();
    const finding = await scenario.http().get('/api/v1/audit-findings').set(inspector).expect(200);
    expect(leaks(finding.text)).toEqual(expect.arrayContaining(['RAHASIA', 'rahasia']));
  });
});
