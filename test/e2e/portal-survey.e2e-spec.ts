import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const SKM = { kind: 'SKM', service: 'Izin mendirikan bangunan', year: 2025, quarter: 2, population: 1000 };
const KEY = '7d3f1c2a-9b4e-4f6a-8c1d-2e5b7a9c0f13';

/** The portal's survey page and its plain HTML form, through the real app (docs/api.md, Portal). */
describe('the portal’s survey form over HTTP', () => {
  const clock = new TestClock('2025-06-10');
  let testApp: TestApp;
  let database: Database;
  let operator: Record<string, string>;
  const http = () => request(testApp.app.getHttpServer());
  let address = 0;
  const fromNewAddress = () => ({ 'X-Forwarded-For': `198.51.100.${++address}` });

  async function answersRecorded(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>("SELECT count(*) AS count FROM kl_events WHERE event_type = 'SurveyAnswered'");
    return Number(rows[0].count);
  }

  async function openSurvey(body: object = SKM): Promise<string> {
    const opened = await http().post('/api/v1/opds/DINPUPR/surveys').set(operator).send(body).expect(201);
    // The page reads the survey's read model: wait until it holds the survey.
    await http().get(`/public/v1/surveys/${opened.body.surveyCode}`).set('X-Min-Position', opened.body.position).expect(200);
    return opened.body.surveyCode;
  }

  /** A form as the browser sends it: every unsur answered unless `without` names one. */
  const formBody = (fields: Record<string, string> = {}, without?: string) =>
    new URLSearchParams({ kunci: KEY, ...Object.fromEntries(UNSUR.filter((code) => code !== without).map((code) => [code, '3'])), ...fields }).toString();
  const post = (surveyCode: string, body: string) =>
    http().post(`/survei/${surveyCode}`).set(fromNewAddress()).set('Content-Type', 'application/x-www-form-urlencoded').send(body);

  beforeAll(async () => {
    testApp = await startTestApp({ TRUSTED_PROXIES: 'loopback', ANONYMOUS_WRITES_PER_MINUTE: '1000' }, { clock });
    database = testApp.app.get(DATABASE);
    operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINPUPR' }));
    await http()
      .post('/api/v1/opds')
      .set(bearer(await tokenFor({ roles: ['admin'] })))
      .send({ code: 'DINPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' })
      .expect(201);
  });
  afterAll(() => testApp.close());

  it('asks an open survey’s nine unsur, four labelled choices each, in Indonesian first, never cached', async () => {
    const surveyCode = await openSurvey();
    const page = await http().get(`/survei/${surveyCode}`).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(page.text).toContain('<html lang="id">');
    expect(page.text).toContain('Survei Kepuasan Masyarakat: Izin mendirikan bangunan');
    expect(page.text.match(/<fieldset class="question">/g)).toHaveLength(9);
    expect(page.text).toContain('1. Persyaratan');
    expect(page.text.match(/type="radio" name="U1"/g)).toHaveLength(4);
    expect(page.text).toContain('4. Sangat baik');
    expect(page.text).toMatch(new RegExp(`<form class="survey-form" method="post" action="/survei/${surveyCode}">`));
    // Each page its own one-time key.
    const again = await http().get(`/survei/${surveyCode}`).expect(200);
    const keyOf = (html: string) => /name="kunci" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    expect(keyOf(page.text)).toBeDefined();
    expect(keyOf(again.text)).not.toBe(keyOf(page.text));
    const english = await http().get(`/survei/${surveyCode}?lang=en`).expect(200);
    expect(english.text).toContain('Public Satisfaction Survey: Izin mendirikan bangunan');
    expect(english.text).toContain('4. Very good');
  });

  it('records a posted form once, however often it is sent, and sends the browser back to say so', async () => {
    const surveyCode = await openSurvey();
    const before = await answersRecorded();
    const sent = await post(surveyCode, formBody({ gender: 'P', ageBand: '30-39', education: '' })).expect(303);
    expect(sent.headers.location).toBe(`/survei/${surveyCode}?terkirim=1`);
    expect(await answersRecorded()).toBe(before + 1);
    // The same form again (a double click, a reload): the answer is recorded, once.
    await post(surveyCode, formBody({ gender: 'P', ageBand: '30-39' }))
      .expect(303)
      .expect('Location', `/survei/${surveyCode}?terkirim=1`);
    expect(await answersRecorded()).toBe(before + 1);
    const thanks = await http().get(`/survei/${surveyCode}?terkirim=1`).expect(200);
    expect(thanks.text).toContain('role="status"');
    expect(thanks.text).not.toContain('<form class="survey-form"');
    // In English, the way back stays in English.
    await post(surveyCode, formBody({ kunci: '0f2b9a4c-1d3e-4a5b-9c6d-7e8f9a0b1c2d', lang: 'en' }))
      .expect(303)
      .expect('Location', `/survei/${surveyCode}?terkirim=1&lang=en`);
    expect(await answersRecorded()).toBe(before + 2);
  });

  it.each<[string, string]>([
    ['a question left out', formBody({}, 'U9')],
    ['an answer of 5', formBody({ U1: '5' })],
    ['an answer that is no number', formBody({ U1: 'tiga' })],
    ['a question the survey does not ask', formBody({ U10: '2' })],
    ['a band that is none', formBody({ ageBand: '37' })],
    ['no one-time key', formBody({ kunci: '' })],
  ])('sends %s back to the form with what to correct, recording nothing', async (_name, body) => {
    const surveyCode = await openSurvey();
    const before = await answersRecorded();
    await post(surveyCode, body).expect(303).expect('Location', `/survei/${surveyCode}?galat=1`);
    expect(await answersRecorded()).toBe(before);
    const page = await http().get(`/survei/${surveyCode}?galat=1`).expect(200);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('<form class="survey-form"');
  });

  it('takes a form only where a form is asked for: the API’s JSON endpoint answers 415 to one', async () => {
    const surveyCode = await openSurvey();
    const refused = await http()
      .post(`/public/v1/surveys/${surveyCode}/responses`)
      .set(fromNewAddress())
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(formBody())
      .expect(415);
    expect(refused.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('shows a closed survey’s results, and on its unit’s page; an unknown survey is a 404 page', async () => {
    const surveyCode = await openSurvey({ ...SKM, quarter: 1 });
    for (const value of ['3', '4'])
      await post(surveyCode, formBody({ kunci: crypto.randomUUID(), ...Object.fromEntries(UNSUR.map((code) => [code, value])) })).expect(303);
    const closed = await http().post(`/api/v1/opds/DINPUPR/surveys/${surveyCode}/close`).set(operator).expect(200);
    await http().get(`/public/v1/surveys/${surveyCode}`).set('X-Min-Position', closed.body.position).expect(200);
    const page = await http().get(`/survei/${surveyCode}`).expect(200);
    expect(page.text).not.toContain('<form class="survey-form"');
    expect(page.text).toContain('Survei ini sudah ditutup');
    // Each unsur's mean (3 + 4) / 2 = 3.5; IKM 3.5 × 25 = 87.5, mutu B.
    expect(page.text).toMatch(/U1 Persyaratan<\/th>\s*<td class="num">3,5<\/td>/);
    expect(page.text).toContain('<strong>87,5</strong>');
    expect(page.text).toContain('B (Baik)');
    const unit = await http().get('/opd/DINPUPR/2025').expect(200);
    expect(unit.text).toContain('Survei kepuasan masyarakat');
    expect(unit.text).toContain('Hasil survei Izin mendirikan bangunan, triwulan 1 2025');
    expect(unit.text).toContain('data-chart=');
    // A browser asks for a page and gets one; a program gets the problem document.
    const unknown = await http().get('/survei/AAAAAAAAAAAA').set('Accept', 'text/html').expect(404);
    expect(unknown.headers['content-type']).toBe('text/html; charset=utf-8');
    await http().get('/survei/not-a-code').expect(404);
  });
});
