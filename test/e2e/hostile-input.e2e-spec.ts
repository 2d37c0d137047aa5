import { DEVELOPMENT_JWT_SECRET } from '@app/config';
import { SignJWT } from 'jose';
import request from 'supertest';
import { LedgerFixtures, seedLedger, WriteCall, writeCalls, YEAR } from '../support/ledger-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

/**
 * Issue #11: hostile input is a 4xx problem document, never a 500, and a refused request
 * writes nothing (the whole log is counted before and after).
 */
describe('hostile input', () => {
  let testApp: TestApp;
  let fixtures: LedgerFixtures;
  let writes: WriteCall[];
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp();
    fixtures = await seedLedger(testApp);
    writes = writeCalls(fixtures);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** Sends a raw body; answers the response once it is known that nothing was appended. */
  async function refused(call: WriteCall, body: string | undefined, headers: Record<string, string> = {}) {
    const before = await fixtures.eventCount();
    const response = await http()
      [call.method](call.path)
      .set(call.as)
      .set({ 'Content-Type': 'application/json', ...headers })
      .send(body);
    expect(await fixtures.eventCount()).toBe(before);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return response;
  }

  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const named = (name: string) => (call: WriteCall) => call.name === name;

  describe('bodies that used to answer 500', () => {
    it.each([1000, 2000, 100_000])('JSON nested %i deep is a 400 on every write', async (depth) => {
      for (const call of writes) {
        const response = await refused(call, `{"deep":${nested(depth)}}`);
        expect([call.name, response.status, response.body.code]).toEqual([call.name, 400, 'VALIDATION_FAILED']);
      }
    });

    it('JSON nested 2,000 deep in a known list field is a 400', async () => {
      const call = writes.find(named('draft plan'))!;
      const response = await refused(call, `{"goals":${nested(2000)}}`);
      expect(response.status).toBe(400);
    });

    it('a charset other than UTF-8 is a 415', async () => {
      for (const call of writes.slice(0, 3)) {
        const response = await refused(call, JSON.stringify(call.body), { 'Content-Type': 'application/json; charset=latin1' });
        expect(response.status).toBe(415);
        expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('a UTF-8 charset is accepted', async () => {
      const response = await http()
        .post('/api/v1/opds')
        .set(fixtures.as.admin)
        .set('Content-Type', 'application/json; charset=UTF-8')
        .send(JSON.stringify({ code: 'DISHUB', name: 'Dinas Perhubungan' }));
      expect(response.status).toBe(201);
    });

    it('a Content-Encoding we do not decode is a 415, not a body read as plain JSON', async () => {
      for (const call of writes.slice(0, 3)) {
        const response = await refused(call, JSON.stringify(call.body), { 'Content-Encoding': 'gzip' });
        expect(response.status).toBe(415);
      }
    });

    it('a Content-Encoding on a request without a body is no reason to refuse it', async () => {
      await http().get('/api/v1/opds').set(fixtures.as.inspector).set('Content-Encoding', 'gzip').expect(200);
    });

    it.each(['draft plan', 'replace plan', 'plan revision', 'draft SKP', 'replace SKP'])('%s with a list of lists is a 400', async (name) => {
      const call = writes.find(named(name))!;
      const list = 'goals' in call.body! ? 'goals' : 'results';
      const response = await refused(call, JSON.stringify({ ...call.body, [list]: [[]] }));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: list })]));
    });
  });

  describe('list items that are not objects, which used to be stored or answered 422', () => {
    it('a finding with recommendations: [[]] is a 400, storing no recommendation without text', async () => {
      const call = writes.find(named('record finding'))!;
      for (const recommendations of [[[]], [1], [null], ['text']]) {
        const response = await refused(call, JSON.stringify({ ...call.body, recommendations }));
        expect([JSON.stringify(recommendations), response.status]).toEqual([JSON.stringify(recommendations), 400]);
        expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'recommendations' })]));
      }
    });

    it.each(['plan realisation', 'plan correction', 'SKP realisation'])('%s with values: [[]] is a 400', async (name) => {
      const call = writes.find(named(name))!;
      const response = await refused(call, JSON.stringify({ ...call.body, values: [[]] }));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'values' })]));
    });

    it('an SKP result cascaded from a list, and behaviour notes given as a list, are a 400', async () => {
      const draft = writes.find(named('draft SKP'))!;
      const [result] = (draft.body as { results: object[] }).results;
      expect((await refused(draft, JSON.stringify({ ...draft.body, results: [{ ...result, cascadedFrom: [] }] }))).status).toBe(400);
      const evaluation = writes.find(named('SKP evaluation'))!;
      expect((await refused(evaluation, JSON.stringify({ ...evaluation.body, behaviourNotes: [] }))).status).toBe(400);
    });
  });

  describe('text the store cannot keep, or that shows nothing', () => {
    /** Every free-text field of every write body (top level and one level into lists). */
    const textFields = (call: WriteCall): string[][] =>
      Object.entries(call.body ?? {}).flatMap(([key, value]): string[][] => {
        if (typeof value === 'string' && !/^[A-Z0-9_-]+$|^\d{4}-/.test(value)) return [[key]];
        if (Array.isArray(value) && typeof value[0] === 'object') {
          return Object.entries(value[0] as object)
            .filter(([, item]) => typeof item === 'string' && /[a-z]/.test(item))
            .map(([inner]) => [key, '0', inner]);
        }
        return [];
      });
    const withText = (body: Record<string, unknown>, path: string[], text: string): Record<string, unknown> => {
      const copy = structuredClone(body);
      let target = copy as Record<string, unknown>;
      for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
      target[path.at(-1)!] = text;
      return copy;
    };

    it.each([
      ['a NUL', 'Dinas\u0000Kesehatan'],
      ['a lone surrogate', 'Dinas \ud800 Kesehatan'],
      ['a lone low surrogate', '\udc00'],
      ['only zero-width spaces', '\u200b\u200b'],
      ['only Unicode spaces', '\u00a0\u3000\ufeff\u2060 \u180e'],
    ])('text with %s is a 400 naming the field, on every write', async (_what, text) => {
      let checked = 0;
      for (const call of writes) {
        for (const path of textFields(call)) {
          const field = path.join('.');
          const response = await refused(call, JSON.stringify(withText(call.body!, path, text)));
          expect([call.name, field, response.status]).toEqual([call.name, field, 400]);
          expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(25);
    });
  });

  it('review notes with a NUL are a 400 on acceptance too', async () => {
    const call = writes.find((write) => write.name === 'LKjIP review')!;
    const response = await refused(call, JSON.stringify({ outcome: 'ACCEPTED', notes: 'a\u0000b' }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'notes' })]);
  });

  describe('tokens whose claims the store cannot keep', () => {
    it.each([
      ['sub', { sub: 'user\u0000admin' }],
      ['sub', { sub: '\ud800' }],
      ['name', { name: 'Admin\u0000' }],
      ['name', { name: 'Admin \udfff' }],
    ])('a %s with a NUL or a lone surrogate is a 401, writing nothing', async (_claim, claims) => {
      const token = await tokenFor({ roles: ['admin'], ...claims });
      const call = writes.find((write) => write.name === 'register OPD')!;
      const response = await refused({ ...call, as: bearer(token) }, JSON.stringify({ code: 'DISPORA', name: 'Dispora' }));
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('tokens that never expire, or expire centuries away', () => {
    const sign = (build: (jwt: SignJWT) => SignJWT) =>
      build(new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('forever')).sign(
        new TextEncoder().encode(DEVELOPMENT_JWT_SECRET),
      );
    const now = () => Math.floor(Date.now() / 1000);

    it.each([
      ['without exp', (jwt: SignJWT) => jwt.setIssuedAt()],
      ['without exp or iat', (jwt: SignJWT) => jwt],
      ['living 300 years', (jwt: SignJWT) => jwt.setIssuedAt().setExpirationTime('300y')],
      ['living 25 hours', (jwt: SignJWT) => jwt.setIssuedAt().setExpirationTime('25h')],
      ['issued two days ago, expiring in an hour', (jwt: SignJWT) => jwt.setIssuedAt(now() - 2 * 86400).setExpirationTime(now() + 3600)],
      ['without iat, expiring in 25 hours', (jwt: SignJWT) => jwt.setExpirationTime('25h')],
      ['issued in the future, expiring in 300 years', (jwt: SignJWT) => jwt.setIssuedAt(now() + 300 * 365 * 86400 - 3600).setExpirationTime('300y')],
    ])('a token %s is a 401', async (_what, build) => {
      const response = await http()
        .get('/api/v1/opds')
        .set(bearer(await sign(build)));
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['living 24 hours', (jwt: SignJWT) => jwt.setIssuedAt().setExpirationTime('24h')],
      ['issued 20 hours ago, expiring in an hour', (jwt: SignJWT) => jwt.setIssuedAt(now() - 20 * 3600).setExpirationTime(now() + 3600)],
      ['without iat, expiring in 23 hours', (jwt: SignJWT) => jwt.setExpirationTime('23h')],
    ])('a token %s is accepted', async (_what, build) => {
      await http()
        .get('/api/v1/opds')
        .set(bearer(await sign(build)))
        .expect(200);
    });
  });

  describe('headers and query strings', () => {
    it('a garbage If-Match is a 400 on every write, writing nothing', async () => {
      for (const call of writes) {
        for (const ifMatch of ['garbage', '"3', 'W/"x"', '"1", "2"', '-1', '99999999999999999999']) {
          const response = await refused(call, JSON.stringify(call.body), { 'If-Match': ifMatch });
          expect([call.name, ifMatch, response.status]).toEqual([call.name, ifMatch, 400]);
          expect(response.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
        }
      }
    });

    it.each(['/api/v1/opds?limit=1&limit=2', '/api/v1/audit-findings?limit=1&limit=1', '/api/v1/audit-findings?year=2025&year=2026'])(
      'a repeated query parameter (%s) is one clear 400',
      async (path) => {
        const response = await http().get(path).set(fixtures.as.inspector).expect(400);
        const name = /\?(?:[^&]*&)*?(\w+)=[^&]*&\1=/.exec(path)![1];
        expect(response.body.errors).toEqual([{ field: name, message: expect.stringMatching(/once/) }]);
        expect(response.body.detail).toBe(`Invalid input: ${name}`);
      },
    );

    it("headers over Node's limit are a 431 problem document", async () => {
      const response = await http().get('/api/v1/opds').set(fixtures.as.inspector).set('X-Padding', 'x'.repeat(20_000));
      expect(response.status).toBe(431);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    });
  });

  describe('path parameters that used to reach PostgreSQL', () => {
    const paths = [
      '/api/v1/opds/%00',
      '/api/v1/opds/DINKES%00',
      `/api/v1/opds/%00/plans/${YEAR}`,
      `/api/v1/opds/%00/lkjip/${YEAR}`,
      `/api/v1/opds/DINKES/plans/${YEAR}/indicators/%00/skp`,
      '/api/v1/audit-findings/%00',
      '/api/v1/history/opd/%00',
      '/api/v1/history/finding/%00',
      '/api/v1/integrity/streams/opd/%00',
      '/api/v1/skp/%00/2025',
      `/public/v1/opds/%00/lkjip/${YEAR}.pdf`,
      '/api/v1/opds/%ED%A0%80',
      '/api/v1/opds/%FF',
    ];

    it.each(paths)('GET %s is a 400 or 404 problem', async (path) => {
      const response = await http().get(path).set(fixtures.as.inspector);
      expect([400, 404]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('a NUL in a write path is a 400 or 404, writing nothing', async () => {
      for (const call of writes) {
        const path = call.path.replace('DINKES', '%00').replace(fixtures.findingId, `${fixtures.findingId}%00`);
        if (path === call.path) continue;
        const response = await refused({ ...call, path }, JSON.stringify(call.body));
        expect([call.name, [400, 404].includes(response.status)]).toEqual([call.name, true]);
      }
    });
  });
});
