import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { binary, pdfText } from '../support/pdf-text';
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
  ...overrides,
});
const GOALS = [
  { code: 'G1', statement: 'Meningkatnya derajat kesehatan masyarakat', indicators: [indicator('I1', { name: 'Persentase balita gizi baik' })] },
  {
    code: 'G2',
    statement: 'Terkelolanya anggaran kesehatan',
    indicators: [indicator('I2', { name: 'Serapan anggaran', unit: 'Rp', aggregation: 'SUM', annualTarget: 2_500_000_000 })],
  },
];
const SECTIONS = ['summary', 'introduction', 'planning', 'accountability', 'closing'];

describe('LKjIP over HTTP', () => {
  const clock = new TestClock('2025-01-10');
  let testApp: TestApp;
  let database: Database;
  let admin: Headers;
  let inspector: Headers;
  let employee: Headers;
  const as: Record<string, { operator: Headers; head: Headers }> = {};
  const http = () => request(testApp.app.getHttpServer());

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  const plan = (code: string) => `/api/v1/opds/${code}/plans/2025`;
  const report = (code: string) => `/api/v1/opds/${code}/lkjip/2025`;

  /** An approved 2025 plan with a year of realisations; answers the last write. */
  async function reportedPlan(code: string): Promise<{ position: string }> {
    clock.setToday('2025-01-10');
    await http().post(plan(code)).set(as[code].operator).send({ goals: GOALS }).expect(201);
    await http()
      .post(`${plan(code)}/submit`)
      .set(as[code].operator)
      .expect(200);
    await http()
      .post(`${plan(code)}/approve`)
      .set(as[code].head)
      .expect(200);
    clock.setToday('2026-01-10');
    const values = [
      { indicatorCode: 'I1', value: 94.5 },
      { indicatorCode: 'I2', value: 1_234_567_890.5 },
    ];
    return (
      await http()
        .post(`${plan(code)}/realisations/4`)
        .set(as[code].operator)
        .send({ values })
        .expect(201)
    ).body;
  }

  async function writeAllSections(code: string): Promise<void> {
    for (const key of SECTIONS)
      await http()
        .put(`${report(code)}/sections/${key}`)
        .set(as[code].operator)
        .send({ text: `Isi ${key} untuk ${code}` })
        .expect(200);
  }

  async function read(code: string, position: string, headers: Headers = inspector, query = '') {
    return (
      await http()
        .get(`${report(code)}${query}`)
        .set(headers)
        .set('X-Min-Position', position)
        .expect(200)
    ).body;
  }

  async function pdf(path: string, headers: Headers = {}) {
    return http().get(path).set(headers).buffer(true).parse(binary);
  }

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    database = testApp.app.get(DATABASE);
    admin = bearer(await tokenFor({ roles: ['admin'] }));
    inspector = bearer(await tokenFor({ roles: ['inspector'], name: 'Inspektur Pembantu' }));
    employee = bearer(await tokenFor({ roles: ['employee'], nip: '198001012005011001' }));
    for (const code of ['DINKES', 'DISDIK', 'DISHUB', 'DLH', 'BAPPEDA']) {
      as[code] = { operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: code })), head: bearer(await tokenFor({ roles: ['opd_head'], opd: code })) };
      await http()
        .post('/api/v1/opds')
        .set(admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
    }
  });
  afterAll(() => testApp.close());

  describe('the lifecycle of a report', () => {
    it('compiles frozen figures, is written, submitted, returned, recompiled, accepted and published, once', async () => {
      const planWrite = await reportedPlan('DINKES');
      clock.setToday('2026-01-20');
      const compiled = await http().post(report('DINKES')).set(as.DINKES.operator).expect(201);
      expect(compiled.body).toMatchObject({ id: 'DINKES-2025', revision: 0 });
      expect(compiled.headers.location).toBe('/api/v1/opds/DINKES/lkjip/2025');
      const planView = (await http().get(plan('DINKES')).set(inspector).set('X-Min-Position', compiled.body.position).expect(200)).body;
      let view = await read('DINKES', compiled.body.position);
      expect(view).toMatchObject({ status: 'DRAFT', revision: 0, dueDate: '2026-02-28', late: false, differences: [], recompileDue: false, review: null });
      expect(view.figures).toMatchObject({ planVersion: 1, fromPosition: planWrite.position, achievement: planView.achievement, category: planView.category });
      expect(view.figures.indicators.map((figure: { code: string; realisation: number }) => [figure.code, figure.realisation])).toEqual([
        ['I1', 94.5],
        ['I2', 1_234_567_890.5],
      ]);
      expect(view.sections.accountability).toEqual({ title: 'Bab III Akuntabilitas Kinerja', text: '', updatedAt: null });

      await writeAllSections('DINKES');
      await http()
        .post(`${report('DINKES')}/submit`)
        .set(as.DINKES.head)
        .expect(200);
      clock.setToday('2026-02-05');
      await http()
        .post(`${report('DINKES')}/review`)
        .set(inspector)
        .send({ outcome: 'RETURNED', notes: 'CATATAN-INTERNAL: Bab III belum membandingkan dengan Renstra' })
        .expect(200);
      const returnedAt = new Date().toISOString();
      await http()
        .put(`${report('DINKES')}/sections/accountability`)
        .set(as.DINKES.operator)
        .send({ text: 'Bab III dengan perbandingan Renstra' })
        .expect(200);
      await http()
        .post(`${report('DINKES')}/recompile`)
        .set(as.DINKES.operator)
        .expect(200);
      await http()
        .post(`${report('DINKES')}/submit`)
        .set(as.DINKES.head)
        .set('If-Match', '"9"')
        .expect(200);
      clock.setToday('2026-02-10');
      await http()
        .post(`${report('DINKES')}/review`)
        .set(inspector)
        .send({ outcome: 'ACCEPTED' })
        .expect(200);
      const published = await http()
        .post(`${report('DINKES')}/publish`)
        .set(as.DINKES.head)
        .expect(200);
      expect(published.body).toMatchObject({ id: 'DINKES-2025', revision: 12 });

      view = await read('DINKES', published.body.position, employee);
      expect(view).toMatchObject({ status: 'PUBLISHED', publishedOn: '2026-02-10', late: false, review: { outcome: 'ACCEPTED', notes: '', on: '2026-02-10' } });
      expect(view.submissions.map((submission: { on: string }) => submission.on)).toEqual(['2026-01-20', '2026-02-05']);
      expect(view.recompilations).toHaveLength(1);
      expect(view.reviews.map((review: { outcome: string }) => review.outcome)).toEqual(['RETURNED', 'ACCEPTED']);

      const before = await eventCount();
      const again = await http()
        .post(`${report('DINKES')}/publish`)
        .set(as.DINKES.head)
        .expect(422);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      await http()
        .put(`${report('DINKES')}/sections/summary`)
        .set(as.DINKES.operator)
        .send({ text: 'Terlambat' })
        .expect(422);
      await http().post(report('DINKES')).set(as.DINKES.operator).expect(409);
      expect(await eventCount()).toBe(before);

      const past = await read('DINKES', published.body.position, as.DINKES.operator, `?asOf=${encodeURIComponent(returnedAt)}`);
      expect(past).toMatchObject({
        status: 'RETURNED',
        revision: 7,
        review: { outcome: 'RETURNED', notes: 'CATATAN-INTERNAL: Bab III belum membandingkan dengan Renstra' },
      });

      const history = (await http().get('/api/v1/history/lkjip/DINKES-2025').set(as.DINKES.head).expect(200)).body;
      expect(history.items.map((item: { type: string }) => item.type)).toEqual([
        'LkjipCompiled',
        ...SECTIONS.map(() => 'LkjipSectionWritten'),
        'LkjipSubmitted',
        'LkjipReviewed',
        'LkjipSectionWritten',
        'LkjipRecompiled',
        'LkjipSubmitted',
        'LkjipReviewed',
        'LkjipPublished',
      ]);
      expect((await http().get('/api/v1/integrity/streams/lkjip/DINKES-2025').set(inspector).expect(200)).body).toEqual({ valid: true, events: 13 });
    });
  });

  describe('figures frozen at compile time', () => {
    it('stay as compiled after a correction, show how they differ, and move only with a recompile', async () => {
      await reportedPlan('DISDIK');
      clock.setToday('2026-01-15');
      const compiled = await http().post(report('DISDIK')).set(as.DISDIK.operator).expect(201);
      const frozen = (await read('DISDIK', compiled.body.position)).figures;
      const corrected = await http()
        .post(`${plan('DISDIK')}/realisations/4/corrections`)
        .set(as.DISDIK.operator)
        .send({ values: [{ indicatorCode: 'I1', value: 72 }], reason: 'Salah hitung' })
        .expect(201);

      let view = await read('DISDIK', corrected.body.position);
      expect(view.figures).toEqual(frozen);
      expect(view.recompileDue).toBe(true);
      expect(view.differences).toEqual([
        {
          code: 'I1',
          goalCode: 'G1',
          compiled: { target: 90, realisation: 94.5, achievement: 105 },
          current: { target: 90, realisation: 72, achievement: 80 },
        },
      ]);

      const recompiled = await http()
        .post(`${report('DISDIK')}/recompile`)
        .set(as.DISDIK.operator)
        .expect(200);
      view = await read('DISDIK', recompiled.body.position);
      expect(view).toMatchObject({ differences: [], recompileDue: false, compiledFrom: { fromPosition: frozen.fromPosition } });
      expect(view.figures).toMatchObject({
        fromPosition: corrected.body.position,
        indicators: [expect.objectContaining({ code: 'I1', realisation: 72, achievement: 80 }), expect.anything()],
      });
      expect(view.recompilations).toEqual([expect.objectContaining({ planVersion: 1, fromPosition: corrected.body.position })]);
    });
  });

  describe('the late flag', () => {
    it('is raised the day after LKJIP_DUE for a report not submitted, and kept by a late submission', async () => {
      await reportedPlan('DISHUB');
      clock.setToday('2026-02-20');
      const compiled = await http().post(report('DISHUB')).set(as.DISHUB.operator).expect(201);
      clock.setToday('2026-02-28');
      expect(await read('DISHUB', compiled.body.position)).toMatchObject({ dueDate: '2026-02-28', late: false });
      clock.setToday('2026-03-01');
      expect((await read('DISHUB', compiled.body.position)).late).toBe(true);
      await writeAllSections('DISHUB');
      const submitted = await http()
        .post(`${report('DISHUB')}/submit`)
        .set(as.DISHUB.head)
        .expect(200);
      clock.setToday('2026-06-01');
      expect(await read('DISHUB', submitted.body.position)).toMatchObject({ status: 'SUBMITTED', late: true, submissions: [{ on: '2026-03-01' }] });
    });

    it('stays down for a report submitted on time, read long after', async () => {
      // DINKES was submitted on 2026-01-20 in the lifecycle above.
      clock.setToday('2026-12-31');
      expect((await http().get(report('DINKES')).set(inspector).expect(200)).body.late).toBe(false);
    });
  });

  describe('who may do what', () => {
    const forbidden: Array<[string, 'post' | 'put', string, (code: string) => Headers, object?]> = [
      ['compile as the head', 'post', '', (code) => as[code].head, undefined],
      ['compile for another unit', 'post', '', () => as.DINKES.operator, undefined],
      ['compile as the inspectorate', 'post', '', () => inspector, undefined],
      ['recompile as the head', 'post', '/recompile', (code) => as[code].head, undefined],
      ['write a section for another unit', 'put', '/sections/summary', () => as.DISDIK.operator, { text: 'x' }],
      ['write a section as an employee', 'put', '/sections/summary', () => employee, { text: 'x' }],
      ['submit as the operator', 'post', '/submit', (code) => as[code].operator, undefined],
      ['submit for another unit', 'post', '/submit', () => as.DINKES.head, undefined],
      ['review as the unit', 'post', '/review', (code) => as[code].head, { outcome: 'ACCEPTED' }],
      ['review as an admin', 'post', '/review', () => admin, { outcome: 'ACCEPTED' }],
      ['publish as the operator', 'post', '/publish', (code) => as[code].operator, undefined],
      ['publish as the inspectorate', 'post', '/publish', () => inspector, undefined],
    ];

    it.each(forbidden)('refuses to %s (403), writing nothing', async (_case, method, suffix, who, body) => {
      const before = await eventCount();
      const response = await http()
        [method](`${report('DLH')}${suffix}`)
        .set(who('DLH'))
        .send(body);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(await eventCount()).toBe(before);
    });

    it('answers 401 without a token, and lets anyone signed in read, but only the unit and the inspectorate go back in time', async () => {
      await http().get(report('DINKES')).expect(401);
      await http()
        .get(`${report('DINKES')}.pdf`)
        .expect(401);
      await http().post(report('DLH')).expect(401);
      await http().get(report('DINKES')).set(employee).expect(200);
      await http().get(report('DINKES')).set(as.DISDIK.operator).expect(200);
      const asOf = `?asOf=${encodeURIComponent(new Date().toISOString())}`;
      await http()
        .get(`${report('DINKES')}${asOf}`)
        .set(as.DISDIK.head)
        .expect(403);
      await http()
        .get(`${report('DINKES')}${asOf}`)
        .set(employee)
        .expect(403);
      await http()
        .get(`${report('DINKES')}${asOf}`)
        .set(inspector)
        .expect(200);
    });
  });

  describe('what is refused, writing nothing', () => {
    it('refuses bad input and wrong states with the documented status', async () => {
      clock.setToday('2026-01-20');
      const before = await eventCount();
      const refused = async (status: number, code: string, method: 'post' | 'put' | 'get', path: string, who: Headers, body?: object) => {
        const response = await http()[method](path).set(who).send(body);
        expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status, code });
        return response.body;
      };
      // No approved plan for BAPPEDA, no report for DLH.
      await refused(422, 'PLAN_NOT_APPROVED', 'post', report('BAPPEDA'), as.BAPPEDA.operator);
      await refused(422, 'UNKNOWN_OPD', 'post', report('NOPE'), bearer(await tokenFor({ roles: ['opd_operator'], opd: 'NOPE' })));
      await refused(404, 'NOT_FOUND', 'post', `${report('DLH')}/submit`, as.DLH.head);
      await refused(404, 'NOT_FOUND', 'get', report('DLH'), inspector);
      await refused(400, 'VALIDATION_FAILED', 'post', '/api/v1/opds/DLH/lkjip/twenty', as.DLH.operator);
      await refused(400, 'VALIDATION_FAILED', 'get', '/api/v1/opds/dlh/lkjip/2025', inspector);
      const unknownKey = await refused(400, 'VALIDATION_FAILED', 'put', `${report('DISHUB')}/sections/bab5`, as.DISHUB.operator, { text: 'x' });
      expect(unknownKey.errors).toEqual([{ field: 'key', message: expect.stringContaining('summary, introduction') }]);
      await refused(400, 'VALIDATION_FAILED', 'put', `${report('DISDIK')}/sections/summary`, as.DISDIK.operator, { text: '  \n ' });
      await refused(400, 'VALIDATION_FAILED', 'put', `${report('DISDIK')}/sections/summary`, as.DISDIK.operator, { text: 'x', extra: 1 });
      await refused(400, 'VALIDATION_FAILED', 'put', `${report('DISDIK')}/sections/summary`, as.DISDIK.operator, { text: 'x'.repeat(100_001) });
      // DISDIK is a DRAFT: nothing to review; its sections are written but it was never submitted.
      await refused(422, 'INVALID_TRANSITION', 'post', `${report('DISDIK')}/review`, inspector, { outcome: 'ACCEPTED' });
      await refused(422, 'SECTIONS_INCOMPLETE', 'post', `${report('DISDIK')}/submit`, as.DISDIK.head);
      await refused(422, 'INVALID_TRANSITION', 'post', `${report('DISDIK')}/publish`, as.DISDIK.head);
      await refused(400, 'VALIDATION_FAILED', 'post', `${report('DISHUB')}/review`, inspector, { outcome: 'MAYBE' });
      await refused(400, 'VALIDATION_FAILED', 'post', `${report('DISHUB')}/review`, inspector, { outcome: 'RETURNED', notes: '   ' });
      await refused(400, 'VALIDATION_FAILED', 'post', `${report('DISHUB')}/review`, inspector, { outcome: 'RETURNED' });
      await refused(412, 'REVISION_MISMATCH', 'post', `${report('DISHUB')}/review`, { ...inspector, 'If-Match': '"3"' }, { outcome: 'ACCEPTED' });
      expect(await eventCount()).toBe(before);
    });
  });

  describe('the printed report', () => {
    it('renders the indicator table, Indonesian numbers and the footer hash that the log holds', async () => {
      const response = await pdf(`${report('DINKES')}.pdf`, employee);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers.etag).toBe('"12"');
      const text = await pdfText(response.body);
      const history = (await http().get('/api/v1/history/lkjip/DINKES-2025').set(inspector).expect(200)).body;
      const last = history.items.at(-1);
      expect(text).toContain(`Hash ${last.hash}`);
      expect(text).toContain(`Posisi log ${last.position}`);
      for (const printed of [
        'LAPORAN KINERJA INSTANSI PEMERINTAH',
        'IKHTISAR EKSEKUTIF',
        'BAB III AKUNTABILITAS KINERJA',
        'BAB IV PENUTUP',
        'Tabel Capaian Kinerja',
        'I1 Persentase balita gizi baik',
        '94,5',
        '2.500.000.000',
        '1.234.567.890,5',
        'Sangat Tinggi',
        'PERNYATAAN TELAH DIREVIU',
        'dinyatakan diterima pada 10 Februari 2026',
      ]) {
        expect(text).toContain(printed);
      }
    });

    it('is public once published, without the review notes, and never as a draft', async () => {
      const published = await pdf('/public/v1/opds/DINKES/lkjip/2025.pdf');
      expect(published.status).toBe(200);
      const text = await pdfText(published.body);
      expect(text).toContain('Tabel Capaian Kinerja');
      // The cover of a real report: the region, the unit by name, the same word as the portal, a code short enough to read.
      for (const printed of ['PEMERINTAH KABUPATEN CONTOH', 'UNIT DINKES', '(DINKES)', 'TAHUN 2025', 'Diterbitkan ', 'Kode verifikasi '])
        expect(text).toContain(printed);
      expect(text).toMatch(/Kode verifikasi [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\b/);
      // Labels, never codes, wherever a person reads.
      expect(text).toContain('Skala kategori Permendagri No. 86 Tahun 2017');
      expect(text).not.toMatch(/PERMENDAGRI_86_2017|Dipublikasikan|Perangkat Daerah DINKES/);
      expect(text).not.toContain('CATATAN-INTERNAL');
      expect(text).not.toContain('Inspektur Pembantu');
      for (const hidden of ['/public/v1/opds/DISDIK/lkjip/2025.pdf', '/public/v1/opds/DLH/lkjip/2025.pdf']) {
        const response = await http().get(hidden);
        expect({ hidden, status: response.status, type: response.headers['content-type'] }).toEqual({
          hidden,
          status: 404,
          type: expect.stringMatching(/^application\/problem\+json/),
        });
      }
      await http().get('/public/v1/opds/dinkes/lkjip/2025.pdf').expect(400);
    });

    it('prints text the standard fonts cannot draw without failing', async () => {
      await http()
        .put(`${report('DISDIK')}/sections/closing`)
        .set(as.DISDIK.operator)
        .send({ text: 'Penutup 😀 中文 ‘kutipan’ — é' })
        .expect(200);
      const response = await pdf(`${report('DISDIK')}.pdf`, inspector);
      expect(response.status).toBe(200);
      expect(await pdfText(response.body)).toContain('BAB IV PENUTUP');
      expect((await pdf(`${report('DLH')}.pdf`, inspector)).status).toBe(404);
    });
  });
});
