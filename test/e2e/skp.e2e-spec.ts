import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const EMPLOYEE = '198001012005011001';
const APPRAISER = '197502022000031002';
const HEAD_OF_SECTION = '196501011990031001';
const OTHER = '199001012015012001';

const planIndicator = (code: string) => ({ code, name: `Indikator ${code}`, unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 });
const GOALS = [{ code: 'G1', statement: 'Derajat kesehatan', indicators: [planIndicator('I1'), planIndicator('I2')] }];
const fromPlan = (indicatorCode: string, opdCode = 'DINKES', year = 2025) => ({ kind: 'PLAN_INDICATOR', opdCode, year, indicatorCode });
const result = (code: string, cascadedFrom: object, indicatorCode = `K-${code}`) => ({
  code,
  statement: `Hasil kerja ${code}`,
  cascadedFrom,
  indicators: [{ code: indicatorCode, name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
});
const draftBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Siti Aminah',
  position: 'Analis Kesehatan',
  opdCode: 'DINKES',
  appraiserNip: APPRAISER,
  results: [result('R1', fromPlan('I1')), result('R2', fromPlan('I2'))],
  ...overrides,
});

describe('SKP over HTTP', () => {
  const clock = new TestClock('2025-01-10');
  let testApp: TestApp;
  let database: Database;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());
  const skp = (nip: string, year = 2025) => `/api/v1/skp/${nip}/${year}`;
  const employeeOf = async (nip: string) => bearer(await tokenFor({ roles: ['employee'], nip }));

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  async function read(nip: string, position: string, headers: Headers = as.inspector, year = 2025) {
    return (await http().get(skp(nip, year)).set(headers).set('X-Min-Position', position).expect(200)).body;
  }

  async function approvedPlan(code: string, year: number, goals: object[] = GOALS): Promise<string> {
    const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: code }));
    const head = bearer(await tokenFor({ roles: ['opd_head'], opd: code }));
    await http().post(`/api/v1/opds/${code}/plans/${year}`).set(operator).send({ goals }).expect(201);
    await http().post(`/api/v1/opds/${code}/plans/${year}/submit`).set(operator).expect(200);
    return (await http().post(`/api/v1/opds/${code}/plans/${year}/approve`).set(head).expect(200)).body.position;
  }

  /** An SKP drafted by its employee, submitted and agreed by its appraiser. */
  async function agreedSkp(nip: string, body: object = draftBody(), year = 2025): Promise<{ position: string; revision: number }> {
    const employee = await employeeOf(nip);
    await http().post(skp(nip, year)).set(employee).send(body).expect(201);
    await http()
      .post(`${skp(nip, year)}/submit`)
      .set(employee)
      .expect(200);
    return (
      await http()
        .post(`${skp(nip, year)}/agree`)
        .set(as.appraiser)
        .expect(200)
    ).body;
  }

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    database = testApp.app.get(DATABASE);
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    as.operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    as.head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    as.otherOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
    as.otherHead = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DISDIK' }));
    as.employee = await employeeOf(EMPLOYEE);
    as.appraiser = bearer(await tokenFor({ roles: ['appraiser'], nip: APPRAISER, name: 'Kepala Seksi' }));
    as.colleague = bearer(await tokenFor({ roles: ['employee', 'appraiser'], nip: OTHER }));
    for (const code of ['DINKES', 'DISDIK'])
      await http()
        .post('/api/v1/opds')
        .set(as.admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
    await approvedPlan('DINKES', 2025);
  });
  beforeEach(() => clock.setToday('2025-01-10'));
  afterAll(() => testApp.close());

  describe('the lifecycle of an SKP', () => {
    it('drafts, returns, edits, agrees, realises, evaluates and re-evaluates, keeping the first rating', async () => {
      const drafted = await http().post(skp(EMPLOYEE)).set(as.employee).send(draftBody()).expect(201);
      expect(drafted.body).toMatchObject({ id: `${EMPLOYEE}-2025`, revision: 0 });
      expect(drafted.headers.location).toBe(`/api/v1/skp/${EMPLOYEE}/2025`);
      expect(drafted.headers.etag).toBe('"0"');
      let view = await read(EMPLOYEE, drafted.body.position, as.employee);
      expect(view).toMatchObject({
        nip: EMPLOYEE,
        name: 'Siti Aminah',
        status: 'DRAFT',
        appraiserNip: APPRAISER,
        predikat: null,
        flags: [],
        awaitingAgreement: false,
      });

      await http()
        .post(`${skp(EMPLOYEE)}/submit`)
        .set(as.employee)
        .expect(200);
      await http()
        .post(`${skp(EMPLOYEE)}/return`)
        .set(as.appraiser)
        .send({ reason: 'Indikator belum terukur' })
        .expect(200);
      await http()
        .put(skp(EMPLOYEE))
        .set(as.employee)
        .set('If-Match', '"2"')
        .send({ results: [result('R1', fromPlan('I1')), result('R2', fromPlan('I2'), 'K-R2b')] })
        .expect(200);
      const submitted = await http()
        .post(`${skp(EMPLOYEE)}/submit`)
        .set(as.employee)
        .expect(200);
      const inbox = await http().get('/api/v1/skp').query({ pending: true }).set(as.appraiser).set('X-Min-Position', submitted.body.position).expect(200);
      expect(inbox.body.items.map((item: { nip: string; awaitingAgreement: boolean }) => [item.nip, item.awaitingAgreement])).toEqual([[EMPLOYEE, true]]);

      clock.setToday('2025-01-20');
      const agreed = await http()
        .post(`${skp(EMPLOYEE)}/agree`)
        .set(as.appraiser)
        .expect(200);
      view = await read(EMPLOYEE, agreed.body.position);
      expect(view).toMatchObject({ status: 'AGREED', agreedOn: '2025-01-20', revision: 5, returns: [{ reason: 'Indikator belum terukur' }] });
      expect(view.results[1].indicators[0].code).toBe('K-R2b');

      clock.setToday('2025-04-05');
      await http()
        .post(`${skp(EMPLOYEE)}/realisations/Q1`)
        .set(as.employee)
        .send({
          values: [
            { indicatorCode: 'K-R1', value: 30, evidenceUrl: 'https://dinkes.example.go.id/q1.pdf' },
            { indicatorCode: 'K-R2b', value: 20 },
          ],
        })
        .expect(201);
      const evaluated = await http()
        .post(`${skp(EMPLOYEE)}/evaluations/Q1`)
        .set(as.appraiser)
        .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'ABOVE_EXPECTATION', behaviourNotes: { AKUNTABEL: 'Tepat waktu' } })
        .expect(201);
      expect(evaluated.body).toMatchObject({ id: `${EMPLOYEE}-2025`, predikat: 'BAIK' });
      const again = await http()
        .post(`${skp(EMPLOYEE)}/evaluations/Q1`)
        .set(as.appraiser)
        .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED' })
        .expect(422);
      expect(again.body.code).toBe('PERIOD_ALREADY_EVALUATED');
      const reevaluated = await http()
        .post(`${skp(EMPLOYEE)}/evaluations/Q1`)
        .set(as.appraiser)
        .send({ resultRating: 'ABOVE_EXPECTATION', behaviourRating: 'BELOW_EXPECTATION', reason: 'Pelanggaran disiplin' })
        .expect(201);
      expect(reevaluated.body.predikat).toBe('KURANG');
      clock.setToday('2025-12-20');
      const annual = await http()
        .post(`${skp(EMPLOYEE)}/evaluations/ANNUAL`)
        .set(as.appraiser)
        .send({ resultRating: 'ABOVE_EXPECTATION', behaviourRating: 'ABOVE_EXPECTATION', note: 'Sangat baik' })
        .expect(201);
      expect(annual.body.predikat).toBe('SANGAT_BAIK');

      view = await read(EMPLOYEE, annual.body.position, as.appraiser);
      expect(view).toMatchObject({ predikat: 'SANGAT_BAIK', latestEvaluation: { period: 'ANNUAL', on: '2025-12-20' }, awaitingEvaluation: [] });
      expect(view.realisations).toEqual([expect.objectContaining({ period: 'Q1', reportedOn: '2025-04-05' })]);
      const q1 = view.evaluations.find((evaluation: { period: string }) => evaluation.period === 'Q1');
      expect(q1.current).toMatchObject({ predikat: 'KURANG', reason: 'Pelanggaran disiplin' });
      expect(q1.history.map((record: { predikat: string; behaviourNotes: object }) => [record.predikat, record.behaviourNotes])).toEqual([
        ['BAIK', { AKUNTABEL: 'Tepat waktu' }],
        ['KURANG', {}],
      ]);

      const history = await http().get(`/api/v1/history/skp/${EMPLOYEE}-2025`).set(as.head).expect(200);
      expect(history.body.items.map((item: { type: string }) => item.type)).toContain('SkpReevaluated');
      expect((await http().get(`/api/v1/integrity/streams/skp/${EMPLOYEE}-2025`).set(as.inspector).expect(200)).body).toMatchObject({
        valid: true,
        events: history.body.items.length,
      });
      await http().get(`/api/v1/history/skp/${EMPLOYEE}-2025`).set(as.otherOperator).expect(403);
    });
  });

  describe('cascading', () => {
    it('refuses a link to an indicator the effective plan does not have, or to a plan without one, and writes nothing', async () => {
      const nip = '198102022006041002';
      const employee = await employeeOf(nip);
      const before = await eventCount();
      for (const cascadedFrom of [
        fromPlan('I9'),
        fromPlan('I1', 'DISDIK'),
        fromPlan('I1', 'DINKES', 2024),
        { kind: 'SKP_RESULT', nip: HEAD_OF_SECTION, resultCode: 'R1' },
      ]) {
        const response = await http()
          .post(skp(nip))
          .set(employee)
          .send(draftBody({ results: [result('R1', cascadedFrom)] }))
          .expect(422);
        expect(response.body.code).toBe('CASCADE_TARGET_MISSING');
        expect(response.body.detail).not.toContain(nip);
      }
      expect(await eventCount()).toBe(before);
    });

    it('accepts a link to a result of the superior’s SKP, and refuses the appraiser as the employee', async () => {
      const superior = await employeeOf(APPRAISER);
      const appraiserOfSuperior = { ...draftBody(), appraiserNip: HEAD_OF_SECTION, results: [result('S1', fromPlan('I1'))] };
      await http().post(skp(APPRAISER)).set(superior).send(appraiserOfSuperior).expect(201);
      const nip = '198203032007011003';
      const employee = await employeeOf(nip);
      await http()
        .post(skp(nip))
        .set(employee)
        .send(draftBody({ results: [result('R1', { kind: 'SKP_RESULT', nip: APPRAISER, resultCode: 'S9' })] }))
        .expect(422);
      await http()
        .post(skp(nip))
        .set(employee)
        .send(draftBody({ results: [result('R1', { kind: 'SKP_RESULT', nip: APPRAISER, resultCode: 'S1' })] }))
        .expect(201);
      const self = await http()
        .post(skp(APPRAISER, 2026))
        .set(superior)
        .send(draftBody({ appraiserNip: APPRAISER, results: [result('R1', fromPlan('I1', 'DINKES', 2026))] }))
        .expect(422);
      expect(self.body.code).toBe('APPRAISER_IS_EMPLOYEE');
    });

    it('flags an SKP whose plan indicator a revision removed, without changing the SKP, and shows the tree of an indicator', async () => {
      await approvedPlan('DISDIK', 2025);
      const nips = ['198404042008012004', '198505052009011005'];
      for (const nip of nips)
        await agreedSkp(nip, draftBody({ opdCode: 'DISDIK', results: [result('R1', fromPlan('I1', 'DISDIK')), result('R2', fromPlan('I2', 'DISDIK'))] }));
      const child = '199006062015011006';
      const childWritten = await http()
        .post(skp(child))
        .set(await employeeOf(child))
        .send(draftBody({ opdCode: 'DISDIK', appraiserNip: nips[0], results: [result('C1', { kind: 'SKP_RESULT', nip: nips[0], resultCode: 'R2' })] }))
        .expect(201);

      let tree = await http()
        .get('/api/v1/opds/DISDIK/plans/2025/indicators/I2/skp')
        .set(as.otherHead)
        .set('X-Min-Position', childWritten.body.position)
        .expect(200);
      expect(
        tree.body.items.map((node: { nip: string; resultCode: string; children: Array<{ nip: string; resultCode: string }> }) => [
          node.nip,
          node.resultCode,
          node.children.map((c) => [c.nip, c.resultCode]),
        ]),
      ).toEqual([
        [nips[0], 'R2', [[child, 'C1']]],
        [nips[1], 'R2', []],
      ]);
      await http().get('/api/v1/opds/DISDIK/plans/2025/indicators/I2/skp').set(as.operator).expect(403);
      await http().get('/api/v1/opds/DISDIK/plans/2025/indicators/I2/skp').set(as.employee).expect(403);

      const disdik = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
      const plan = '/api/v1/opds/DISDIK/plans/2025';
      await http()
        .post(`${plan}/revisions`)
        .set(disdik)
        .send({ reasonCategory: 'STRATEGY_CHANGED', reason: 'Refocusing', goals: [{ ...GOALS[0], indicators: [planIndicator('I1')] }] })
        .expect(201);
      await http().post(`${plan}/submit`).set(disdik).expect(200);
      const revised = await http().post(`${plan}/approve`).set(as.otherHead).expect(200);
      const before = await http().get(`/api/v1/history/skp/${nips[0]}-2025`).set(as.inspector).expect(200);
      const view = await read(nips[0], revised.body.position);
      expect(view.flags).toEqual([{ code: 'CASCADE_SOURCE_REMOVED', resultCode: 'R2', opdCode: 'DISDIK', year: 2025, indicatorCode: 'I2' }]);
      expect(view.results.map((r: { code: string }) => r.code)).toEqual(['R1', 'R2']);
      expect((await http().get(`/api/v1/history/skp/${nips[0]}-2025`).set(as.inspector).expect(200)).body.items).toHaveLength(before.body.items.length);
      tree = await http().get('/api/v1/opds/DISDIK/plans/2025/indicators/I2/skp').set(as.inspector).expect(200);
      expect(tree.body.items).toHaveLength(2);

      const unit = await http().get('/api/v1/opds/DISDIK/skp').query({ year: 2025, limit: 1 }).set(as.otherOperator).expect(200);
      expect(unit.body.items.map((item: { nip: string }) => item.nip)).toEqual([nips[0]]);
      const next = await http().get('/api/v1/opds/DISDIK/skp').query({ year: 2025, cursor: unit.body.nextCursor }).set(as.otherOperator).expect(200);
      expect(next.body.items.map((item: { nip: string }) => item.nip)).toEqual([nips[1], child]);
      expect(next.body.items[0].flags).toHaveLength(1);
      await http().get('/api/v1/opds/DISDIK/skp').set(as.operator).expect(403);
      await http().get('/api/v1/opds/DISDIK/skp').set(as.employee).expect(403);
      await http().get('/api/v1/opds/DISDIK/skp').query({ cursor: 'bm9wZQ' }).set(as.inspector).expect(400);
    });
  });

  describe('who may do what', () => {
    it('lets the employee and the unit’s operator draft, the employee edit and the named appraiser decide; refusals write nothing', async () => {
      const nip = '198707072012012007';
      const employee = await employeeOf(nip);
      const before = await eventCount();
      for (const headers of [as.employee, as.colleague, as.otherOperator, as.head, as.inspector, as.admin, as.appraiser]) {
        await http().post(skp(nip)).set(headers).send(draftBody()).expect(403);
      }
      await http().post(skp(nip)).send(draftBody()).expect(401);
      expect(await eventCount()).toBe(before);

      const drafted = await http().post(skp(nip)).set(as.operator).send(draftBody()).expect(201);
      for (const headers of [as.operator, as.employee, as.appraiser, as.head]) {
        await http()
          .put(skp(nip))
          .set(headers)
          .send({ results: [result('R1', fromPlan('I1'))] })
          .expect(403);
        await http()
          .post(`${skp(nip)}/submit`)
          .set(headers)
          .expect(403);
      }
      await http()
        .post(`${skp(nip)}/submit`)
        .set(employee)
        .expect(200);
      for (const headers of [employee, as.colleague, as.head, as.operator, as.inspector]) {
        await http()
          .post(`${skp(nip)}/agree`)
          .set(headers)
          .expect(403);
        await http()
          .post(`${skp(nip)}/return`)
          .set(headers)
          .send({ reason: 'x' })
          .expect(403);
      }
      // The appraiser's NIP in an employee token is the appraiser too.
      await http()
        .post(`${skp(nip)}/agree`)
        .set(await employeeOf(APPRAISER))
        .expect(200);
      for (const headers of [as.appraiser, as.operator])
        await http()
          .post(`${skp(nip)}/realisations/Q1`)
          .set(headers)
          .send({ values: [{ indicatorCode: 'K-R1', value: 1 }] })
          .expect(403);
      for (const headers of [employee, as.head])
        await http()
          .post(`${skp(nip)}/evaluations/Q1`)
          .set(headers)
          .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED' })
          .expect(403);
      expect(await eventCount()).toBe(before + 3);

      for (const headers of [employee, as.appraiser, as.operator, as.head, as.inspector])
        await http().get(skp(nip)).set(headers).set('X-Min-Position', drafted.body.position).expect(200);
      for (const headers of [as.colleague, as.otherOperator, as.otherHead, as.admin, as.employee]) {
        const refused = await http().get(skp(nip)).set(headers).set('X-Min-Position', drafted.body.position);
        expect(refused.status).toBe(403);
        expect(JSON.stringify(refused.body)).not.toMatch(/Siti|\d{18}/);
      }
      await http().get(skp(nip)).expect(401);
    });

    it('lists an appraiser’s own SKPs only, and any appraiser’s to the inspectorate', async () => {
      await http().get('/api/v1/skp').query({ appraiserNip: OTHER }).set(as.appraiser).expect(403);
      await http().get('/api/v1/skp').set(as.head).expect(403);
      await http().get('/api/v1/skp').set(as.inspector).expect(400);
      await http().get('/api/v1/skp').query({ appraiserNip: '123' }).set(as.inspector).expect(400);
      const mine = await http().get('/api/v1/skp').set(as.appraiser).expect(200);
      expect(mine.body.items.every((item: { appraiserNip: string }) => item.appraiserNip === APPRAISER)).toBe(true);
      const theirs = await http().get('/api/v1/skp').query({ appraiserNip: APPRAISER }).set(as.inspector).expect(200);
      expect(theirs.body.items.length).toBe(mine.body.items.length);
    });
  });

  describe('concurrent evaluations', () => {
    it('takes one evaluation of a period out of ten sent at once; the others answer 422 PERIOD_ALREADY_EVALUATED', async () => {
      const nip = '198808082013011008';
      await agreedSkp(nip);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          http()
            .post(`${skp(nip)}/evaluations/Q2`)
            .set(as.appraiser)
            .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED' }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(422)]);
      expect(responses.filter((response) => response.status === 422).every((response) => response.body.code === 'PERIOD_ALREADY_EVALUATED')).toBe(true);
      const history = await http().get(`/api/v1/history/skp/${nip}-2025`).set(as.inspector).expect(200);
      expect(history.body.items.filter((item: { type: string }) => item.type === 'SkpEvaluated')).toHaveLength(1);
    });
  });

  describe('asOf', () => {
    it('answers the SKP as it was before its agreement, to the inspectorate and the unit only', async () => {
      const nip = '198909092014012009';
      const employee = await employeeOf(nip);
      await http().post(skp(nip)).set(employee).send(draftBody()).expect(201);
      await http()
        .post(`${skp(nip)}/submit`)
        .set(employee)
        .expect(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const between = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const agreed = await http()
        .post(`${skp(nip)}/agree`)
        .set(as.appraiser)
        .expect(200);
      await read(nip, agreed.body.position);

      const past = await http().get(skp(nip)).query({ asOf: between }).set(as.inspector).expect(200);
      expect(past.body).toMatchObject({ status: 'SUBMITTED', revision: 1, awaitingAgreement: true });
      expect(past.headers.etag).toBe('"1"');
      await http().get(skp(nip)).query({ asOf: between }).set(as.head).expect(200);
      for (const headers of [employee, as.appraiser, as.otherOperator]) await http().get(skp(nip)).query({ asOf: between }).set(headers).expect(403);
      await http().get(skp(nip)).query({ asOf: '2000-01-01T00:00:00Z' }).set(as.inspector).expect(404);
      await http().get(skp(nip)).query({ asOf: 'yesterday' }).set(as.inspector).expect(400);
    });
  });

  describe('refusing bad input, writing nothing', () => {
    const nip = '199101012016011010';
    const withIndicator = (overrides: Record<string, unknown>) =>
      draftBody({ results: [{ ...result('R1', fromPlan('I1')), indicators: [{ ...result('R1', {}).indicators[0], ...overrides }] }] });

    it.each([
      ['an appraiser NIP with 30 February', draftBody({ appraiserNip: '198002302005011001' }), 'appraiserNip'],
      ['an appraiser NIP of 17 digits', draftBody({ appraiserNip: '19800101200501100' }), 'appraiserNip'],
      ['a blank name', draftBody({ name: '  ' }), 'name'],
      ['no results', draftBody({ results: [] }), 'results'],
      ['a result without a link', draftBody({ results: [{ ...result('R1', {}), cascadedFrom: undefined }] }), 'results.0.cascadedFrom'],
      ['an unknown link kind', draftBody({ results: [result('R1', { kind: 'RENSTRA' })] }), 'results.0.cascadedFrom.kind'],
      [
        'a plan link without its indicator',
        draftBody({ results: [result('R1', { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year: 2025 })] }),
        'results.0.cascadedFrom.indicatorCode',
      ],
      ['a plan link with a NIP', draftBody({ results: [result('R1', { ...fromPlan('I1'), nip: APPRAISER })] }), 'results.0.cascadedFrom.nip'],
      [
        'a superior link with a malformed NIP',
        draftBody({ results: [result('R1', { kind: 'SKP_RESULT', nip: '1', resultCode: 'R1' })] }),
        'results.0.cascadedFrom.nip',
      ],
      ['an unknown polarity', withIndicator({ polarity: 'MORE' }), 'results.0.indicators.0.polarity'],
      ['a negative target', withIndicator({ target: -1 }), 'results.0.indicators.0.target'],
      ['an unknown field', draftBody({ grade: 'III/a' }), 'grade'],
    ])('answers 400 for %s', async (_case, body, field) => {
      const before = await eventCount();
      const response = await http().post(skp(nip)).set(as.operator).send(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('answers 400 for a zero target where higher is better, a bad NIP, year or period in the path, and bad ratings', async () => {
      const before = await eventCount();
      expect(
        (
          await http()
            .post(skp(nip))
            .set(as.operator)
            .send(withIndicator({ target: 0 }))
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
      for (const bad of ['198001012005011003x', '198013012005011001', '198001012005013001']) {
        const response = await http().post(`/api/v1/skp/${bad}/2025`).set(as.operator).send(draftBody()).expect(400);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'nip' })]);
        expect(response.body.detail).not.toContain(bad);
      }
      await http().post(skp(nip, 1999)).set(as.operator).send(draftBody()).expect(400);
      await http().get(`/api/v1/skp/${nip}/20x5`).set(as.inspector).expect(400);
      await http()
        .post(`${skp(EMPLOYEE)}/realisations/ANNUAL`)
        .set(as.employee)
        .send({ values: [{ indicatorCode: 'K-R1', value: 1 }] })
        .expect(400);
      await http()
        .post(`${skp(EMPLOYEE)}/evaluations/Q5`)
        .set(as.appraiser)
        .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED' })
        .expect(400);
      const rating = await http()
        .post(`${skp(EMPLOYEE)}/evaluations/Q2`)
        .set(as.appraiser)
        .send({ resultRating: 'GOOD', behaviourRating: 'AS_EXPECTED' })
        .expect(400);
      expect(rating.body.errors.map((error: { field: string }) => error.field)).toEqual(['resultRating']);
      const notes = await http()
        .post(`${skp(EMPLOYEE)}/evaluations/Q2`)
        .set(as.appraiser)
        .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED', behaviourNotes: { JUJUR: 'x' } })
        .expect(400);
      expect(notes.body.errors.map((error: { field: string }) => error.field)).toEqual(['behaviourNotes.JUJUR']);
      await http()
        .post(`${skp(EMPLOYEE)}/return`)
        .set(as.appraiser)
        .send({ reason: ' ' })
        .expect(400);
      expect(await eventCount()).toBe(before);
    });

    it('answers 404, 409 and 422 as documented', async () => {
      const before = await eventCount();
      expect((await http().get(skp(nip, 2026)).set(as.inspector).expect(404)).body.code).toBe('NOT_FOUND');
      expect(
        (
          await http()
            .post(`${skp(nip, 2026)}/submit`)
            .set(await employeeOf(nip))
            .expect(404)
        ).body.code,
      ).toBe('NOT_FOUND');
      expect((await http().post(skp(EMPLOYEE)).set(as.employee).send(draftBody()).expect(409)).body.code).toBe('ALREADY_EXISTS');
      expect(
        (
          await http()
            .post(`${skp(EMPLOYEE)}/submit`)
            .set(as.employee)
            .expect(422)
        ).body.code,
      ).toBe('INVALID_TRANSITION');
      expect(
        (
          await http()
            .post(`${skp(EMPLOYEE)}/realisations/Q1`)
            .set(as.employee)
            .send({ values: [{ indicatorCode: 'K-R1', value: 1 }] })
            .expect(422)
        ).body.code,
      ).toBe('PERIOD_ALREADY_REPORTED');
      expect(
        (
          await http()
            .post(`${skp(EMPLOYEE)}/realisations/Q2`)
            .set(as.employee)
            .send({ values: [{ indicatorCode: 'NOPE', value: 1 }] })
            .expect(422)
        ).body.code,
      ).toBe('UNKNOWN_INDICATOR');
      const nope = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'NOPE' }));
      expect(
        (
          await http()
            .post(skp(nip))
            .set(nope)
            .send(draftBody({ opdCode: 'NOPE' }))
            .expect(422)
        ).body.code,
      ).toBe('UNKNOWN_OPD');
      const draft = '199202022017012011';
      await http().post(skp(draft)).set(as.operator).send(draftBody()).expect(201);
      expect(
        (
          await http()
            .post(`${skp(draft)}/evaluations/Q1`)
            .set(as.appraiser)
            .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED' })
            .expect(422)
        ).body.code,
      ).toBe('SKP_NOT_AGREED');
      expect(await eventCount()).toBe(before + 1);
    });
  });
});
