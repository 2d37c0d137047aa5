import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

describe('audit findings over HTTP', () => {
  const clock = new TestClock('2025-06-30');
  let testApp: TestApp;
  let database: Database;
  let admin: Headers;
  let inspector: Headers;
  let dinkesOperator: Headers;
  let dinkesHead: Headers;
  let disdikOperator: Headers;
  let employee: Headers;
  const http = () => request(testApp.app.getHttpServer());

  const finding = (overrides: Record<string, unknown> = {}) => ({
    opdCode: 'DINKES',
    reportNumber: 'LHP-01/2025',
    reportDate: '2025-03-01',
    receivedDate: '2025-03-03',
    title: 'Kelebihan pembayaran perjalanan dinas',
    condition: 'Terdapat kelebihan pembayaran',
    criteria: 'Perbup 12/2024',
    cause: 'Verifikasi lemah',
    effect: 'Kerugian daerah',
    category: 'NON_COMPLIANCE',
    amountIdr: 10_000_000,
    recommendations: [{ text: 'Setorkan kelebihan ke kas daerah', amountIdr: 10_000_000 }, { text: 'Tegur bendahara' }],
    ...overrides,
  });

  async function record(overrides: Record<string, unknown> = {}): Promise<{ id: string; revision: number; position: string }> {
    return (await http().post('/api/v1/audit-findings').set(inspector).send(finding(overrides)).expect(201)).body;
  }

  const recommendation = (id: string, no: number) => `/api/v1/audit-findings/${id}/recommendations/${no}`;

  async function read(id: string, position: string, as: Headers = inspector) {
    return (await http().get(`/api/v1/audit-findings/${id}`).set(as).set('X-Min-Position', position).expect(200)).body;
  }

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    database = testApp.app.get(DATABASE);
    admin = bearer(await tokenFor({ roles: ['admin'] }));
    inspector = bearer(await tokenFor({ roles: ['inspector'], name: 'Auditor Inspektorat' }));
    dinkesOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    dinkesHead = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    disdikOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
    employee = bearer(await tokenFor({ roles: ['employee'], nip: '198001012005011001' }));
    for (const code of ['DINKES', 'DISDIK', 'DISPERKIM', 'BAPPEDA']) {
      await http()
        .post('/api/v1/opds')
        .set(admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
    }
  });
  beforeEach(() => clock.setToday('2025-06-30'));
  afterAll(async () => {
    await testApp.close();
  });

  describe('the lifecycle of a finding', () => {
    it('records a finding with numbered recommendations and a due date 60 days after receipt', async () => {
      const response = await http().post('/api/v1/audit-findings').set(inspector).send(finding()).expect(201);
      const { id, revision, position } = response.body;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(revision).toBe(0);
      expect(response.headers.location).toBe(`/api/v1/audit-findings/${id}`);
      clock.setToday('2025-03-10');
      const view = await read(id, position);
      expect(view).toMatchObject({
        id,
        opdCode: 'DINKES',
        reportNumber: 'LHP-01/2025',
        receivedDate: '2025-03-03',
        dueDate: '2025-05-02',
        category: 'NON_COMPLIANCE',
        amountIdr: 10_000_000,
        closed: false,
        overdue: false,
        revision: 0,
      });
      expect(view.recommendations).toEqual([
        expect.objectContaining({
          no: 1,
          amountIdr: 10_000_000,
          amountSettledIdr: 0,
          status: 'BELUM_DITINDAKLANJUTI',
          awaitingAssessment: false,
          overdue: false,
        }),
        expect.objectContaining({ no: 2, amountIdr: null, amountSettledIdr: 0, status: 'BELUM_DITINDAKLANJUTI' }),
      ]);
    });

    it('takes follow-ups from the OPD and assessments from the inspector until every recommendation is final', async () => {
      const { id } = await record();
      const first = await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Setoran sebagian', evidenceUrl: 'https://dinkes.example.go.id/sts-1.pdf', amountSettledIdr: 4_000_000 })
        .expect(201);
      expect(first.body).toMatchObject({ id, revision: 1 });
      expect(first.headers.etag).toBe('"1"');
      let view = await read(id, first.body.position);
      expect(view.recommendations[0]).toMatchObject({ amountSettledIdr: 4_000_000, awaitingAssessment: true, status: 'BELUM_DITINDAKLANJUTI' });
      expect(view.recommendations[0].followUps).toEqual([
        expect.objectContaining({
          description: 'Setoran sebagian',
          evidenceUrl: 'https://dinkes.example.go.id/sts-1.pdf',
          amountSettledIdr: 4_000_000,
          on: '2025-06-30',
        }),
      ]);

      const partial = await http()
        .post(`${recommendation(id, 1)}/assessments`)
        .set(inspector)
        .send({ status: 'BELUM_SESUAI', note: 'Baru 40%' })
        .expect(201);
      view = await read(id, partial.body.position);
      expect(view.recommendations[0]).toMatchObject({ status: 'BELUM_SESUAI', awaitingAssessment: false });

      await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Pelunasan', amountSettledIdr: 6_000_000 })
        .expect(201);
      await http()
        .post(`${recommendation(id, 1)}/assessments`)
        .set(inspector)
        .send({ status: 'SESUAI', note: 'Lunas' })
        .expect(201);
      const last = await http()
        .post(`${recommendation(id, 2)}/assessments`)
        .set(inspector)
        .send({ status: 'TIDAK_DAPAT_DITINDAKLANJUTI', note: 'Bendahara telah pensiun' })
        .expect(201);
      view = await read(id, last.body.position);
      expect(view).toMatchObject({ closed: true, revision: 5 });
      expect(view.recommendations.map((r: { status: string }) => r.status)).toEqual(['SESUAI', 'TIDAK_DAPAT_DITINDAKLANJUTI']);
      expect(view.recommendations[0].assessments.map((a: { status: string }) => a.status)).toEqual(['BELUM_SESUAI', 'SESUAI']);

      const before = await eventCount();
      const refused = await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Lagi' })
        .expect(422);
      expect(refused.body).toMatchObject({ status: 422, code: 'INVALID_TRANSITION' });
      await http()
        .post(`${recommendation(id, 2)}/assessments`)
        .set(inspector)
        .send({ status: 'BELUM_SESUAI', note: 'x' })
        .expect(422);
      expect(await eventCount()).toBe(before);
    });

    it('refuses settlements beyond the recommendation amount with 422 AMOUNT_EXCEEDED', async () => {
      const { id } = await record();
      await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Sebagian', amountSettledIdr: 7_000_000 })
        .expect(201);
      const before = await eventCount();
      const response = await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Terlalu banyak', amountSettledIdr: 3_000_001 })
        .expect(422);
      expect(response.body.code).toBe('AMOUNT_EXCEEDED');
      expect(await eventCount()).toBe(before);
      await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Sisa tepat', amountSettledIdr: 3_000_000 })
        .expect(201);
    });

    it('answers a stale If-Match with 412 and the current revision', async () => {
      const { id } = await record();
      await http()
        .post(`${recommendation(id, 2)}/follow-ups`)
        .set(dinkesOperator)
        .set('If-Match', '"0"')
        .send({ description: 'Teguran tertulis' })
        .expect(201);
      const response = await http()
        .post(`${recommendation(id, 2)}/assessments`)
        .set(inspector)
        .set('If-Match', '"0"')
        .send({ status: 'SESUAI', note: 'ok' })
        .expect(412);
      expect(response.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: 1 });
    });

    it('answers a retried record with the same Idempotency-Key with the first answer', async () => {
      const send = () =>
        http()
          .post('/api/v1/audit-findings')
          .set(inspector)
          .set('Idempotency-Key', 'lhp-07')
          .send(finding({ reportNumber: 'LHP-07/2025' }));
      const first = await send().expect(201);
      const before = await eventCount();
      const retry = await send().expect(201);
      expect(retry.body).toEqual(first.body);
      expect(await eventCount()).toBe(before);
    });

    it('keeps the whole history and a valid hash chain of the finding stream', async () => {
      const { id } = await record();
      await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Setoran' })
        .expect(201);
      const history = await http().get(`/api/v1/history/finding/${id}`).set(dinkesOperator).expect(200);
      expect(history.body.items.map((item: { type: string }) => item.type)).toEqual(['AuditFindingRecorded', 'FollowUpRecorded']);
      expect(history.body.items[0].actor).toMatchObject({ name: 'Auditor Inspektorat', roles: ['inspector'] });
      await http().get(`/api/v1/history/finding/${id}`).set(disdikOperator).expect(403);
      const integrity = await http().get(`/api/v1/integrity/streams/finding/${id}`).set(inspector).expect(200);
      expect(integrity.body).toMatchObject({ valid: true, events: 2 });
    });
  });

  describe('overdue, evaluated on the day it is read', () => {
    it('turns overdue the day after the due date without any new event, and a delay reason excuses it', async () => {
      const { id, position } = await record({ reportNumber: 'LHP-OD/2025' });
      clock.setToday('2025-05-02');
      expect((await read(id, position)).recommendations[0]).toMatchObject({ overdue: false });
      clock.setToday('2025-05-03');
      const late = await read(id, position);
      expect(late).toMatchObject({ dueDate: '2025-05-02', overdue: true, revision: 0 });
      expect(late.recommendations.map((r: { overdue: boolean }) => r.overdue)).toEqual([true, true]);

      const excused = await http()
        .post(`${recommendation(id, 2)}/delay-reasons`)
        .set(dinkesOperator)
        .send({ reasonCategory: 'ILLNESS', note: 'Bendahara sakit' })
        .expect(201);
      const view = await read(id, excused.body.position);
      expect(view.recommendations[1]).toMatchObject({ overdue: false, delayExcused: true, status: 'BELUM_DITINDAKLANJUTI' });
      expect(view.recommendations[0]).toMatchObject({ overdue: true, delayExcused: false });
      expect(view.closed).toBe(false);
    });

    it('is not overdue when a follow-up was recorded on or before the due date', async () => {
      clock.setToday('2025-05-02');
      const { id } = await record({ reportNumber: 'LHP-ONTIME/2025' });
      const { body } = await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Tepat waktu' })
        .expect(201);
      clock.setToday('2026-01-01');
      const view = await read(id, body.position);
      expect(view.recommendations.map((r: { overdue: boolean }) => r.overdue)).toEqual([false, true]);
    });

    it('filters the list by overdue today, by status, by unit and by year', async () => {
      const old = await record({ opdCode: 'BAPPEDA', reportNumber: 'LHP-B1/2024', reportDate: '2024-01-10', receivedDate: '2024-01-10' });
      const recent = await record({ opdCode: 'BAPPEDA', reportNumber: 'LHP-B2/2025', reportDate: '2025-06-20', receivedDate: '2025-06-20' });
      const assessed = await http()
        .post(`${recommendation(recent.id, 2)}/assessments`)
        .set(inspector)
        .send({ status: 'BELUM_SESUAI', note: 'kurang' })
        .expect(201);
      const list = async (query: Record<string, string | number | boolean>) =>
        (
          await http()
            .get('/api/v1/audit-findings')
            .query({ opd: 'BAPPEDA', ...query })
            .set(inspector)
            .set('X-Min-Position', assessed.body.position)
            .expect(200)
        ).body;
      const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

      expect(ids(await list({}))).toEqual([recent.id, old.id]);
      expect(ids(await list({ overdue: true }))).toEqual([old.id]);
      expect(ids(await list({ overdue: false }))).toEqual([recent.id]);
      expect(ids(await list({ year: 2024 }))).toEqual([old.id]);
      expect(ids(await list({ status: 'BELUM_SESUAI' }))).toEqual([recent.id]);
      clock.setToday('2025-08-20');
      expect(ids(await list({ overdue: true }))).toEqual([recent.id, old.id]);
    });

    it('pages through a list with an opaque cursor', async () => {
      const recorded = [];
      for (const day of ['01', '02', '03'])
        recorded.push(await record({ opdCode: 'DISDIK', reportNumber: `LHP-P${day}`, reportDate: `2025-04-${day}`, receivedDate: `2025-04-${day}` }));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string | number> = { opd: 'DISDIK', limit: 2, ...(cursor ? { cursor } : {}) };
        const response = await http().get('/api/v1/audit-findings').query(query).set(inspector).set('X-Min-Position', recorded[2].position).expect(200);
        seen.push(...response.body.items.map((item: { id: string }) => item.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(recorded.map((finding) => finding.id).reverse());
      await http().get('/api/v1/audit-findings').query({ cursor: 'forged' }).set(inspector).expect(400);
    });
  });

  describe('figures per OPD', () => {
    it('counts by status, overdue, follow-up rate and amounts as docs/domain.md defines them', async () => {
      const { id } = await record({
        opdCode: 'DISPERKIM',
        reportNumber: 'LHP-F/2025',
        amountIdr: 12_500_000,
        recommendations: [{ text: 'Setor', amountIdr: 10_000_000 }, { text: 'Setor sisa', amountIdr: 2_500_000 }, { text: 'Perbaiki SOP' }],
      });
      await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISPERKIM' })))
        .send({ description: 'Lunas', amountSettledIdr: 10_000_000 })
        .expect(201);
      await http()
        .post(`${recommendation(id, 1)}/assessments`)
        .set(inspector)
        .send({ status: 'SESUAI', note: 'ok' })
        .expect(201);
      const last = await http()
        .post(`${recommendation(id, 3)}/assessments`)
        .set(inspector)
        .send({ status: 'TIDAK_DAPAT_DITINDAKLANJUTI', note: 'SOP dicabut' })
        .expect(201);

      const response = await http()
        .get('/api/v1/audit-findings/summary')
        .query({ opd: 'DISPERKIM', year: 2025 })
        .set(inspector)
        .set('X-Min-Position', last.body.position)
        .expect(200);
      expect(response.body).toEqual({
        year: 2025,
        items: [
          {
            opdCode: 'DISPERKIM',
            recommendations: 3,
            byStatus: { SESUAI: 1, BELUM_SESUAI: 0, BELUM_DITINDAKLANJUTI: 1, TIDAK_DAPAT_DITINDAKLANJUTI: 1 },
            overdue: 1,
            followUpRate: 33.33,
            amountIdr: { total: 12_500_000, settled: 10_000_000, outstanding: 2_500_000 },
          },
        ],
      });
    });

    it('counts what a later write changes and what a later day makes overdue, once the figures have been read', async () => {
      await http().post('/api/v1/opds').set(admin).send({ code: 'DISHUB', name: 'Unit DISHUB' }).expect(201);
      const { id, position } = await record({ opdCode: 'DISHUB', reportNumber: 'LHP-S/2025', receivedDate: '2025-06-01' });
      const figures = async (after: string) =>
        (await http().get('/api/v1/audit-findings/summary').query({ opd: 'DISHUB', year: 2025 }).set(inspector).set('X-Min-Position', after).expect(200)).body
          .items[0];
      expect(await figures(position)).toMatchObject({ recommendations: 2, byStatus: { SESUAI: 0, BELUM_DITINDAKLANJUTI: 2 }, overdue: 0 });

      const assessed = await http()
        .post(`${recommendation(id, 1)}/assessments`)
        .set(inspector)
        .send({ status: 'SESUAI', note: 'ok' })
        .expect(201);
      expect(await figures(assessed.body.position)).toMatchObject({ byStatus: { SESUAI: 1, BELUM_DITINDAKLANJUTI: 1 }, overdue: 0, followUpRate: 50 });
      clock.setToday('2025-08-15');
      expect(await figures(assessed.body.position)).toMatchObject({ byStatus: { SESUAI: 1, BELUM_DITINDAKLANJUTI: 1 }, overdue: 1 });
    });

    it('answers zeros for a unit without findings, and OPD roles their own unit only', async () => {
      const disdikHead = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DISDIK' }));
      const own = await http().get('/api/v1/audit-findings/summary').query({ year: 2024 }).set(disdikHead).expect(200);
      expect(own.body.items).toEqual([expect.objectContaining({ opdCode: 'DISDIK', recommendations: 0, followUpRate: 0 })]);
      expect((await http().get('/api/v1/audit-findings/summary').query({ opd: 'DINKES' }).set(disdikHead).expect(403)).body.code).toBe('FORBIDDEN');
    });
  });

  describe('asOf', () => {
    it('answers the finding as its events up to that instant left it, judged on that day', async () => {
      clock.setToday('2025-03-05');
      const { id } = await record({ reportNumber: 'LHP-ASOF/2025' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const between = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { body } = await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'Setoran' })
        .expect(201);
      await read(id, body.position);

      const past = await http().get(`/api/v1/audit-findings/${id}`).query({ asOf: between }).set(dinkesHead).expect(200);
      expect(past.body).toMatchObject({ revision: 0 });
      expect(past.body.recommendations[0].followUps).toEqual([]);
      expect(past.headers.etag).toBe('"0"');
      await http().get(`/api/v1/audit-findings/${id}`).query({ asOf: '2000-01-01T00:00:00Z' }).set(inspector).expect(404);
      await http().get(`/api/v1/audit-findings/${id}`).query({ asOf: between }).set(disdikOperator).expect(403);
      await http().get(`/api/v1/audit-findings/${id}`).query({ asOf: 'yesterday' }).set(inspector).expect(400);
    });
  });

  describe('who may do what', () => {
    let id: string;
    let position: string;
    beforeAll(async () => {
      ({ id, position } = await record({ reportNumber: 'LHP-AUTH/2025' }));
    });

    it.each([
      ['the audited unit’s operator', 201, () => dinkesOperator],
      ['the audited unit’s head', 403, () => dinkesHead],
      ['another unit’s operator', 403, () => disdikOperator],
      ['the inspector', 403, () => inspector],
    ])('follow-ups and delay reasons: %s answers %d', async (_who, status, as) => {
      await http()
        .post(`${recommendation(id, 1)}/follow-ups`)
        .set(as())
        .send({ description: 'Tindak lanjut' })
        .expect(status);
      await http()
        .post(`${recommendation(id, 2)}/delay-reasons`)
        .set(as())
        .send({ reasonCategory: 'OTHER', note: 'Menunggu' })
        .expect(status);
    });

    it.each([
      ['the inspector', 201, () => inspector],
      ['the audited unit’s operator', 403, () => dinkesOperator],
      ['the audited unit’s head', 403, () => dinkesHead],
    ])('recording and assessing: %s answers %d', async (_who, status, as) => {
      await http().post('/api/v1/audit-findings').set(as()).send(finding()).expect(status);
      const assessment = await http()
        .post(`${recommendation(id, 2)}/assessments`)
        .set(as())
        .send({ status: 'BELUM_SESUAI', note: 'catatan' });
      expect(assessment.status).toBe(status);
    });

    it.each([
      ['the inspector', 200, () => inspector],
      ['the audited unit’s operator', 200, () => dinkesOperator],
      ['the audited unit’s head', 200, () => dinkesHead],
      ['another unit’s operator', 403, () => disdikOperator],
      ['an employee', 403, () => employee],
      ['an admin', 403, () => admin],
    ])('reading the finding: %s answers %d', async (_who, status, as) => {
      await http().get(`/api/v1/audit-findings/${id}`).set(as()).set('X-Min-Position', position).expect(status);
    });

    it('shows OPD roles their own findings only', async () => {
      const page = await http().get('/api/v1/audit-findings').set(disdikOperator).set('X-Min-Position', position).expect(200);
      expect(page.body.items.every((item: { opdCode: string }) => item.opdCode === 'DISDIK')).toBe(true);
      await http().get('/api/v1/audit-findings').query({ opd: 'DINKES' }).set(disdikOperator).expect(403);
      await http().get('/api/v1/audit-findings').expect(401);
    });
  });

  describe('refusing bad input, writing nothing', () => {
    it.each([
      ['an impossible date', { reportDate: '2025-02-30' }, 'reportDate'],
      ['a date in another format', { receivedDate: '03/03/2025' }, 'receivedDate'],
      ['rupiah with cents', { amountIdr: 1500.5 }, 'amountIdr'],
      ['negative rupiah', { amountIdr: -1 }, 'amountIdr'],
      ['rupiah beyond 10^15', { amountIdr: 1e15 + 1 }, 'amountIdr'],
      ['rupiah as a string', { amountIdr: '1000' }, 'amountIdr'],
      ['an unknown category', { category: 'FRAUD' }, 'category'],
      ['a blank title', { title: '   ' }, 'title'],
      ['no recommendations', { recommendations: [] }, 'recommendations'],
      ['a blank recommendation', { recommendations: [{ text: ' ' }] }, 'recommendations.0.text'],
      ['an unknown field', { severity: 'high' }, 'severity'],
      ['a malformed unit code', { opdCode: 'dinkes' }, 'opdCode'],
    ])('answers 400 for %s', async (_case, overrides, field) => {
      const before = await eventCount();
      const response = await http().post('/api/v1/audit-findings').set(inspector).send(finding(overrides)).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['an unknown unit', { opdCode: 'NOPE' }, 'UNKNOWN_OPD'],
      ['a report received before its date', { receivedDate: '2025-02-28' }, 'RECEIVED_BEFORE_REPORT'],
      ['a report received after today', { receivedDate: '2025-07-01' }, 'DATE_IN_FUTURE'],
    ])('answers 422 for %s', async (_case, overrides, code) => {
      const before = await eventCount();
      expect((await http().post('/api/v1/audit-findings').set(inspector).send(finding(overrides)).expect(422)).body.code).toBe(code);
      expect(await eventCount()).toBe(before);
    });

    it('answers 400 for bad follow-ups, assessments and delay reasons', async () => {
      const { id } = await record();
      const before = await eventCount();
      const cases: Array<[string, Headers, object, string]> = [
        ['follow-ups', dinkesOperator, { description: 'x', amountSettledIdr: -5 }, 'amountSettledIdr'],
        ['follow-ups', dinkesOperator, { description: 'x', evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl'],
        ['follow-ups', dinkesOperator, { description: '' }, 'description'],
        ['assessments', inspector, { status: 'DONE', note: 'x' }, 'status'],
        ['assessments', inspector, { status: 'SESUAI', note: '  ' }, 'note'],
        ['delay-reasons', dinkesOperator, { reasonCategory: 'HOLIDAY', note: 'x' }, 'reasonCategory'],
      ];
      for (const [action, as, body, field] of cases) {
        const response = await http()
          .post(`${recommendation(id, 1)}/${action}`)
          .set(as)
          .send(body)
          .expect(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
      await http()
        .post(`${recommendation(id, 'one' as unknown as number)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'x' })
        .expect(400);
      expect(await eventCount()).toBe(before);
    });

    it('answers 404 for an unknown finding or recommendation', async () => {
      const { id } = await record();
      const before = await eventCount();
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await http().get(`/api/v1/audit-findings/${unknown}`).set(inspector).expect(404)).body.code).toBe('NOT_FOUND');
      await http().get('/api/v1/audit-findings/not-an-id').set(inspector).expect(404);
      await http()
        .post(`${recommendation(unknown, 1)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'x' })
        .expect(404);
      await http()
        .post(`${recommendation(unknown, 1)}/assessments`)
        .set(inspector)
        .send({ status: 'SESUAI', note: 'x' })
        .expect(404);
      await http()
        .post(`${recommendation(id, 3)}/follow-ups`)
        .set(dinkesOperator)
        .send({ description: 'x' })
        .expect(404);
      expect(await eventCount()).toBe(before);
    });
  });
});
