import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const indicator = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: `Indikator ${code}`,
  unit: '%',
  polarity: 'HIGHER_IS_BETTER',
  aggregation: 'LAST',
  annualTarget: 90,
  quarterlyTargets: [80, 84, 87, 90],
  ...overrides,
});
const GOALS = [
  {
    code: 'G1',
    statement: 'Meningkatnya derajat kesehatan masyarakat',
    indicators: [indicator('I1'), indicator('I2', { annualTarget: 50, quarterlyTargets: undefined })],
  },
  {
    code: 'G2',
    statement: 'Menurunnya stunting',
    indicators: [indicator('I3', { polarity: 'LOWER_IS_BETTER', aggregation: 'SUM', annualTarget: 20, quarterlyTargets: undefined })],
  },
];

describe('performance plans over HTTP', () => {
  const clock = new TestClock('2025-01-10');
  let testApp: TestApp;
  let database: Database;
  let admin: Headers;
  let inspector: Headers;
  let operator: Headers;
  let head: Headers;
  let otherOperator: Headers;
  let otherHead: Headers;
  let employee: Headers;
  const http = () => request(testApp.app.getHttpServer());

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  const plan = (code: string, year: number) => `/api/v1/opds/${code}/plans/${year}`;

  /** A plan taken through draft, submit and approval by its own operator and head. */
  async function approvedPlan(code: string, year: number, goals: object[] = GOALS): Promise<{ position: string }> {
    const as = { operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: code })), head: bearer(await tokenFor({ roles: ['opd_head'], opd: code })) };
    await http().post(plan(code, year)).set(as.operator).send({ goals }).expect(201);
    await http()
      .post(`${plan(code, year)}/submit`)
      .set(as.operator)
      .expect(200);
    return (
      await http()
        .post(`${plan(code, year)}/approve`)
        .set(as.head)
        .expect(200)
    ).body;
  }

  async function read(code: string, year: number, position: string, as: Headers = inspector) {
    return (await http().get(plan(code, year)).set(as).set('X-Min-Position', position).expect(200)).body;
  }

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    database = testApp.app.get(DATABASE);
    admin = bearer(await tokenFor({ roles: ['admin'] }));
    inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES', name: 'Operator Dinkes' }));
    head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES', name: 'Kepala Dinas Kesehatan' }));
    otherOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
    otherHead = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DISDIK' }));
    employee = bearer(await tokenFor({ roles: ['employee'], nip: '198001012005011001' }));
    for (const code of ['DINKES', 'DISDIK', 'BAPPEDA', 'DISHUB', 'DLH', 'DISPAR']) {
      await http()
        .post('/api/v1/opds')
        .set(admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
    }
  });
  beforeEach(() => clock.setToday('2025-01-10'));
  afterAll(async () => {
    await testApp.close();
  });

  describe('the lifecycle of a plan', () => {
    it('drafts, returns, edits, approves, reports, revises and approves again, keeping every version', async () => {
      const drafted = await http().post(plan('DINKES', 2025)).set(operator).send({ goals: GOALS }).expect(201);
      expect(drafted.body).toMatchObject({ id: 'DINKES-2025', revision: 0 });
      expect(drafted.headers.location).toBe('/api/v1/opds/DINKES/plans/2025');
      let view = await read('DINKES', 2025, drafted.body.position);
      expect(view).toMatchObject({ status: 'DRAFT', effectiveVersion: null, achievement: null, versions: [], pendingRevision: null });
      expect(view.goals.map((goal: { code: string }) => goal.code)).toEqual(['G1', 'G2']);

      await http()
        .post(`${plan('DINKES', 2025)}/submit`)
        .set(operator)
        .expect(200);
      await http()
        .post(`${plan('DINKES', 2025)}/return`)
        .set(head)
        .send({ reason: 'Target I2 terlalu rendah' })
        .expect(200);
      const edited = GOALS.map((goal) => (goal.code === 'G1' ? { ...goal, indicators: [indicator('I1'), indicator('I2', { annualTarget: 50 })] } : goal));
      await http().put(plan('DINKES', 2025)).set(operator).set('If-Match', '"2"').send({ goals: edited }).expect(200);
      await http()
        .post(`${plan('DINKES', 2025)}/submit`)
        .set(operator)
        .expect(200);
      const approved = await http()
        .post(`${plan('DINKES', 2025)}/approve`)
        .set(head)
        .expect(200);
      view = await read('DINKES', 2025, approved.body.position);
      expect(view).toMatchObject({ status: 'APPROVED', effectiveVersion: 1, revision: 5 });
      expect(view.versions).toEqual([expect.objectContaining({ version: 1, reasonCategory: null, reason: null })]);

      clock.setToday('2025-04-10');
      await http()
        .post(`${plan('DINKES', 2025)}/realisations/1`)
        .set(operator)
        .send({
          values: [
            { indicatorCode: 'I1', value: 82, evidenceUrl: 'https://dinkes.example.go.id/tw1.pdf' },
            { indicatorCode: 'I2', value: 100 },
            { indicatorCode: 'I3', value: 4 },
          ],
        })
        .expect(201);
      clock.setToday('2025-07-10');
      const q2 = await http()
        .post(`${plan('DINKES', 2025)}/realisations/2`)
        .set(operator)
        .send({
          values: [
            { indicatorCode: 'I1', value: 94.5 },
            { indicatorCode: 'I3', value: 14, note: 'Data posyandu' },
          ],
        })
        .expect(201);
      view = await read('DINKES', 2025, q2.body.position);
      const i1 = view.goals[0].indicators[0];
      expect(i1).toMatchObject({ code: 'I1', realisation: 94.5, achievement: 105, category: 'SANGAT_TINGGI' });
      expect(i1.quarters[0]).toMatchObject({
        quarter: 1,
        value: 82,
        achievement: 102.5,
        corrected: false,
        evidenceUrl: 'https://dinkes.example.go.id/tw1.pdf',
      });
      expect(view.goals[0]).toMatchObject({ achievement: 112.5, category: 'SANGAT_TINGGI' });
      expect(view.goals[1].indicators[0]).toMatchObject({ realisation: 18, achievement: 110 });
      expect(view).toMatchObject({ achievement: 111.25, category: 'SANGAT_TINGGI', scale: 'PERMENDAGRI_86_2017', flags: [] });

      const revisedGoals = [{ ...GOALS[0], indicators: [indicator('I1', { annualTarget: 95 }), indicator('I2', { annualTarget: 50 })] }, GOALS[1]];
      await http()
        .post(`${plan('DINKES', 2025)}/revisions`)
        .set(operator)
        .send({ reasonCategory: 'PRIORITY_CHANGED', reason: 'Prioritas RPJMD berubah', goals: revisedGoals })
        .expect(201);
      const submittedRevision = await http()
        .post(`${plan('DINKES', 2025)}/submit`)
        .set(operator)
        .expect(200);
      view = await read('DINKES', 2025, submittedRevision.body.position);
      expect(view).toMatchObject({
        status: 'REVISION_SUBMITTED',
        effectiveVersion: 1,
        pendingRevision: { reasonCategory: 'PRIORITY_CHANGED', reason: 'Prioritas RPJMD berubah' },
      });
      expect(view.goals[0].indicators[0].annualTarget).toBe(90);

      const approvedRevision = await http()
        .post(`${plan('DINKES', 2025)}/approve`)
        .set(head)
        .expect(200);
      view = await read('DINKES', 2025, approvedRevision.body.position);
      expect(view).toMatchObject({ status: 'APPROVED', effectiveVersion: 2, pendingRevision: null });
      expect(view.goals[0].indicators[0]).toMatchObject({ annualTarget: 95, realisation: 94.5, achievement: 99.47 });
      expect(
        view.versions.map((version: { version: number; reasonCategory: string | null; goals: Array<{ indicators: Array<{ annualTarget: number }> }> }) => [
          version.version,
          version.reasonCategory,
          version.goals[0].indicators[0].annualTarget,
        ]),
      ).toEqual([
        [1, null, 90],
        [2, 'PRIORITY_CHANGED', 95],
      ]);

      const history = await http().get('/api/v1/history/plan/DINKES-2025').set(inspector).expect(200);
      const returnedEvent = history.body.items.find((item: { type: string }) => item.type === 'PlanReturned');
      expect(returnedEvent).toMatchObject({ reason: 'Target I2 terlalu rendah', actor: { name: 'Kepala Dinas Kesehatan' } });
      expect((await http().get('/api/v1/integrity/streams/plan/DINKES-2025').set(inspector).expect(200)).body).toMatchObject({ valid: true, events: 11 });
    });

    it('lists a unit’s plans by year', async () => {
      await approvedPlan('DISPAR', 2024);
      const { position } = await approvedPlan('DISPAR', 2025);
      const all = await http().get('/api/v1/opds/DISPAR/plans').set(employee).set('X-Min-Position', position).expect(200);
      expect(all.body.items.map((item: { year: number }) => item.year)).toEqual([2024, 2025]);
      expect(all.body.nextCursor).toBeNull();
      const forged = await http().get('/api/v1/opds/DISPAR/plans').query({ cursor: 'bm90LWEteWVhcg' }).set(employee).expect(400);
      expect(forged.body.code).toBe('VALIDATION_FAILED');
      const one = await http().get('/api/v1/opds/DISPAR/plans').query({ year: 2025 }).set(employee).expect(200);
      expect(one.body.items).toEqual([expect.objectContaining({ opdCode: 'DISPAR', year: 2025, status: 'APPROVED' })]);
    });
  });

  describe('realisation and its corrections', () => {
    beforeAll(async () => {
      await approvedPlan('BAPPEDA', 2025);
    });

    it('refuses a second report of a quarter, and corrects it with a reason, keeping the original', async () => {
      clock.setToday('2025-04-05');
      await http()
        .post(`${plan('BAPPEDA', 2025)}/realisations/1`)
        .set(bearer(await tokenFor({ roles: ['opd_operator'], opd: 'BAPPEDA' })))
        .send({ values: [{ indicatorCode: 'I1', value: 28 }] })
        .expect(201);
      const bappeda = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'BAPPEDA' }));
      const before = await eventCount();
      const again = await http()
        .post(`${plan('BAPPEDA', 2025)}/realisations/1`)
        .set(bappeda)
        .send({ values: [{ indicatorCode: 'I1', value: 82 }] })
        .expect(422);
      expect(again.body.code).toBe('QUARTER_ALREADY_REPORTED');
      const noReason = await http()
        .post(`${plan('BAPPEDA', 2025)}/realisations/1/corrections`)
        .set(bappeda)
        .send({ reason: ' ', values: [{ indicatorCode: 'I1', value: 82 }] })
        .expect(400);
      expect(noReason.body.errors).toEqual([{ field: 'reason', message: 'reason must not be blank' }]);
      expect(await eventCount()).toBe(before);

      const corrected = await http()
        .post(`${plan('BAPPEDA', 2025)}/realisations/1/corrections`)
        .set(bappeda)
        .send({ reason: 'Salah ketik: 28 seharusnya 82', values: [{ indicatorCode: 'I1', value: 82 }] })
        .expect(201);
      const view = await read('BAPPEDA', 2025, corrected.body.position);
      expect(view.goals[0].indicators[0].quarters).toEqual([expect.objectContaining({ quarter: 1, value: 82, achievement: 102.5, corrected: true })]);
      const history = await http().get('/api/v1/history/plan/BAPPEDA-2025').set(inspector).expect(200);
      const reports = history.body.items.filter((item: { type: string }) => item.type.startsWith('Realisation'));
      expect(
        reports.map((item: { type: string; data: { values: Array<{ value: number }> }; reason: string | null }) => [
          item.type,
          item.data.values[0].value,
          item.reason,
        ]),
      ).toEqual([
        ['RealisationReported', 28, null],
        ['RealisationCorrected', 82, 'Salah ketik: 28 seharusnya 82'],
      ]);
    });

    it.each([
      ['an indicator of no effective version', 2, { values: [{ indicatorCode: 'I9', value: 1 }] }, 'UNKNOWN_INDICATOR'],
      ['a quarter that has not begun', 4, { values: [{ indicatorCode: 'I1', value: 1 }] }, 'QUARTER_NOT_STARTED'],
    ])('answers 422 for %s and writes nothing', async (_case, quarter, body, code) => {
      clock.setToday('2025-07-01');
      const before = await eventCount();
      const response = await http()
        .post(`${plan('BAPPEDA', 2025)}/realisations/${quarter}`)
        .set(bearer(await tokenFor({ roles: ['opd_operator'], opd: 'BAPPEDA' })))
        .send(body)
        .expect(422);
      expect(response.body.code).toBe(code);
      expect(await eventCount()).toBe(before);
    });

    it('refuses realisation on a plan without an effective version', async () => {
      await http().post(plan('DISDIK', 2026)).set(otherOperator).send({ goals: GOALS }).expect(201);
      clock.setToday('2026-04-02');
      const response = await http()
        .post(`${plan('DISDIK', 2026)}/realisations/1`)
        .set(otherOperator)
        .send({ values: [{ indicatorCode: 'I1', value: 1 }] })
        .expect(422);
      expect(response.body.code).toBe('PLAN_NOT_APPROVED');
    });
  });

  describe('red flags', () => {
    it('flags a late report, a late correction and a target lowered after Q3 was reported', async () => {
      await approvedPlan('DLH', 2025);
      const dlh = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DLH' }));
      const dlhHead = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DLH' }));
      clock.setToday('2025-04-16');
      await http()
        .post(`${plan('DLH', 2025)}/realisations/1`)
        .set(dlh)
        .send({ values: [{ indicatorCode: 'I1', value: 70 }] })
        .expect(201);
      clock.setToday('2025-05-17');
      await http()
        .post(`${plan('DLH', 2025)}/realisations/1/corrections`)
        .set(dlh)
        .send({ reason: 'Data susulan', values: [{ indicatorCode: 'I1', value: 75 }] })
        .expect(201);
      clock.setToday('2025-10-10');
      await http()
        .post(`${plan('DLH', 2025)}/realisations/3`)
        .set(dlh)
        .send({
          values: [
            { indicatorCode: 'I1', value: 60 },
            { indicatorCode: 'I2', value: 40 },
          ],
        })
        .expect(201);
      const lowered = [{ ...GOALS[0], indicators: [indicator('I1', { annualTarget: 65 }), indicator('I2', { annualTarget: 50 })] }, GOALS[1]];
      await http()
        .post(`${plan('DLH', 2025)}/revisions`)
        .set(dlh)
        .send({ reasonCategory: 'STRATEGY_CHANGED', reason: 'Refocusing anggaran', goals: lowered })
        .expect(201);
      await http()
        .post(`${plan('DLH', 2025)}/submit`)
        .set(dlh)
        .expect(200);
      const approved = await http()
        .post(`${plan('DLH', 2025)}/approve`)
        .set(dlhHead)
        .expect(200);

      const view = await read('DLH', 2025, approved.body.position);
      expect(
        view.flags.map((flag: { code: string; quarter?: number; indicatorCode?: string }) => [flag.code, flag.quarter ?? null, flag.indicatorCode ?? null]),
      ).toEqual([
        ['LATE_REPORT', 1, null],
        ['LATE_CORRECTION', 1, 'I1'],
        ['TARGET_LOWERED_LATE', null, 'I1'],
      ]);
      expect(view.flags.every((flag: { at: string }) => !Number.isNaN(Date.parse(flag.at)))).toBe(true);
    });
  });

  describe('who may do what', () => {
    it('lets only the unit’s operator write and only its head decide', async () => {
      const dishubOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISHUB' }));
      const dishubHead = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DISHUB' }));
      const before = await eventCount();
      for (const as of [head, operator, inspector, admin, employee, dishubHead])
        await http().post(plan('DISHUB', 2025)).set(as).send({ goals: GOALS }).expect(403);
      await http().post(plan('DISHUB', 2025)).expect(401);
      expect(await eventCount()).toBe(before);

      await http().post(plan('DISHUB', 2025)).set(dishubOperator).send({ goals: GOALS }).expect(201);
      for (const as of [dishubHead, operator, inspector])
        await http()
          .post(`${plan('DISHUB', 2025)}/submit`)
          .set(as)
          .expect(403);
      await http()
        .post(`${plan('DISHUB', 2025)}/submit`)
        .set(dishubOperator)
        .expect(200);
      for (const as of [dishubOperator, head, otherHead, inspector]) {
        await http()
          .post(`${plan('DISHUB', 2025)}/approve`)
          .set(as)
          .expect(403);
        await http()
          .post(`${plan('DISHUB', 2025)}/return`)
          .set(as)
          .send({ reason: 'x' })
          .expect(403);
      }
      const approved = await http()
        .post(`${plan('DISHUB', 2025)}/approve`)
        .set(dishubHead)
        .expect(200);
      clock.setToday('2025-04-03');
      for (const as of [dishubHead, operator, inspector]) {
        await http()
          .post(`${plan('DISHUB', 2025)}/realisations/1`)
          .set(as)
          .send({ values: [{ indicatorCode: 'I1', value: 1 }] })
          .expect(403);
      }
      expect(await eventCount()).toBe(before + 3);

      for (const as of [employee, admin, otherOperator, inspector, dishubHead]) {
        await http().get(plan('DISHUB', 2025)).set(as).set('X-Min-Position', approved.body.position).expect(200);
      }
    });
  });

  describe('concurrent writes', () => {
    it('takes one report of a quarter out of ten sent at once; the others see it and answer 422', async () => {
      await approvedPlan('DISDIK', 2025);
      clock.setToday('2025-04-02');
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          http()
            .post(`${plan('DISDIK', 2025)}/realisations/1`)
            .set(otherOperator)
            .send({ values: [{ indicatorCode: 'I1', value: 80 + i }] }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(422)]);
      const history = await http().get('/api/v1/history/plan/DISDIK-2025').set(inspector).expect(200);
      expect(history.body.items.filter((item: { type: string }) => item.type === 'RealisationReported')).toHaveLength(1);
    });

    it('lands writes sent at once without If-Match: each is decided again on the latest state', async () => {
      const { position } = await approvedPlan('DISDIK', 2024);
      clock.setToday('2025-01-05');
      const responses = await Promise.all(
        [1, 2, 3, 4].map((quarter) =>
          http()
            .post(`${plan('DISDIK', 2024)}/realisations/${quarter}`)
            .set(otherOperator)
            .send({ values: [{ indicatorCode: 'I1', value: 80 + quarter }] }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
      const last = responses
        .map((response) => response.body.position)
        .sort()
        .at(-1);
      const view = await read('DISDIK', 2024, last ?? position);
      expect(view.goals[0].indicators[0].quarters.map((quarter: { value: number }) => quarter.value)).toEqual([81, 82, 83, 84]);

      const corrections = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          http()
            .post(`${plan('DISDIK', 2024)}/realisations/1/corrections`)
            .set(otherOperator)
            .send({ reason: `koreksi ${i}`, values: [{ indicatorCode: 'I2', value: i }] }),
        ),
      );
      expect(corrections.map((response) => response.status)).toEqual(Array(10).fill(201));
      expect(new Set(corrections.map((response) => response.body.revision)).size).toBe(10);
    });

    it('lets one of ten writes with the same If-Match win, the others answer 412', async () => {
      const { revision } = (
        await http()
          .post(`${plan('DISDIK', 2025)}/realisations/1/corrections`)
          .set(otherOperator)
          .send({ reason: 'r', values: [{ indicatorCode: 'I2', value: 1 }] })
          .expect(201)
      ).body;
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          http()
            .post(`${plan('DISDIK', 2025)}/realisations/1/corrections`)
            .set(otherOperator)
            .set('If-Match', `"${revision}"`)
            .send({ reason: `koreksi ${i}`, values: [{ indicatorCode: 'I2', value: i }] }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(412)]);
    });
  });

  describe('asOf', () => {
    it('answers the plan as it was before its approval, to the inspectorate and the unit only', async () => {
      const dinkes2026 = plan('DINKES', 2026);
      await http().post(dinkes2026).set(operator).send({ goals: GOALS }).expect(201);
      await http().post(`${dinkes2026}/submit`).set(operator).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const between = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const approved = await http().post(`${dinkes2026}/approve`).set(head).expect(200);
      await read('DINKES', 2026, approved.body.position);

      const past = await http().get(dinkes2026).query({ asOf: between }).set(inspector).expect(200);
      expect(past.body).toMatchObject({ status: 'SUBMITTED', effectiveVersion: null, revision: 1 });
      expect(past.headers.etag).toBe('"1"');
      await http().get(dinkes2026).query({ asOf: between }).set(head).expect(200);
      await http().get(dinkes2026).query({ asOf: between }).set(otherOperator).expect(403);
      await http().get(dinkes2026).query({ asOf: '2000-01-01T00:00:00Z' }).set(inspector).expect(404);
    });
  });

  describe('refusing bad input, writing nothing', () => {
    const withIndicator = (overrides: Record<string, unknown>) => ({ goals: [{ code: 'G1', statement: 's', indicators: [indicator('I1', overrides)] }] });

    it.each([
      ['no goals', { goals: [] }, 'goals'],
      ['a goal without indicators', { goals: [{ code: 'G1', statement: 's', indicators: [] }] }, 'goals.0.indicators'],
      ['an unknown polarity', withIndicator({ polarity: 'MORE' }), 'goals.0.indicators.0.polarity'],
      ['an unknown aggregation', withIndicator({ aggregation: 'MEDIAN' }), 'goals.0.indicators.0.aggregation'],
      ['a negative target', withIndicator({ annualTarget: -1 }), 'goals.0.indicators.0.annualTarget'],
      ['a target as a string', withIndicator({ annualTarget: '90' }), 'goals.0.indicators.0.annualTarget'],
      ['three quarterly targets', withIndicator({ quarterlyTargets: [1, 2, 3] }), 'goals.0.indicators.0.quarterlyTargets'],
      ['a blank statement', { goals: [{ code: 'G1', statement: ' ', indicators: [indicator('I1')] }] }, 'goals.0.statement'],
      ['an unknown field', { goals: GOALS, signedBy: 'x' }, 'signedBy'],
    ])('answers 400 for %s', async (_case, body, field) => {
      const before = await eventCount();
      const response = await http().post(plan('DINKES', 2027)).set(operator).send(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['a zero target where higher is better', withIndicator({ annualTarget: 0 })],
      ['an indicator code used twice', { goals: [GOALS[0], { code: 'G2', statement: 's', indicators: [indicator('I1')] }] }],
    ])('answers 400 VALIDATION_FAILED for %s', async (_case, body) => {
      const before = await eventCount();
      expect((await http().post(plan('DINKES', 2027)).set(operator).send(body).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect(await eventCount()).toBe(before);
    });

    it('answers 400 for a year out of range or a quarter out of 1..4, and 422 for an unknown unit', async () => {
      const before = await eventCount();
      await http().post(plan('DINKES', 1999)).set(operator).send({ goals: GOALS }).expect(400);
      await http().post(plan('DINKES', 2031)).set(operator).send({ goals: GOALS }).expect(400);
      await http().get('/api/v1/opds/DINKES/plans/20x5').set(operator).expect(400);
      await http()
        .post(`${plan('DINKES', 2025)}/realisations/5`)
        .set(operator)
        .send({ values: [{ indicatorCode: 'I1', value: 1 }] })
        .expect(400);
      const nope = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'NOPE' }));
      expect((await http().post(plan('NOPE', 2025)).set(nope).send({ goals: GOALS }).expect(422)).body.code).toBe('UNKNOWN_OPD');
      expect(await eventCount()).toBe(before);
    });

    it('answers 409 for a second plan of the same year and 404 for a plan that does not exist', async () => {
      await http().post(plan('DINKES', 2028)).set(operator).send({ goals: GOALS }).expect(201);
      expect((await http().post(plan('DINKES', 2028)).set(operator).send({ goals: GOALS }).expect(409)).body.code).toBe('ALREADY_EXISTS');
      expect((await http().get(plan('DINKES', 2029)).set(operator).expect(404)).body.code).toBe('NOT_FOUND');
      expect(
        (
          await http()
            .post(`${plan('DINKES', 2029)}/submit`)
            .set(operator)
            .expect(404)
        ).body.code,
      ).toBe('NOT_FOUND');
    });

    it('answers 422 INVALID_TRANSITION for an action the state does not allow', async () => {
      await http().post(plan('DINKES', 2030)).set(operator).send({ goals: GOALS }).expect(201);
      const before = await eventCount();
      expect(
        (
          await http()
            .post(`${plan('DINKES', 2030)}/approve`)
            .set(head)
            .expect(422)
        ).body.code,
      ).toBe('INVALID_TRANSITION');
      await http()
        .post(`${plan('DINKES', 2030)}/revisions`)
        .set(operator)
        .send({ reasonCategory: 'OFFICIAL_CHANGED', reason: 'Kepala baru', goals: GOALS })
        .expect(422);
      await http()
        .post(`${plan('DINKES', 2030)}/revisions`)
        .set(operator)
        .send({ reasonCategory: 'WHIM', reason: 'x', goals: GOALS })
        .expect(400);
      expect(await eventCount()).toBe(before);
    });
  });

  it('accepts a state change sent with Content-Type: application/json and no body, as clients send it', async () => {
    const dlhOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DLH' }));
    await http().post(plan('DLH', 2027)).set(dlhOperator).send({ goals: GOALS }).expect(201);
    await http()
      .post(`${plan('DLH', 2027)}/submit`)
      .set(dlhOperator)
      .set('Content-Type', 'application/json')
      .expect(200);
  });
});
