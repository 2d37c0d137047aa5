import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DATABASE } from '@app/platform';
import { Database } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { untilReadable } from '@app/event-store/testing/until-readable';
import request from 'supertest';
import { asSuperuser } from '../support/as-superuser';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

const ROOT = join(__dirname, '../..');

function runVerify(environment: Record<string, string>) {
  const environmentWithoutDatabase = { ...process.env };
  delete environmentWithoutDatabase.DATABASE_URL;
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/verify.ts'], {
    cwd: ROOT,
    env: { ...environmentWithoutDatabase, ...environment, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    encoding: 'utf8',
    timeout: 60000,
  });
}

describe('history, integrity and the public integrity head', () => {
  let testApp: TestApp;
  let admin: Record<string, string>;
  let inspector: Record<string, string>;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_SECONDS: '0' });
    admin = bearer(await tokenFor({ roles: ['admin'], name: 'Admin' }));
    inspector = bearer(await tokenFor({ roles: ['inspector'], name: 'Auditor' }));
    await http().post('/api/v1/opds').set(admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
    await http().patch('/api/v1/opds/DINKES').set(admin).send({ name: 'Dinas Kesehatan Kota', reason: 'Perda 3/2025' }).expect(200);
    await http().post('/api/v1/opds').set(admin).send({ code: 'DISDIK', name: 'Dinas Pendidikan' }).expect(201);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('shows the inspectorate every event of a stream in order, with actor and reason', async () => {
    const { body } = await http().get('/api/v1/history/opd/DINKES').set(inspector).expect(200);
    expect(body.items.map((item: { type: string }) => item.type)).toEqual(['OpdRegistered', 'OpdRenamed']);
    expect(body.items[1]).toMatchObject({
      revision: 1,
      reason: 'Perda 3/2025',
      actor: { name: 'Admin', roles: ['admin'] },
      data: { code: 'DINKES', name: 'Dinas Kesehatan Kota', previousName: 'Dinas Kesehatan' },
      position: expect.stringMatching(/^\d{20}-\d{20}$/),
    });
  });

  it('shows a unit its own history only', async () => {
    await http()
      .get('/api/v1/history/opd/DINKES')
      .set(bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' })))
      .expect(200);
    await http()
      .get('/api/v1/history/opd/DINKES')
      .set(bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' })))
      .expect(403);
    await http().get('/api/v1/history/opd/DINKES').set(admin).expect(403);
    await http().get('/api/v1/history/opd/DINKES').expect(401);
  });

  it('answers 400 for an unknown stream type and 404 for an unknown resource', async () => {
    expect((await http().get('/api/v1/history/budget/DINKES').set(inspector).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await http().get('/api/v1/history/plan/DINKES-2031').set(inspector).expect(404);
  });

  it('verifies a stream for the inspectorate only', async () => {
    expect((await http().get('/api/v1/integrity/streams/opd/DINKES').set(inspector).expect(200)).body).toEqual({ valid: true, events: 2 });
    await http()
      .get('/api/v1/integrity/streams/opd/DINKES')
      .set(bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' })))
      .expect(403);
  });

  it('publishes the latest integrity checkpoint to anyone', async () => {
    let response = await http().get('/public/v1/integrity/head');
    for (let i = 0; i < 50 && response.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      response = await http().get('/public/v1/integrity/head');
    }
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      sequence: expect.any(Number),
      position: expect.stringMatching(/^\d{20}-\d{20}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('names the revision of an event altered in the database, and npm run verify fails', async () => {
    await asSuperuser(
      testApp.app.get<Database>(DATABASE),
      `UPDATE kl_events SET data = jsonb_set(data, '{name}', '"Dinas Lain"') WHERE stream_name = 'opd-DISDIK' AND stream_revision = 0`,
    );
    const { body } = await http().get('/api/v1/integrity/streams/opd/DISDIK').set(inspector).expect(200);
    expect(body).toEqual({ valid: false, events: 1, firstInvalidRevision: 0 });

    // The CLI reads the global log, which shows events once every older transaction anywhere
    // on the server has finished (other test files hold some open on purpose).
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    await untilReadable(store, (await store.readStream('opd-DISDIK'))[0].position);
    const verify = runVerify(testApp.databaseEnvironment);
    expect(verify.stderr).toContain('MISMATCH stream opd-DISDIK at revision 0');
    expect(verify.status).toBe(1);
  }, 90000);
});
