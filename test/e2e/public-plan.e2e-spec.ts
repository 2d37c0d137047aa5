import { goal, indicator, ledgerScenario } from '../support/ledger-scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';

/** docs/api.md, Public: a unit's approved plan for anyone, the figures of the signed-in plan and nothing more. */
describe('the public plan over HTTP', () => {
  const clock = new TestClock('2025-08-05');
  let testApp: TestApp;
  const scenario = ledgerScenario(() => testApp.app);
  let last = '';

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    await scenario.registerOpd('DINKES');
    await scenario.registerOpd('DISDIK');
    const goals = [goal('G1', [indicator('I1', { quarterlyTargets: [25, 50, 75, 100] }), indicator('I2', { aggregation: 'SUM', annualTarget: 40 })])];
    await scenario.approvedPlan('DINKES', 2025, goals);
    await scenario.report('DINKES', 2025, 1, [
      { indicatorCode: 'I1', value: 20, note: 'Catatan operator' },
      { indicatorCode: 'I2', value: 10 },
    ]);
    await scenario.report('DINKES', 2025, 2, [{ indicatorCode: 'I1', value: 55 }]);
    await scenario.approvedRevision('DINKES', 2025, goals, 'Alasan bebas');
    last = (await scenario.draftPlan('DISDIK', 2025, goals)).position;
  });
  afterAll(() => testApp.close());

  const get = (path: string, status: number) => scenario.http().get(path).set('X-Min-Position', last).expect(status);

  it('answers the approved version with the figures the signed-in plan shows, and the reason categories of its versions', async () => {
    const answer = (await get('/public/v1/opds/DINKES/plans/2025', 200)).body;
    const signedIn = (
      await scenario
        .http()
        .get('/api/v1/opds/DINKES/plans/2025')
        .set(await scenario.as.inspector())
        .expect(200)
    ).body;
    expect(answer).toMatchObject({ opdCode: 'DINKES', year: 2025, effectiveVersion: 2, achievement: signedIn.achievement, category: signedIn.category });
    expect(answer.versions).toEqual([
      { version: 1, approvedOn: '2025-08-05', reasonCategory: null },
      { version: 2, approvedOn: '2025-08-05', reasonCategory: 'STRATEGY_CHANGED' },
    ]);
    const [i1, i2] = answer.goals[0].indicators;
    expect(i1.quarters).toEqual([
      { quarter: 1, value: 20, achievement: 80, corrected: false },
      { quarter: 2, value: 55, achievement: 110, corrected: false },
    ]);
    expect(i1.quarterlyTargets).toEqual([25, 50, 75, 100]);
    expect(i2).toMatchObject({ realisation: 10, achievement: signedIn.goals[0].indicators[1].achievement });
    expect(JSON.stringify(answer)).not.toMatch(/Catatan operator|Alasan bebas|returns|pendingRevision|flags/);
  });

  it('answers 404 for a draft as for no plan at all, and 400 for a bad address', async () => {
    expect((await get('/public/v1/opds/DISDIK/plans/2025', 404)).body.code).toBe('NOT_FOUND');
    expect((await get('/public/v1/opds/DINKES/plans/2024', 404)).body.code).toBe('NOT_FOUND');
    expect((await get('/public/v1/opds/dinkes!/plans/2025', 400)).body.code).toBe('VALIDATION_FAILED');
    expect((await get('/public/v1/opds/DINKES/plans/1999', 400)).body.code).toBe('VALIDATION_FAILED');
  });
});
