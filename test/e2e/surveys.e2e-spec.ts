import { readFileSync } from 'node:fs';
import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const allThrees = Object.fromEntries(UNSUR.map((code) => [code, 3]));
const SKM = { kind: 'SKM', service: 'Pelayanan rawat jalan', year: 2025, quarter: 2, population: 1000 };

describe('surveys over HTTP', () => {
  const clock = new TestClock('2025-06-10');
  let testApp: TestApp;
  let database: Database;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());
  // Each test answers from its own address: the anonymous-write limit is per client address.
  let address = 0;
  const fromNewAddress = () => ({ 'X-Forwarded-For': `203.0.113.${++address}` });

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  async function openSurvey(body: object = SKM): Promise<string> {
    return (await openedSurvey(body)).surveyCode;
  }

  async function openedSurvey(body: object = SKM): Promise<{ surveyCode: string; position: string }> {
    return (await http().post('/api/v1/opds/DINKES/surveys').set(as.operator).send(body).expect(201)).body;
  }

  beforeAll(async () => {
    testApp = await startTestApp({ TRUSTED_PROXIES: 'loopback', ANONYMOUS_WRITES_PER_MINUTE: '1000' }, { clock });
    database = testApp.app.get(DATABASE);
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    as.operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    as.head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    as.otherOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
    for (const code of ['DINKES', 'DISDIK'])
      await http()
        .post('/api/v1/opds')
        .set(as.admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
  });
  afterAll(() => testApp.close());

  it('opens an SKM, takes anonymous answers, works the results from running sums and freezes them at closing', async () => {
    const { surveyCode, position } = await openedSurvey();
    expect(surveyCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);

    const form = (await http().get(`/public/v1/surveys/${surveyCode}`).set('X-Min-Position', position).expect(200)).body;
    expect(form).toMatchObject({ surveyCode, kind: 'SKM', opdCode: 'DINKES', status: 'OPEN' });
    expect(form.questions.map((question: { code: string }) => question.code)).toEqual(UNSUR);
    expect(form.results).toBeUndefined();

    const address = fromNewAddress();
    await http()
      .post(`/public/v1/surveys/${surveyCode}/responses`)
      .set(address)
      .send({ answers: { ...allThrees, U1: 4 }, respondent: { gender: 'P', ageBand: '30-39' } })
      .expect(201);
    await http().post(`/public/v1/surveys/${surveyCode}/responses`).set(address).send({ answers: allThrees }).expect(201);
    const last = await http().post(`/public/v1/surveys/${surveyCode}/responses`).set(address).send({ answers: allThrees }).expect(201);

    // The worked example of docs/domain.md: Σ = 10 + 8 × 9 = 82 over 3 answers; IKM = 25 × 82 / 27 = 75.925… → 75.93.
    const results = await http().get(`/api/v1/opds/DINKES/surveys/${surveyCode}`).set(as.head).set('X-Min-Position', last.body.position).expect(200);
    expect(results.body.results).toEqual({
      responses: 3,
      nrr: { U1: 3.3333, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 },
      ikm: 75.93,
      mutu: 'C',
      minimumSample: 278,
      sampleSufficient: false,
    });
    expect(results.body.respondents).toEqual({ gender: { P: 1 }, ageBand: { '30-39': 1 } });

    const closed = await http().post(`/api/v1/opds/DINKES/surveys/${surveyCode}/close`).set(as.operator).expect(200);
    const before = await eventCount();
    const late = await http().post(`/public/v1/surveys/${surveyCode}/responses`).set(fromNewAddress()).send({ answers: allThrees }).expect(422);
    expect(late.body.code).toBe('SURVEY_CLOSED');
    expect(await eventCount()).toBe(before);

    const published = (await http().get(`/public/v1/surveys/${surveyCode}`).set('X-Min-Position', closed.body.position).expect(200)).body;
    expect(published).toMatchObject({ status: 'CLOSED', results: { responses: 3, ikm: 75.93, mutu: 'C' } });
    const list = (await http().get('/public/v1/surveys?opd=DINKES&year=2025').expect(200)).body;
    expect(list.items.map((item: { surveyCode: string }) => item.surveyCode)).toContain(surveyCode);
    expect(JSON.stringify(list)).not.toMatch(/203\.0\.113/);
    const participation = (await http().get('/public/v1/participation/DINKES/2025').expect(200)).body;
    expect(participation.surveys.find((survey: { surveyCode: string }) => survey.surveyCode === surveyCode)).toMatchObject({ results: { ikm: 75.93 } });
  });

  it('asks an IPAK survey its own questions and answers its mean', async () => {
    const { surveyCode, position } = await openedSurvey({ ...SKM, kind: 'IPAK', population: 100 });
    // The questions are the LKE template's IPAK set, as the file in force has them.
    const template = JSON.parse(readFileSync('lke/LKE-ZI-PERMENPANRB-90-2021.json', 'utf8')) as { surveySets: { IPAK: unknown[] } };
    expect((await http().get(`/public/v1/surveys/${surveyCode}`).set('X-Min-Position', position).expect(200)).body.questions).toEqual(template.surveySets.IPAK);
    const answers = { A1: 4, A2: 4, A3: 3, A4: 3, A5: 4 };
    const answered = await http().post(`/public/v1/surveys/${surveyCode}/responses`).set(fromNewAddress()).send({ answers }).expect(201);
    const read = await http().get(`/api/v1/opds/DINKES/surveys/${surveyCode}`).set(as.inspector).set('X-Min-Position', answered.body.position).expect(200);
    // 18 / 5 = 3.6
    expect(read.body.results).toEqual({ responses: 1, value: 3.6, minimumSample: 80, sampleSufficient: false });
    await http().post(`/public/v1/surveys/${surveyCode}/responses`).set(fromNewAddress()).send({ answers: allThrees }).expect(400);
  });

  it.each<[string, object]>([
    ['a missing unsur', { answers: { ...allThrees, U9: undefined } }],
    ['an answer of 5', { answers: { ...allThrees, U1: 5 } }],
    ['an answer of "3"', { answers: { ...allThrees, U1: '3' } }],
    ['an unknown question', { answers: { ...allThrees, U10: 2 } }],
    ['answers as a list', { answers: [3, 3, 3] }],
    ['a respondent’s name', { answers: allThrees, respondent: { name: 'Siti' } }],
    ['an age that is no band', { answers: allThrees, respondent: { ageBand: '37' } }],
  ])('refuses %s with a 400 and writes nothing', async (_name, body) => {
    const surveyCode = await openSurvey();
    const before = await eventCount();
    const answer = await http().post(`/public/v1/surveys/${surveyCode}/responses`).set(fromNewAddress()).send(body).expect(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(await eventCount()).toBe(before);
  });

  it('answers 404 for a code it never gave out, before reading anything', async () => {
    await http().get('/public/v1/surveys/not-a-code').expect(404);
    await http().get('/public/v1/surveys/ABCDEFGHJKLM').expect(404);
    await http().post('/public/v1/surveys/ABCDEFGHJKLM/responses').set(fromNewAddress()).send({ answers: allThrees }).expect(404);
  });

  it('lands a retried answer once', async () => {
    const surveyCode = await openSurvey();
    const address = fromNewAddress();
    const first = await http()
      .post(`/public/v1/surveys/${surveyCode}/responses`)
      .set(address)
      .set('Idempotency-Key', 'answer-1')
      .send({ answers: allThrees })
      .expect(201);
    const again = await http()
      .post(`/public/v1/surveys/${surveyCode}/responses`)
      .set(address)
      .set('Idempotency-Key', 'answer-1')
      .send({ answers: allThrees })
      .expect(201);
    expect(again.body).toEqual(first.body);
    const read = await http().get(`/api/v1/opds/DINKES/surveys/${surveyCode}`).set(as.operator).set('X-Min-Position', first.body.position).expect(200);
    expect(read.body.results.responses).toBe(1);
  });

  it('lets only the unit’s operator open and close, and the unit and the inspectorate read', async () => {
    await http().post('/api/v1/opds/DINKES/surveys').set(as.head).send(SKM).expect(403);
    await http().post('/api/v1/opds/DINKES/surveys').set(as.otherOperator).send(SKM).expect(403);
    const { surveyCode, position } = await openedSurvey();
    await http().post(`/api/v1/opds/DINKES/surveys/${surveyCode}/close`).set(as.otherOperator).expect(403);
    await http().post(`/api/v1/opds/DISDIK/surveys/${surveyCode}/close`).set(as.otherOperator).expect(404);
    await http().get(`/api/v1/opds/DINKES/surveys/${surveyCode}`).set(as.otherOperator).set('X-Min-Position', position).expect(403);
    await http().get(`/api/v1/opds/DISDIK/surveys/${surveyCode}`).set(as.otherOperator).expect(404);
    await http().get(`/api/v1/opds/DINKES/surveys/${surveyCode}`).set(as.inspector).expect(200);
    await http().post(`/api/v1/opds/DINKES/surveys/${surveyCode}/close`).set(as.operator).expect(200);
    const again = await http().post(`/api/v1/opds/DINKES/surveys/${surveyCode}/close`).set(as.operator).expect(422);
    expect(again.body.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a survey of a unit never registered, and a bad body', async () => {
    const unknown = await http()
      .post('/api/v1/opds/NOPE/surveys')
      .set(bearer(await tokenFor({ roles: ['opd_operator'], opd: 'NOPE' })))
      .send(SKM)
      .expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_OPD');
    await http()
      .post('/api/v1/opds/DINKES/surveys')
      .set(as.operator)
      .send({ ...SKM, kind: 'OTHER' })
      .expect(400);
    await http()
      .post('/api/v1/opds/DINKES/surveys')
      .set(as.operator)
      .send({ ...SKM, quarter: 5 })
      .expect(400);
    await http()
      .post('/api/v1/opds/DINKES/surveys')
      .set(as.operator)
      .send({ ...SKM, population: 0 })
      .expect(400);
  });
});

describe('survey answers from one address', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ ANONYMOUS_WRITES_PER_MINUTE: '3' });
  });
  afterAll(() => testApp.close());

  it('are limited per minute: the fourth is a 429 problem with Retry-After, and writes nothing', async () => {
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    await http().post('/api/v1/opds').set(admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
    const { surveyCode } = (await http().post('/api/v1/opds/DINKES/surveys').set(operator).send(SKM).expect(201)).body;
    const answer = () => http().post(`/public/v1/surveys/${surveyCode}/responses`).send({ answers: allThrees });
    for (let i = 0; i < 3; i++) await answer().expect(201);
    const refused = await answer().expect(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    const database = testApp.app.get<Database>(DATABASE);
    const { rows } = await database.pool.query<{ count: string }>(`SELECT count(*) AS count FROM kl_events WHERE event_type = 'SurveyAnswered'`);
    expect(Number(rows[0].count)).toBe(3);
    // Reading is no write: the limit leaves it alone.
    await http()
      .get(`/public/v1/surveys/${surveyCode}`)
      .expect((answer) => expect(answer.status).not.toBe(429));
  });
});
