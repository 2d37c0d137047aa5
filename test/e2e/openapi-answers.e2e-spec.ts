import request from 'supertest';
import { answerSchema, OpenApiDocument, shapeMismatches } from '../support/openapi-shape';
import { binary } from '../support/pdf-text';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

/**
 * Every endpoint, called as a client would, answers a status the OpenAPI document lists for it,
 * with exactly the keys its documented schema has. A new endpoint fails the last test until it
 * is called here; an answer that grows a key its DTO lacks fails at once.
 */
describe('answers match the OpenAPI document', () => {
  const clock = new TestClock('2025-05-02');
  let testApp: TestApp;
  let document: OpenApiDocument;
  const exercised = new Set<string>();
  const http = () => request(testApp.app.getHttpServer());
  const as: Record<string, Headers> = {};

  async function call(method: 'get' | 'post' | 'put' | 'patch', template: string, path: string, headers: Headers, body?: object) {
    const response = await http()[method](path).set(headers).send(body);
    expect({ call: `${method} ${path}`, status: response.status }).toEqual({ call: `${method} ${path}`, status: expect.any(Number) });
    expect(response.status).toBeLessThan(300);
    const schema = answerSchema(document, method, template, response.status);
    expect(typeof schema === 'string' ? schema : shapeMismatches(document, schema, response.body)).toEqual(typeof schema === 'string' ? 'documented' : []);
    exercised.add(`${method} ${template}`);
    return response.body;
  }

  /** A GET that answers a PDF: documented as one, and a PDF indeed. */
  async function callPdf(template: string, path: string, headers: Headers) {
    const response = await http().get(path).set(headers).buffer(true).parse(binary);
    expect({ call: `get ${path}`, status: response.status, type: response.headers['content-type'] }).toEqual({
      call: `get ${path}`,
      status: 200,
      type: 'application/pdf',
    });
    expect(answerSchema(document, 'get', template, 200, 'application/pdf')).toEqual({ type: 'string', format: 'binary' });
    expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    exercised.add(`get ${template}`);
  }

  /**
   * A GET that answers text of another media type (Atom, Server-Sent Events): documented as that
   * type, and answered as it. `read` gets the body (an event stream is read until its first event).
   */
  async function callText(template: string, path: string, mediaType: string, read: (response: Response) => Promise<string>) {
    const response = await fetch(`${await testApp.app.getUrl()}${path}`);
    expect({ call: `get ${path}`, status: response.status, type: response.headers.get('content-type') }).toEqual({
      call: `get ${path}`,
      status: 200,
      type: `${mediaType}; charset=utf-8`,
    });
    expect(answerSchema(document, 'get', template, 200, mediaType)).toEqual({ type: 'string' });
    exercised.add(`get ${template}`);
    return read(response);
  }

  beforeAll(async () => {
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_EVENTS: '1' }, { clock });
    await testApp.app.listen(0, '127.0.0.1');
    document = (await http().get('/docs-json').expect(200)).body;
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    as.operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    as.head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
  });
  afterAll(() => testApp.close());

  it('OPD registry', async () => {
    await call('post', '/api/v1/opds', '/api/v1/opds', as.admin, { code: 'DINKES', name: 'Dinas Kesehatan' });
    await call('post', '/api/v1/opds', '/api/v1/opds', as.admin, { code: 'DISDIK', name: 'Dinas Pendidikan' });
    await call('patch', '/api/v1/opds/{code}', '/api/v1/opds/DINKES', as.admin, { name: 'Dinas Kesehatan Kabupaten', reason: 'Perbup 3/2025' });
    const written = await call('post', '/api/v1/opds/{code}/dissolve', '/api/v1/opds/DISDIK/dissolve', as.admin, { reason: 'Digabung' });
    await call('get', '/api/v1/opds', '/api/v1/opds', { ...as.inspector, 'X-Min-Position': written.position });
    await call('get', '/api/v1/opds/{code}', '/api/v1/opds/DINKES', as.inspector);
  });

  it('performance plans', async () => {
    const plan = '/api/v1/opds/DINKES/plans/2025';
    const goals = [
      {
        code: 'G1',
        statement: 'Sehat',
        indicators: [{ code: 'I1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 }],
      },
    ];
    await call('post', '/api/v1/opds/{code}/plans/{year}', plan, as.operator, { goals });
    await call('put', '/api/v1/opds/{code}/plans/{year}', plan, as.operator, { goals });
    await call('post', '/api/v1/opds/{code}/plans/{year}/submit', `${plan}/submit`, as.operator);
    await call('post', '/api/v1/opds/{code}/plans/{year}/return', `${plan}/return`, as.head, { reason: 'Target terlalu rendah' });
    await call('post', '/api/v1/opds/{code}/plans/{year}/submit', `${plan}/submit`, as.operator);
    await call('post', '/api/v1/opds/{code}/plans/{year}/approve', `${plan}/approve`, as.head);
    const values = [{ indicatorCode: 'I1', value: 40 }];
    await call('post', '/api/v1/opds/{code}/plans/{year}/realisations/{quarter}', `${plan}/realisations/1`, as.operator, { values });
    await call('post', '/api/v1/opds/{code}/plans/{year}/realisations/{quarter}/corrections', `${plan}/realisations/1/corrections`, as.operator, {
      values,
      reason: 'Salah ketik',
    });
    const written = await call('post', '/api/v1/opds/{code}/plans/{year}/revisions', `${plan}/revisions`, as.operator, {
      reasonCategory: 'STRATEGY_CHANGED',
      reason: 'Refocusing',
      goals,
    });
    await call('get', '/api/v1/opds/{code}/plans', '/api/v1/opds/DINKES/plans', { ...as.inspector, 'X-Min-Position': written.position });
    await call('get', '/api/v1/opds/{code}/plans/{year}', plan, as.inspector);
  });

  it('plan import', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const templatePath = '/api/v1/opds/{code}/plans/import-template.xlsx';
    const template = await http().get('/api/v1/opds/DINKES/plans/import-template.xlsx').set(as.operator).buffer(true).parse(binary);
    expect({ status: template.status, type: template.headers['content-type'] }).toEqual({ status: 200, type: xlsx });
    expect(answerSchema(document, 'get', templatePath, 200, xlsx)).toEqual({ type: 'string', format: 'binary' });
    exercised.add(`get ${templatePath}`);
    const importPath = '/api/v1/opds/{code}/plans/{year}/import';
    const imported = await http()
      .post('/api/v1/opds/DINKES/plans/2026/import')
      .set(as.operator)
      .attach('file', template.body as Buffer, { filename: 'rencana.xlsx', contentType: xlsx });
    expect(imported.status).toBe(201);
    const schema = answerSchema(document, 'post', importPath, 201);
    expect(typeof schema === 'string' ? schema : shapeMismatches(document, schema, imported.body)).toEqual([]);
    exercised.add(`post ${importPath}`);
  });

  it('SKP', async () => {
    const employee = '198001012005011001';
    const appraiser = '197502022000031002';
    const skp = `/api/v1/skp/${employee}/2025`;
    const template = '/api/v1/skp/{nip}/{year}';
    const mine = bearer(await tokenFor({ roles: ['employee'], nip: employee }));
    const theirs = bearer(await tokenFor({ roles: ['appraiser'], nip: appraiser }));
    const results = [
      {
        code: 'R1',
        statement: 'Cakupan imunisasi',
        cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year: 2025, indicatorCode: 'I1' },
        indicators: [{ code: 'K1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
      },
    ];
    await call('post', template, skp, mine, { name: 'Siti Aminah', position: 'Analis', opdCode: 'DINKES', appraiserNip: appraiser, results });
    await call('put', template, skp, mine, { results });
    await call('post', `${template}/submit`, `${skp}/submit`, mine);
    await call('post', `${template}/return`, `${skp}/return`, theirs, { reason: 'Belum terukur' });
    await call('post', `${template}/submit`, `${skp}/submit`, mine);
    await call('post', `${template}/agree`, `${skp}/agree`, theirs);
    await call('post', `${template}/realisations/{period}`, `${skp}/realisations/Q1`, mine, { values: [{ indicatorCode: 'K1', value: 40, note: 'Posyandu' }] });
    const written = await call('post', `${template}/evaluations/{period}`, `${skp}/evaluations/Q1`, theirs, {
      resultRating: 'AS_EXPECTED',
      behaviourRating: 'ABOVE_EXPECTATION',
      behaviourNotes: { KOLABORATIF: 'Aktif' },
    });
    expect(written.predikat).toBe('BAIK');
    const fresh = (headers: Headers) => ({ ...headers, 'X-Min-Position': written.position });
    await call('get', template, skp, fresh(as.inspector));
    await call('get', '/api/v1/skp', '/api/v1/skp?pending=true', fresh(theirs));
    await call('get', '/api/v1/opds/{code}/skp', '/api/v1/opds/DINKES/skp?year=2025', fresh(as.head));
    const tree = await call(
      'get',
      '/api/v1/opds/{code}/plans/{year}/indicators/{indicatorCode}/skp',
      '/api/v1/opds/DINKES/plans/2025/indicators/I1/skp',
      fresh(as.operator),
    );
    expect(tree.items).toHaveLength(1);
  });

  it('LKjIP', async () => {
    const lkjip = '/api/v1/opds/DINKES/lkjip/2025';
    await call('post', '/api/v1/opds/{code}/lkjip/{year}', lkjip, as.operator);
    await call('post', '/api/v1/opds/{code}/lkjip/{year}/recompile', `${lkjip}/recompile`, as.operator);
    for (const key of ['summary', 'introduction', 'planning', 'accountability', 'closing']) {
      await call('put', '/api/v1/opds/{code}/lkjip/{year}/sections/{key}', `${lkjip}/sections/${key}`, as.operator, { text: `Isi ${key}` });
    }
    await call('post', '/api/v1/opds/{code}/lkjip/{year}/submit', `${lkjip}/submit`, as.head);
    await call('post', '/api/v1/opds/{code}/lkjip/{year}/review', `${lkjip}/review`, as.inspector, { outcome: 'RETURNED', notes: 'Lengkapi Bab III' });
    await call('post', '/api/v1/opds/{code}/lkjip/{year}/submit', `${lkjip}/submit`, as.head);
    await call('post', '/api/v1/opds/{code}/lkjip/{year}/review', `${lkjip}/review`, as.inspector, { outcome: 'ACCEPTED' });
    const written = await call('post', '/api/v1/opds/{code}/lkjip/{year}/publish', `${lkjip}/publish`, as.head);
    await call('get', '/api/v1/opds/{code}/lkjip/{year}', lkjip, { ...as.inspector, 'X-Min-Position': written.position });
    await call('get', '/api/v1/opds/{code}/lkjip/{year}', `${lkjip}?asOf=${encodeURIComponent(new Date().toISOString())}`, as.head);
    await callPdf('/api/v1/opds/{code}/lkjip/{year}.pdf', `${lkjip}.pdf`, as.inspector);
    await callPdf('/public/v1/opds/{code}/lkjip/{year}.pdf', '/public/v1/opds/DINKES/lkjip/2025.pdf', {});
  });

  it('audit findings', async () => {
    const finding = {
      opdCode: 'DINKES',
      reportNumber: 'LHP-01/2025',
      reportDate: '2025-03-01',
      title: 'Kelebihan bayar',
      condition: 'c',
      criteria: 'k',
      cause: 's',
      effect: 'a',
      category: 'NON_COMPLIANCE',
      recommendations: [{ text: 'Setor', amountIdr: 1_000_000 }, { text: 'Tegur' }],
    };
    const { id } = await call('post', '/api/v1/audit-findings', '/api/v1/audit-findings', as.inspector, finding);
    const recommendation = (no: number, what: string) =>
      [`/api/v1/audit-findings/{id}/recommendations/{no}/${what}`, `/api/v1/audit-findings/${id}/recommendations/${no}/${what}`] as const;
    await call('post', ...recommendation(1, 'follow-ups'), as.operator, { description: 'Disetor', amountSettledIdr: 1_000_000 });
    await call('post', ...recommendation(2, 'delay-reasons'), as.operator, { reasonCategory: 'ILLNESS', note: 'Bendahara sakit' });
    const written = await call('post', ...recommendation(1, 'assessments'), as.inspector, { status: 'SESUAI', note: 'Bukti setor lengkap' });
    const fresh = { ...as.inspector, 'X-Min-Position': written.position };
    await call('get', '/api/v1/audit-findings', '/api/v1/audit-findings', fresh);
    await call('get', '/api/v1/audit-findings/summary', '/api/v1/audit-findings/summary?year=2025', fresh);
    await call('get', '/api/v1/audit-findings/{id}', `/api/v1/audit-findings/${id}`, fresh);
  });

  it('dashboards', async () => {
    await call('get', '/api/v1/dashboards/opds/{code}/{year}', '/api/v1/dashboards/opds/DINKES/2025', as.admin);
    const regency = await call('get', '/api/v1/dashboards/regency/{year}', '/api/v1/dashboards/regency/2025', as.operator);
    expect(regency.items.length).toBeGreaterThan(0);
    await call('get', '/public/v1/opds/{code}/{year}', '/public/v1/opds/DINKES/2025', {});
    await call('get', '/public/v1/regency/{year}', '/public/v1/regency/2025', {});
    expect((await call('get', '/public/v1/opds', '/public/v1/opds', {})).items.map((unit: { code: string }) => unit.code)).toEqual(['DINKES', 'DISDIK']);
    const plan = await call('get', '/public/v1/opds/{code}/plans/{year}', '/public/v1/opds/DINKES/plans/2025', {});
    expect(plan.versions).toHaveLength(1);
    const flags = await call('get', '/api/v1/dashboards/red-flags', '/api/v1/dashboards/red-flags?year=2025', as.inspector);
    expect(flags.items.length).toBeGreaterThan(0);
  });

  it('public CSV downloads', async () => {
    for (const [template, path] of [
      ['/public/v1/regency/{year}.csv', '/public/v1/regency/2025.csv'],
      ['/public/v1/opds/{code}/{year}.csv', '/public/v1/opds/DINKES/2025.csv'],
    ]) {
      const response = await http().get(path).buffer(true).parse(binary);
      expect({ call: `get ${path}`, status: response.status, type: response.headers['content-type'] }).toEqual({
        call: `get ${path}`,
        status: 200,
        type: 'text/csv; charset=utf-8',
      });
      expect(answerSchema(document, 'get', template, 200, 'text/csv')).toEqual({ type: 'string' });
      expect((response.body as Buffer).toString('utf8')).toContain('Kode OPD;Tahun');
      exercised.add(`get ${template}`);
    }
  });

  it('public feed', async () => {
    const page = await call('get', '/public/v1/feed', '/public/v1/feed?limit=2', {});
    expect(page.items).toHaveLength(2);
    const atom = await callText('/public/v1/feed.atom', '/public/v1/feed.atom', 'application/atom+xml', (response) => response.text());
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const live = await callText('/public/v1/feed/live', `/public/v1/feed/live?after=${page.items[0].position}`, 'text/event-stream', async (response) => {
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('event: item')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      return text;
    });
    expect(live).toContain(`id: ${page.items[1].position}`);
  });

  it('personal data', async () => {
    // A NIP named by a draft the unit refused has a subject and no SKP to retain: it may be erased.
    const nip = '199203042015031004';
    const employee = bearer(await tokenFor({ roles: ['employee'], nip }));
    const results = [
      {
        code: 'R1',
        statement: 'Cakupan',
        cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'NOPE', year: 2025, indicatorCode: 'I1' },
        indicators: [{ code: 'K1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
      },
    ];
    const draft = { name: 'Dewi', position: 'Analis', opdCode: 'NOPE', appraiserNip: '197502022000031002', results };
    await http().post(`/api/v1/skp/${nip}/2025`).set(employee).send(draft).expect(422);
    const dpo = bearer(await tokenFor({ roles: ['dpo'] }));
    await call('post', '/api/v1/personal-data/erasures', '/api/v1/personal-data/erasures', dpo, {
      subject: { nip },
      legalBasis: 'UU 27/2022 Pasal 8',
      reason: 'Permintaan subjek data',
    });
    await call('get', '/api/v1/personal-data/erasures', '/api/v1/personal-data/erasures', dpo);
  });

  it('Zona Integritas', async () => {
    const unit = '/api/v1/zi/DINKES.PKM-1/2025';
    const template = await call('get', '/api/v1/zi/templates/current', '/api/v1/zi/templates/current', as.operator);
    const best: Record<string, unknown> = { YA_TIDAK: 'YA', ABC: 'A', ABCD: 'A', ABCDE: 'A', PERCENT: { numerator: 1, denominator: 1 }, SURVEY: 4 };
    const answers = template.items.map((item: { code: string; answerType: string }) => ({
      itemCode: item.code,
      value: best[item.answerType],
      note: 'Bukti lengkap',
    }));
    const declaration = { target: 'WBK', declaredOn: '2025-01-20', documentUrl: 'https://dinkes.example.go.id/piagam.pdf', documentSha256: 'c'.repeat(64) };
    await call('post', '/api/v1/zi/{unit}/{year}', unit, as.head, { ...declaration, team: [{ position: 'Kepala Puskesmas', duty: 'Ketua' }] });
    const activities = [{ code: 'MP-1', area: 'MANAJEMEN_PERUBAHAN', description: 'Sosialisasi', output: 'Notulen', dueDate: '2025-03-31' }];
    await call('put', '/api/v1/zi/{unit}/{year}/action-plan', `${unit}/action-plan`, as.operator, { activities });
    const progress = {
      date: '2025-02-01',
      status: 'DONE',
      evidence: [{ url: 'https://dinkes.example.go.id/notulen.pdf', sha256: 'd'.repeat(64) }],
      note: 'Selesai',
    };
    await call('post', '/api/v1/zi/{unit}/{year}/action-plan/{activityCode}/progress', `${unit}/action-plan/MP-1/progress`, as.operator, progress);
    await call('put', '/api/v1/zi/{unit}/{year}/lke/answers', `${unit}/lke/answers`, as.operator, { answers });
    await call('post', '/api/v1/zi/{unit}/{year}/submit', `${unit}/submit`, as.head);
    await call('post', '/api/v1/zi/{unit}/{year}/tpi/return', `${unit}/tpi/return`, as.inspector, { notes: 'Lengkapi bukti' });
    await call('post', '/api/v1/zi/{unit}/{year}/submit', `${unit}/submit`, as.head);
    await call('put', '/api/v1/zi/{unit}/{year}/tpi/answers', `${unit}/tpi/answers`, as.inspector, { answers });
    await call('post', '/api/v1/zi/{unit}/{year}/tpi/evaluate', `${unit}/tpi/evaluate`, as.inspector);
    await call('put', '/api/v1/zi/prerequisites/{year}', '/api/v1/zi/prerequisites/2025', as.admin, {
      bpkOpinion: 'WTP',
      sakipGrade: 'A',
      indeksRbGrade: 'BB',
    });
    await call('post', '/api/v1/zi/{unit}/{year}/propose', `${unit}/propose`, as.admin);
    await call('post', '/api/v1/zi/{unit}/{year}/outcome', `${unit}/outcome`, as.admin, {
      outcome: 'AWARDED',
      predikat: 'WBK',
      decreeNumber: 'SK-1',
      decreeDate: '2025-12-01',
    });
    const written = await call('post', '/api/v1/zi/{unit}/{year}/revoke', `${unit}/revoke`, as.admin, { reason: 'Pelanggaran integritas' });
    await call('get', '/api/v1/zi/{unit}/{year}', unit, { ...as.inspector, 'X-Min-Position': written.position });
    await call('get', '/api/v1/zi/{unit}/{year}', `${unit}?asOf=${encodeURIComponent(new Date().toISOString())}`, as.head);
    await call('get', '/api/v1/zi/{unit}/{year}/lke', `${unit}/lke`, as.operator);
    await call('get', '/api/v1/zi', '/api/v1/zi?year=2025', as.admin);
    await call('get', '/public/v1/zi', '/public/v1/zi?year=2025', {});
  });

  it('surveys, gratification and participation', async () => {
    const survey = '/api/v1/opds/DINKES/surveys';
    const opened = await call('post', '/api/v1/opds/{code}/surveys', survey, as.operator, {
      kind: 'SKM',
      service: 'Rawat jalan',
      year: 2025,
      quarter: 1,
      population: 100,
    });
    const code = opened.surveyCode as string;
    await call('get', '/public/v1/surveys/{surveyCode}', `/public/v1/surveys/${code}`, { 'X-Min-Position': opened.position });
    const answers = Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((unsur) => [unsur, 3]));
    await call('post', '/public/v1/surveys/{surveyCode}/responses', `/public/v1/surveys/${code}/responses`, {}, { answers });
    const closed = await call('post', '/api/v1/opds/{code}/surveys/{surveyCode}/close', `${survey}/${code}/close`, as.operator);
    await call('get', '/api/v1/opds/{code}/surveys/{surveyCode}', `${survey}/${code}`, { ...as.inspector, 'X-Min-Position': closed.position });
    await call('get', '/public/v1/surveys', '/public/v1/surveys?opd=DINKES&year=2025', {});
    const csv = await http().get('/public/v1/surveys/results.csv?opd=DINKES&year=2025').buffer(true).parse(binary);
    expect({ status: csv.status, type: csv.headers['content-type'] }).toEqual({ status: 200, type: 'text/csv; charset=utf-8' });
    expect(answerSchema(document, 'get', '/public/v1/surveys/results.csv', 200, 'text/csv')).toEqual({ type: 'string' });
    exercised.add('get /public/v1/surveys/results.csv');

    const employee = bearer(await tokenFor({ roles: ['employee'], nip: '198001012005011001' }));
    const upg = bearer(await tokenFor({ roles: ['upg'] }));
    const gift = {
      receivedOn: '2025-04-30',
      giverRelation: 'Rekanan',
      form: 'GOODS',
      description: 'Parsel',
      valueIdr: 100_000,
      occasion: 'OTHER',
      opdCode: 'DINKES',
    };
    const forwarded = await call('post', '/api/v1/gratifications', '/api/v1/gratifications', employee, gift);
    const gratification = (id: string) => `/api/v1/gratifications/${id}`;
    await call('post', '/api/v1/gratifications/{id}/forward', `${gratification(forwarded.id)}/forward`, upg, {
      kpkReference: 'KPK/2025/1',
      forwardedOn: '2025-05-02',
    });
    await call('post', '/api/v1/gratifications/{id}/decision', `${gratification(forwarded.id)}/decision`, upg, {
      decision: 'MILIK_NEGARA',
      decreeNumber: 'SK-1',
    });
    await call('post', '/api/v1/gratifications/{id}/hand-over', `${gratification(forwarded.id)}/hand-over`, upg, { date: '2025-05-02', receipt: 'BA-1' });
    const exempt = await call('post', '/api/v1/gratifications', '/api/v1/gratifications', employee, { ...gift, occasion: 'WEDDING', valueIdr: 500_000 });
    const written = await call('post', '/api/v1/gratifications/{id}/close-exempt', `${gratification(exempt.id)}/close-exempt`, upg, {
      reason: 'Hadiah pernikahan dalam batas',
    });
    await call('get', '/api/v1/gratifications', '/api/v1/gratifications?year=2025', { ...upg, 'X-Min-Position': written.position });
    await call('get', '/public/v1/participation/{code}/{year}', '/public/v1/participation/DINKES/2025', {});
  });

  it('complaints', async () => {
    const desk = bearer(await tokenFor({ roles: ['complaint_admin'] }));
    const body = { kind: 'PENGADUAN', opdCode: 'DINKES', subject: 'Antrean', text: 'Antrean terlalu panjang', contact: { name: 'Budi' }, publicText: false };
    const filed = await call('post', '/public/v1/complaints', '/public/v1/complaints', {}, body);
    const code = filed.trackingCode as string;
    const secret = { 'X-Follow-Secret': filed.followSecret as string };
    await call('post', '/api/v1/complaints/{trackingCode}/verify', `/api/v1/complaints/${code}/verify`, desk, {
      decision: 'VERIFIED',
      opdCode: 'DINKES',
      responseClass: 'INFORMATION',
    });
    await call('post', '/api/v1/complaints/{trackingCode}/responses', `/api/v1/complaints/${code}/responses`, as.operator, { text: 'Loket ditambah' });
    const confirmed = await call('post', '/public/v1/complaints/{trackingCode}/messages', `/public/v1/complaints/${code}/messages`, secret, { confirm: true });
    await call('get', '/public/v1/complaints/{trackingCode}', `/public/v1/complaints/${code}`, secret);
    await call('get', '/api/v1/complaints', '/api/v1/complaints?year=2025', { ...desk, 'X-Min-Position': confirmed.position });
    await call('get', '/api/v1/complaints/{trackingCode}', `/api/v1/complaints/${code}`, as.operator);
  });

  it('whistleblowing', async () => {
    const officer = bearer(await tokenFor({ roles: ['wbs_officer'] }));
    const filed = await call(
      'post',
      '/public/v1/wbs',
      '/public/v1/wbs',
      {},
      {
        allegation: 'Pungutan di loket',
        concerning: 'Petugas loket',
        identity: { name: 'Rina', contact: 'rina@example.org' },
      },
    );
    const code = filed.trackingCode as string;
    const secret = { 'X-Follow-Secret': filed.followSecret as string };
    await call('post', '/public/v1/wbs/{trackingCode}/messages', `/public/v1/wbs/${code}/messages`, secret, { text: 'Ada bukti tambahan' });
    await call('get', '/public/v1/wbs/{trackingCode}', `/public/v1/wbs/${code}`, secret);
    await call('post', '/api/v1/wbs/{trackingCode}/messages', `/api/v1/wbs/${code}/messages`, officer, { text: 'Terima kasih' });
    await call('post', '/api/v1/wbs/{trackingCode}/identity-readings', `/api/v1/wbs/${code}/identity-readings`, officer, { reason: 'Klarifikasi' });
    const moved = await call('post', '/api/v1/wbs/{trackingCode}/transitions', `/api/v1/wbs/${code}/transitions`, officer, {
      to: 'UNDER_REVIEW',
      reason: 'Telaah',
    });
    await call('get', '/api/v1/wbs', '/api/v1/wbs', { ...officer, 'X-Min-Position': moved.position });
    await call('get', '/api/v1/wbs/{trackingCode}', `/api/v1/wbs/${code}`, officer);
    await call('get', '/public/v1/wbs/figures/{year}', '/public/v1/wbs/figures/2025', {});
  });

  it('history and integrity', async () => {
    await call('get', '/api/v1/history/{streamType}/{id}', '/api/v1/history/plan/DINKES-2025', as.inspector);
    await call('get', '/api/v1/integrity/streams/{streamType}/{id}', '/api/v1/integrity/streams/plan/DINKES-2025', as.inspector);
    // Checkpoints are recorded in the background, every event here.
    for (let attempt = 0; (await http().get('/public/v1/integrity/head')).status === 404 && attempt < 50; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await call('get', '/public/v1/integrity/head', '/public/v1/integrity/head', {});
  });

  it('calls every documented endpoint of the API', () => {
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/') || path.startsWith('/public/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(documented.filter((operation) => !exercised.has(operation))).toEqual([]);
  });
});
