import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { WbsRetention } from '../../apps/api/src/wbs/wbs-retention';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { bearer, TokenClaims, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const ALLEGATION = 'Pungutan Rp500.000 untuk mempercepat izin usaha';
const CONCERNING = 'Kepala Seksi Perizinan';
const IDENTITY = { name: 'Rina Wulandari', contact: 'rina.pelapor@example.org' };
const report = (overrides: object = {}) => ({
  allegation: ALLEGATION,
  concerning: CONCERNING,
  when: 'Mei 2025',
  where: 'Kantor DPMPTSP',
  evidenceUrls: ['https://bukti.example.org/kuitansi.jpg'],
  identity: IDENTITY,
  ...overrides,
});
/** What no one but a WBS officer may ever read, and the identity not even they without a reading. */
const SECRET_WORDS = /Pungutan|Kepala Seksi|Rina|rina\.pelapor|kuitansi|Kantor DPMPTSP/;

describe('whistleblowing over HTTP', () => {
  const clock = new TestClock('2025-06-02');
  let testApp: TestApp;
  let database: Database;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());

  const file = async (body: object = report()) =>
    (await http().post('/public/v1/wbs').send(body).expect(201)).body as { trackingCode: string; followSecret: string; position: string };
  const follow = (code: string, secret: string) => http().get(`/public/v1/wbs/${code}`).set('X-Follow-Secret', secret);
  const officer = (method: 'get' | 'post', path: string, body?: object) => http()[method](`/api/v1/wbs${path}`).set(as.officer).send(body);

  beforeAll(async () => {
    testApp = await startTestApp({ ANONYMOUS_WRITES_PER_MINUTE: '1000', WBS_IDENTITY_RETENTION_DAYS: '30' }, { clock });
    database = testApp.app.get(DATABASE);
    as.officer = bearer(await tokenFor({ roles: ['wbs_officer'], sub: 'officer-1', name: 'Petugas WBS Satu' }));
    as.dpo = bearer(await tokenFor({ roles: ['dpo'] }));
  });
  beforeEach(() => clock.setToday('2025-06-02'));
  afterAll(() => testApp.close());

  it('goes from filing to referral and closing: the reporter sees the messages and when the identity was read, never by whom or why', async () => {
    const filed = await http().post('/public/v1/wbs').send(report()).expect(201);
    const { trackingCode, followSecret } = filed.body;
    expect(trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect((await follow(trackingCode, followSecret).expect(200)).body).toEqual({
      trackingCode,
      status: 'RECEIVED',
      filedOn: '2025-06-02',
      closedOn: null,
      identityGiven: true,
      messages: [],
      identityReadings: [],
    });

    // The officers read the report, without the identity.
    const listed = await officer('get', '').set('X-Min-Position', filed.body.position).expect(200);
    const item = listed.body.items.find((one: { trackingCode: string }) => one.trackingCode === trackingCode);
    expect(item).toMatchObject({
      allegation: ALLEGATION,
      concerning: CONCERNING,
      evidenceUrls: ['https://bukti.example.org/kuitansi.jpg'],
      identityGiven: true,
    });
    expect(JSON.stringify(listed.body)).not.toMatch(/Rina|rina\.pelapor|followSecretHash|scrypt/);

    clock.setToday('2025-06-03');
    await officer('post', `/${trackingCode}/transitions`, { to: 'UNDER_REVIEW', reason: 'Ditelaah tim WBS' }).expect(200);
    await officer('post', `/${trackingCode}/messages`, { text: 'Apakah ada kuitansi asli?' }).expect(200);
    await http().post(`/public/v1/wbs/${trackingCode}/messages`).set('X-Follow-Secret', followSecret).send({ text: 'Ada, difoto di tautan bukti' }).expect(200);

    clock.setToday('2025-06-04');
    const read = await officer('post', `/${trackingCode}/identity-readings`, { reason: 'Perlu klarifikasi langsung dengan pelapor' }).expect(201);
    expect(read.body.identity).toEqual(IDENTITY);
    await officer('post', `/${trackingCode}/transitions`, { to: 'INVESTIGATING', reason: 'Bukti cukup' }).expect(200);
    await officer('post', `/${trackingCode}/transitions`, { to: 'REFERRED', reason: 'Dugaan pungli', reference: 'SABER-PUNGLI/2025/14' }).expect(200);
    clock.setToday('2025-06-10');
    const closedAt = await officer('post', `/${trackingCode}/transitions`, { to: 'CLOSED', reason: 'Diserahkan ke Saber Pungli' }).expect(200);

    const followed = await follow(trackingCode, followSecret).expect(200);
    expect(followed.body).toEqual({
      trackingCode,
      status: 'CLOSED',
      filedOn: '2025-06-02',
      closedOn: '2025-06-10',
      identityGiven: true,
      messages: [
        { from: 'OFFICER', text: 'Apakah ada kuitansi asli?', on: '2025-06-03' },
        { from: 'REPORTER', text: 'Ada, difoto di tautan bukti', on: '2025-06-03' },
      ],
      identityReadings: [{ on: '2025-06-04' }],
    });
    expect(JSON.stringify(followed.body)).not.toMatch(/Petugas|officer-1|klarifikasi|SABER/);
    await http().post(`/public/v1/wbs/${trackingCode}/messages`).set('X-Follow-Secret', followSecret).send({ text: 'Terima kasih' }).expect(422);

    const seen = await officer('get', `/${trackingCode}`).set('X-Min-Position', closedAt.body.position).expect(200);
    expect(seen.body).toMatchObject({
      status: 'CLOSED',
      reference: 'SABER-PUNGLI/2025/14',
      identityReadings: [{ on: '2025-06-04', reason: 'Perlu klarifikasi langsung dengan pelapor' }],
      moves: [
        { from: 'RECEIVED', to: 'UNDER_REVIEW' },
        { from: 'UNDER_REVIEW', to: 'INVESTIGATING' },
        { from: 'INVESTIGATING', to: 'REFERRED', reference: 'SABER-PUNGLI/2025/14' },
        { from: 'REFERRED', to: 'CLOSED' },
      ],
    });
    expect(seen.body).not.toHaveProperty('identity');

    // Everything said is ciphertext in the log, the reasons and the reference too.
    const { rows } = await database.pool.query<{ data: string }>('SELECT data::text AS data FROM kl_events WHERE stream_name = $1', [`wbs-${trackingCode}`]);
    const log = rows.map((row) => row.data).join('\n');
    expect(log).not.toMatch(SECRET_WORDS);
    expect(log).not.toMatch(/kuitansi asli|klarifikasi|SABER-PUNGLI|Diserahkan/);
    expect(log).not.toContain(followSecret);
  });

  it('answers a wrong secret, an unknown code and a missing secret with the same 404', async () => {
    const { trackingCode, followSecret } = await file();
    for (const answer of await Promise.all([
      follow(trackingCode, 'not-the-secret'),
      follow('ZZZZ-ZZZ2', followSecret),
      http().get(`/public/v1/wbs/${trackingCode}`),
      http().post(`/public/v1/wbs/${trackingCode}/messages`).set('X-Follow-Secret', 'nope').send({ text: 'Halo' }),
    ])) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'NOT_FOUND', detail: 'No such report' });
    }
  });

  it('lets no one but a WBS officer read or act on a report: not the admin, an inspector, the complaint desk, a unit or anyone anonymous', async () => {
    const { trackingCode, followSecret } = await file();
    const callers: Record<string, TokenClaims | null> = {
      anonymous: null,
      admin: { roles: ['admin'] },
      inspector: { roles: ['inspector'] },
      complaintDesk: { roles: ['complaint_admin'] },
      operator: { roles: ['opd_operator'], opd: 'DINKES' },
      head: { roles: ['opd_head'], opd: 'DINKES' },
      employee: { roles: ['employee'], nip: '198001012005011001' },
      appraiser: { roles: ['appraiser'], nip: '197501012000031002' },
      upg: { roles: ['upg'] },
      dpo: { roles: ['dpo'] },
      everyOtherRole: { roles: ['admin', 'inspector', 'complaint_admin', 'upg', 'dpo', 'opd_operator', 'opd_head'], opd: 'DINKES' },
    };
    const calls: Array<[method: 'get' | 'post', path: string, body?: object]> = [
      ['get', '/api/v1/wbs'],
      ['get', `/api/v1/wbs/${trackingCode}`],
      ['post', `/api/v1/wbs/${trackingCode}/identity-readings`, { reason: 'Ingin tahu' }],
      ['post', `/api/v1/wbs/${trackingCode}/transitions`, { to: 'UNDER_REVIEW', reason: 'Coba' }],
      ['post', `/api/v1/wbs/${trackingCode}/messages`, { text: 'Halo' }],
      ['get', `/api/v1/history/wbs/${trackingCode}`],
      ['get', `/api/v1/integrity/streams/wbs/${trackingCode}`],
      ['get', `/api/v1/wbs?format=csv`],
    ];
    const events = async () => Number((await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events')).rows[0].count);
    const before = await events();
    for (const [caller, claims] of Object.entries(callers)) {
      const headers = claims ? bearer(await tokenFor(claims)) : {};
      for (const [method, path, body] of calls) {
        const answer = await http()[method](path).set(headers).send(body);
        expect({ caller, path, status: answer.status }).toEqual({ caller, path, status: claims === null ? 401 : expect.any(Number) });
        expect({ caller, path, ok: answer.status < 300 }).toEqual({ caller, path, ok: false });
        expect(JSON.stringify(answer.body ?? '')).not.toMatch(SECRET_WORDS);
      }
    }
    expect(await events()).toBe(before);
    // The reporter's own view is the secret's, not a role's: with a token and without the secret it is a 404 too.
    await http().get(`/public/v1/wbs/${trackingCode}`).set(as.officer).expect(404);
    await follow(trackingCode, followSecret).expect(200);

    // The public side: counts by state for the year, regency-wide, and nothing in the feed.
    const figures = await http().get('/public/v1/wbs/figures/2025').expect(200);
    expect(figures.body).toEqual({
      year: 2025,
      total: expect.any(Number),
      byState: expect.objectContaining({ RECEIVED: expect.any(Number), CLOSED: expect.any(Number) }),
    });
    expect(Object.values(figures.body.byState as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(figures.body.total);
    const feed = await http().get('/public/v1/feed?limit=500').expect(200);
    expect(JSON.stringify(feed.body)).not.toMatch(SECRET_WORDS);
    expect(JSON.stringify(feed.body)).not.toContain(trackingCode);
  });

  it('refuses bad input with a 400 and writes nothing', async () => {
    const before = Number((await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events')).rows[0].count);
    for (const body of [
      report({ allegation: ' ' }),
      report({ concerning: undefined }),
      report({ evidenceUrls: ['javascript:alert(1)'] }),
      report({ evidenceUrls: Array.from({ length: 11 }, (_, index) => `https://bukti.example.org/${index}.jpg`) }),
      report({ identity: { name: 'Rina' } }),
      report({ allegation: 'x'.repeat(10_001) }),
    ])
      await http().post('/public/v1/wbs').send(body).expect(400);
    const { trackingCode } = await file(report({ identity: undefined }));
    await officer('post', `/${trackingCode}/transitions`, { to: 'INVESTIGATING', reason: 'Lompat' }).expect(422);
    await officer('post', `/${trackingCode}/transitions`, { to: 'RECEIVED', reason: 'Kembali' }).expect(400);
    // No identity given: none to read, and no reading recorded.
    const none = await officer('post', `/${trackingCode}/identity-readings`, { reason: 'Perlu' }).expect(422);
    expect(none.body.code).toBe('NO_IDENTITY');
    expect(Number((await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events')).rows[0].count)).toBe(before + 1);
  });

  it('erases the identity WBS_IDENTITY_RETENTION_DAYS after closing, and not a day before', async () => {
    const { trackingCode, followSecret } = await file();
    await officer('post', `/${trackingCode}/transitions`, { to: 'UNDER_REVIEW', reason: 'Ditelaah' }).expect(200);
    const closed = await officer('post', `/${trackingCode}/transitions`, { to: 'CLOSED', reason: 'Tidak terbukti' }).expect(200);
    await officer('get', `/${trackingCode}`).set('X-Min-Position', closed.body.position).expect(200);
    const retention = testApp.app.get(WbsRetention);
    // Closed on 2 June; kept 30 days, to 2 July.
    clock.setToday('2025-07-02');
    await retention.sweep();
    expect((await officer('post', `/${trackingCode}/identity-readings`, { reason: 'Arsip' }).expect(201)).body.identity).toEqual(IDENTITY);
    clock.setToday('2025-07-03');
    expect(await retention.sweep()).toBeGreaterThanOrEqual(1);
    // A second sweep finds nothing left to erase.
    expect(await retention.sweep()).toBe(0);
    const after = await officer('post', `/${trackingCode}/identity-readings`, { reason: 'Arsip' }).expect(201);
    expect(after.body.identity).toEqual({ name: null, contact: null });
    expect((await officer('get', `/${trackingCode}`).expect(200)).body).toMatchObject({ status: 'CLOSED', allegation: null, closedOn: '2025-06-02' });
    await follow(trackingCode, followSecret).expect(200);
    const erasures = await http().get('/api/v1/personal-data/erasures').set(as.dpo).expect(200);
    expect(erasures.body.items).toContainEqual(expect.objectContaining({ kind: 'WBS_REPORTER', legalBasis: 'WBS_IDENTITY_RETENTION_DAYS' }));
  });

  it('lets the DPO erase a reporter by tracking code', async () => {
    const { trackingCode, position } = await file();
    await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ subject: { wbs: trackingCode }, legalBasis: 'UU 27/2022 pasal 8', reason: 'Permintaan pelapor' })
      .expect(201);
    expect((await officer('get', `/${trackingCode}`).set('X-Min-Position', position).expect(200)).body).toMatchObject({
      allegation: null,
      concerning: null,
      evidenceUrls: [null],
    });
  });
});

/** The request log and the metrics of a real process: neither names a report, its words or its reporter. */
describe('a WBS report in the logs and metrics', () => {
  const METRICS_TOKEN = 'scrape-'.padEnd(40, 'x');
  let database: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await spawnApi({ DATABASE_URL: database.connectionString, LOG_LEVEL: 'info', METRICS_TOKEN });
  }, 60_000);
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await database?.drop();
  });

  it('leaves no allegation, identity, tracking code or secret in either', async () => {
    const filed = await fetch(`${api.url}/public/v1/wbs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report()) });
    expect(filed.status).toBe(201);
    const { trackingCode, followSecret } = (await filed.json()) as { trackingCode: string; followSecret: string };
    expect((await fetch(`${api.url}/public/v1/wbs/${trackingCode}`, { headers: { 'X-Follow-Secret': followSecret } })).status).toBe(200);
    const officerToken = await tokenFor({ roles: ['wbs_officer'] });
    const read = await fetch(`${api.url}/api/v1/wbs/${trackingCode}/identity-readings`, {
      method: 'POST',
      headers: { ...bearer(officerToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Klarifikasi' }),
    });
    expect(read.status).toBe(201);
    const metrics = await (await fetch(`${api.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    // The request lines are written after the answers: wait for the last one.
    for (let attempt = 0; attempt < 50 && !api.output().includes('identity-readings'); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
    const output = api.output();
    expect(output).toContain('/api/v1/wbs/[code]/identity-readings');
    for (const text of [output, metrics]) {
      expect(text).not.toMatch(SECRET_WORDS);
      expect(text).not.toContain(trackingCode);
      expect(text).not.toContain(followSecret);
    }
  });
});
