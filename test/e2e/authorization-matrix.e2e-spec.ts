import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, TokenClaims, tokenFor } from '../support/tokens';

/**
 * Who may do what (docs/api.md): every role against every endpoint of the OPD registry, history and
 * integrity. OPD roles are scoped to DINKES; the resource under test is DINKES unless noted.
 */
const CALLERS: Record<string, TokenClaims | null> = {
  anonymous: null,
  admin: { roles: ['admin'] },
  'operator of DINKES': { roles: ['opd_operator'], opd: 'DINKES' },
  'head of DINKES': { roles: ['opd_head'], opd: 'DINKES' },
  'operator of DISDIK': { roles: ['opd_operator'], opd: 'DISDIK' },
  employee: { roles: ['employee'], nip: '198001012005011001' },
  appraiser: { roles: ['appraiser'], nip: '197501012000031002' },
  inspector: { roles: ['inspector'] },
};

type Call = (caller: string) => { method: 'get' | 'post' | 'patch'; path: string; body?: object };

const ENDPOINTS: Array<[string, Call, Record<string, number>]> = [
  [
    'POST /api/v1/opds',
    (caller) => ({ method: 'post', path: '/api/v1/opds', body: { code: `NEW-${slug(caller)}`, name: 'Unit baru' } }),
    { anonymous: 401, admin: 201, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  [
    'PATCH /api/v1/opds/{code}',
    (caller) => ({ method: 'patch', path: '/api/v1/opds/DINKES', body: { name: `Dinas Kesehatan ${slug(caller)}`, reason: 'matrix' } }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  [
    'POST /api/v1/opds/{code}/dissolve',
    (caller) => ({ method: 'post', path: `/api/v1/opds/TMP-${slug(caller)}/dissolve`, body: { reason: 'matrix' } }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 403 },
  ],
  [
    'GET /api/v1/opds',
    () => ({ method: 'get', path: '/api/v1/opds' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/opds/{code}',
    () => ({ method: 'get', path: '/api/v1/opds/DINKES' }),
    { anonymous: 401, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
  [
    'GET /api/v1/opds/{code}?asOf=',
    () => ({ method: 'get', path: `/api/v1/opds/DINKES?asOf=${new Date().toISOString()}` }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'GET /api/v1/history/opd/{code}',
    () => ({ method: 'get', path: '/api/v1/history/opd/DINKES' }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'GET /api/v1/integrity/streams/opd/{code}',
    () => ({ method: 'get', path: '/api/v1/integrity/streams/opd/DINKES' }),
    { anonymous: 401, admin: 403, 'operator of DINKES': 403, 'head of DINKES': 403, 'operator of DISDIK': 403, employee: 403, appraiser: 403, inspector: 200 },
  ],
  [
    'GET /public/v1/integrity/head',
    () => ({ method: 'get', path: '/public/v1/integrity/head' }),
    { anonymous: 200, admin: 200, 'operator of DINKES': 200, 'head of DINKES': 200, 'operator of DISDIK': 200, employee: 200, appraiser: 200, inspector: 200 },
  ],
];

function slug(caller: string): string {
  return caller.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
}

describe('authorization matrix', () => {
  let testApp: TestApp;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_SECONDS: '0' });
    for (const [caller, claims] of Object.entries(CALLERS)) headers[caller] = claims ? bearer(await tokenFor(claims)) : {};
    const http = request(testApp.app.getHttpServer());
    let last = '';
    for (const code of ['DINKES', 'DISDIK', ...Object.keys(CALLERS).map((caller) => `TMP-${slug(caller)}`)]) {
      last = (await http.post('/api/v1/opds').set(headers.admin).send({ code, name: `Unit ${code}` }).expect(201)).body.position;
    }
    await request(testApp.app.getHttpServer()).get('/api/v1/opds').set(headers.admin).set('X-Min-Position', last).expect(200);
    // The public head appears once the checkpointer has seen the registrations.
    for (let i = 0; i < 50; i++) {
      if ((await request(testApp.app.getHttpServer()).get('/public/v1/integrity/head')).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(async () => {
    await testApp.close();
  });

  const cases = ENDPOINTS.flatMap(([endpoint, call, expected]) =>
    Object.keys(CALLERS).map((caller) => [endpoint, caller, expected[caller], call] as const),
  );

  it.each(cases)('%s as %s answers %i', async (_endpoint, caller, status, call) => {
    const { method, path, body } = call(caller);
    const response = await request(testApp.app.getHttpServer())[method](path).set(headers[caller]).send(body);
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
