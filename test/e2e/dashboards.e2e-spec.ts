import { findingBody, goal, indicator, ledgerScenario } from '../support/ledger-scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

const EMPLOYEE_A = '198001012005011001';
const EMPLOYEE_B = '198202022006042002';
const APPRAISER = '197502022000031002';

/**
 * An example scorecard, computed by hand, and the regency's ranking. Every figure is
 * made by the events that make it in production, through the HTTP API.
 */
describe('dashboards over HTTP', () => {
  const clock = new TestClock('2025-04-05');
  let testApp: TestApp;
  const scenario = ledgerScenario(() => testApp.app);
  let reader: Record<string, string>;
  let last = '';
  const track = <T extends { position: string }>(written: T) => ((last = written.position), written);
  const get = async (path: string, status = 200) => (await scenario.http().get(path).set(reader).set('X-Min-Position', last).expect(status)).body;

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    reader = bearer(await tokenFor({ roles: ['admin'] }));
    for (const code of ['BAPPEDA', 'DINKES', 'DISDIK', 'DISPAR', 'DPRD']) await scenario.registerOpd(code);

    // DINKES: version 2 in force; G1 at 120 (capped from 150), G2 at 107.5: (120 + 107.5) / 2 = 113.75.
    const goals = [goal('G1', [indicator('I1')]), goal('G2', [indicator('I2')])];
    await scenario.approvedPlan('DINKES', 2025, goals);
    await scenario.report('DINKES', 2025, 1, [
      { indicatorCode: 'I1', value: 150 },
      { indicatorCode: 'I2', value: 107.5 },
    ]);
    await scenario.approvedRevision('DINKES', 2025, goals);
    // Two SKPs agreed; ANNUAL predikat SANGAT_BAIK and BAIK. A quarter's rating never counts.
    await scenario.agreedSkp({ nip: EMPLOYEE_A, name: 'Siti Aminah', appraiserNip: APPRAISER, opdCode: 'DINKES', year: 2025, indicatorCode: 'I1' });
    await scenario.agreedSkp({ nip: EMPLOYEE_B, name: 'Budi Santoso', appraiserNip: APPRAISER, opdCode: 'DINKES', year: 2025, indicatorCode: 'I1' });
    await scenario.evaluate(EMPLOYEE_A, 2025, APPRAISER, 'Q1', 'BELOW_EXPECTATION', 'BELOW_EXPECTATION');
    await scenario.evaluate(EMPLOYEE_A, 2025, APPRAISER, 'ANNUAL', 'ABOVE_EXPECTATION', 'ABOVE_EXPECTATION');
    await scenario.evaluate(EMPLOYEE_B, 2025, APPRAISER, 'ANNUAL', 'AS_EXPECTED', 'AS_EXPECTED');
    await scenario.publishedLkjip('DINKES', 2025);
    // Three recommendations: SESUAI (10,000,000 settled), open and overdue (2,500,000), and one that cannot be followed up.
    const { id } = await scenario.finding(
      findingBody(
        'DINKES',
        '2025-03-01',
        [{ text: 'Setor kelebihan bayar', amountIdr: 10_000_000 }, { text: 'Setor sisa', amountIdr: 2_500_000 }, { text: 'Tegur' }],
        {
          receivedDate: '2025-03-03',
        },
      ),
    );
    await scenario.followUp(id, 'DINKES', 1, { description: 'Disetor', amountSettledIdr: 10_000_000 });
    await scenario.assess(id, 1, 'SESUAI');
    track(await scenario.assess(id, 3, 'TIDAK_DAPAT_DITINDAKLANJUTI'));

    // DISDIK ties with DINKES; DISPAR below; BAPPEDA has only a draft, DPRD nothing: both last, by code.
    await scenario.approvedPlan('DISDIK', 2025, goals);
    await scenario.report('DISDIK', 2025, 1, [
      { indicatorCode: 'I1', value: 130 },
      { indicatorCode: 'I2', value: 107.5 },
    ]);
    await scenario.approvedPlan('DISPAR', 2025, [goal('G1', [indicator('I1')])]);
    await scenario.report('DISPAR', 2025, 1, [{ indicatorCode: 'I1', value: 80 }]);
    // Participation: an SKM closed with two answers (every unsur 3, then every unsur 4: each NRR
    // 3.5, IKM 3.5 × 25 = 87.50, mutu B), and two gifts reported on 5 April, one received on
    // 3 March (late: more than 10 working days) and one on 1 April (on time).
    const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    const opened = await scenario
      .http()
      .post('/api/v1/opds/DINKES/surveys')
      .set(operator)
      .send({ kind: 'SKM', service: 'Rawat jalan', year: 2025, quarter: 1, population: 500 })
      .expect(201);
    for (const value of [3, 4]) {
      const answers = Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((unsur) => [unsur, value]));
      await scenario.http().post(`/public/v1/surveys/${opened.body.surveyCode}/responses`).send({ answers }).expect(201);
    }
    await scenario.http().post(`/api/v1/opds/DINKES/surveys/${opened.body.surveyCode}/close`).set(operator).expect(200);
    const employee = bearer(await tokenFor({ roles: ['employee'], nip: EMPLOYEE_A }));
    for (const receivedOn of ['2025-03-03', '2025-04-01']) {
      const gift = { receivedOn, giverRelation: 'Rekanan', form: 'GOODS', description: 'Parsel', valueIdr: 400_000, occasion: 'OTHER', opdCode: 'DINKES' };
      await scenario.http().post('/api/v1/gratifications').set(employee).send(gift).expect(201);
    }
    track(await scenario.draftPlan('BAPPEDA', 2025, goals));
  });
  afterAll(() => testApp.close());

  it('answers the example scorecard, the overdue recommendation judged today', async () => {
    clock.setToday('2025-05-03');
    expect(await get('/api/v1/dashboards/opds/DINKES/2025')).toEqual({
      opdCode: 'DINKES',
      year: 2025,
      plan: { status: 'APPROVED', effectiveVersion: 2, achievement: 113.75, category: 'SANGAT_TINGGI' },
      skp: { total: 2, agreed: 2, coverage: 100, predikat: { SANGAT_BAIK: 1, BAIK: 1, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 } },
      lkjip: { status: 'PUBLISHED', late: false, dueDate: '2026-02-28' },
      findings: {
        recommendations: 3,
        byStatus: { SESUAI: 1, BELUM_SESUAI: 0, BELUM_DITINDAKLANJUTI: 1, TIDAK_DAPAT_DITINDAKLANJUTI: 1 },
        overdue: 1,
        followUpRate: 33.33,
        amountIdr: { total: 12_500_000, settled: 10_000_000, outstanding: 2_500_000 },
      },
      participation: {
        gratification: { reports: 2, reportedOnTime: 1, reportedOnTimePercent: 50 },
        complaints: { received: 0, verified: 0, responsesDue: 0, respondedOnTime: 0, respondedOnTimePercent: null, medianWorkingDaysToResponse: null },
        serviceSurveys: { closed: 1, ikm: 87.5, mutu: 'B', quarter: 1 },
      },
      zi: [],
    });
  });

  it('is not overdue on the due date itself, and needs no event to become overdue the day after', async () => {
    clock.setToday('2025-05-02');
    expect((await get('/api/v1/dashboards/opds/DINKES/2025')).findings.overdue).toBe(0);
    clock.setToday('2025-05-03');
    expect((await get('/api/v1/dashboards/opds/DINKES/2025')).findings.overdue).toBe(1);
  });

  it('answers a registered unit without anything that year with empty figures, late once its LKjIP is due', async () => {
    clock.setToday('2026-03-01');
    expect(await get('/api/v1/dashboards/opds/DPRD/2025')).toEqual({
      opdCode: 'DPRD',
      year: 2025,
      plan: { status: null, effectiveVersion: null, achievement: null, category: null },
      skp: { total: 0, agreed: 0, coverage: null, predikat: { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 } },
      lkjip: { status: null, late: true, dueDate: '2026-02-28' },
      findings: {
        recommendations: 0,
        byStatus: { SESUAI: 0, BELUM_SESUAI: 0, BELUM_DITINDAKLANJUTI: 0, TIDAK_DAPAT_DITINDAKLANJUTI: 0 },
        overdue: 0,
        followUpRate: 0,
        amountIdr: { total: 0, settled: 0, outstanding: 0 },
      },
      participation: {
        gratification: { reports: 0, reportedOnTime: 0, reportedOnTimePercent: null },
        complaints: { received: 0, verified: 0, responsesDue: 0, respondedOnTime: 0, respondedOnTimePercent: null, medianWorkingDaysToResponse: null },
        serviceSurveys: { closed: 0, ikm: null, mutu: null, quarter: null },
      },
      zi: [],
    });
    clock.setToday('2025-05-03');
  });

  it('ranks the regency by plan achievement, ties by code, units without an achievement last', async () => {
    const regency = await get('/api/v1/dashboards/regency/2025');
    expect(regency.year).toBe(2025);
    expect(regency.items.map((item: { opdCode: string; plan: { achievement: number | null } }) => [item.opdCode, item.plan.achievement])).toEqual([
      ['DINKES', 113.75],
      ['DISDIK', 113.75],
      ['DISPAR', 80],
      ['BAPPEDA', null],
      ['DPRD', null],
    ]);
    // The ranking holds each unit's ledger figures; the participation figures and ZI units are on the unit's own scorecard.
    const { participation, zi, ...ledgerFigures } = await get('/api/v1/dashboards/opds/DINKES/2025');
    expect([participation, zi]).toEqual([expect.any(Object), []]);
    expect(regency.items[0]).toEqual(ledgerFigures);
  });

  it('serves the same scorecards to anyone, cacheable, with 304 for a current ETag', async () => {
    const anonymous = (path: string) => scenario.http().get(path).set('X-Min-Position', last);
    const scorecard = await anonymous('/public/v1/opds/DINKES/2025').expect(200);
    expect(scorecard.body).toEqual(await get('/api/v1/dashboards/opds/DINKES/2025'));
    expect(scorecard.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60');
    expect(scorecard.headers['content-type']).toBe('application/json; charset=utf-8');
    await anonymous('/public/v1/opds/DINKES/2025').set('If-None-Match', scorecard.headers.etag).expect(304);
    const regency = await anonymous('/public/v1/regency/2025').expect(200);
    expect(regency.body).toEqual(await get('/api/v1/dashboards/regency/2025'));
    await anonymous('/public/v1/regency/2025').set('If-None-Match', regency.headers.etag).expect(304);
    // The day turns, a recommendation falls due: the answer and its tag change with it.
    clock.setToday('2025-05-02');
    const before = await anonymous('/public/v1/opds/DINKES/2025').set('If-None-Match', scorecard.headers.etag).expect(200);
    expect(before.body.findings.overdue).toBe(0);
    expect(before.headers.etag).not.toBe(scorecard.headers.etag);
    clock.setToday('2025-05-03');
    await anonymous('/public/v1/opds/NOPE/2025').expect(404);
    await anonymous('/public/v1/opds/DINKES/1999').expect(400);
    await anonymous('/public/v1/regency/abc').expect(400);
  });

  it('answers 404 for a unit not registered, 400 for a bad code or year, 401 without a token, and never a 500', async () => {
    await get('/api/v1/dashboards/opds/NOPE/2025', 404);
    for (const path of [
      '/api/v1/dashboards/opds/dinkes/2025',
      '/api/v1/dashboards/opds/DINKES/1999',
      '/api/v1/dashboards/opds/DINKES/20x5',
      '/api/v1/dashboards/regency/3000',
    ]) {
      await get(path, 400);
    }
    await scenario.http().get('/api/v1/dashboards/regency/2025').expect(401);
  });
});
