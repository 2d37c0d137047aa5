import { EVENT_STORE, EventStore } from '@app/event-store';
import request from 'supertest';
import { ActorSeal } from '../../apps/api/src/commands/actor-seal';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

describe('OPD registry over HTTP', () => {
  let testApp: TestApp;
  let store: EventStore;
  let admin: Record<string, string>;
  let inspector: Record<string, string>;
  let dinkesOperator: Record<string, string>;
  let otherOperator: Record<string, string>;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp();
    store = testApp.app.get(EVENT_STORE);
    admin = bearer(await tokenFor({ roles: ['admin'], name: 'Admin Kabupaten' }));
    inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    dinkesOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    otherOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function register(code: string, name = `Unit ${code}`) {
    return http().post('/api/v1/opds').set(admin).send({ code, name }).expect(201);
  }

  async function streamLength(code: string) {
    return (await store.readStream(`opd-${code}`)).length;
  }

  describe('registering', () => {
    it('answers 201 with id, revision and position, and an ETag', async () => {
      const response = await register('DINKES', 'Dinas Kesehatan');
      expect(response.body).toEqual({ id: 'DINKES', revision: 0, position: expect.stringMatching(/^\d{20}-\d{20}$/) });
      expect(response.headers.etag).toBe('"0"');
      expect(response.headers.location).toBe('/api/v1/opds/DINKES');
    });

    it('is readable as soon as the answered position is applied', async () => {
      const { body } = await register('BAPPEDA', 'Badan Perencanaan');
      const response = await http().get('/api/v1/opds/BAPPEDA').set(dinkesOperator).set('X-Min-Position', body.position).expect(200);
      expect(response.body).toMatchObject({ code: 'BAPPEDA', name: 'Badan Perencanaan', status: 'ACTIVE', parentCode: null, revision: 0 });
      expect(response.headers.etag).toBe('"0"');
    });

    it("records the actor in the event, sealed under the person's key", async () => {
      await register('DISHUB');
      const [event] = await store.readStream('opd-DISHUB');
      expect(event.metadata.actor).toMatchObject({ name: expect.stringMatching(/^pd1:/), roles: ['admin'] });
      expect(await testApp.app.get(ActorSeal).open(event.metadata.actor)).toMatchObject({ name: 'Admin Kabupaten', roles: ['admin'] });
    });

    it('refuses a code that exists with 409 ALREADY_EXISTS', async () => {
      await register('DISPAR');
      const response = await http().post('/api/v1/opds').set(admin).send({ code: 'DISPAR', name: 'Again' }).expect(409);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 409, code: 'ALREADY_EXISTS' });
      expect(await streamLength('DISPAR')).toBe(1);
    });

    it('refuses an unknown parent with 422 and writes nothing', async () => {
      const response = await http().post('/api/v1/opds').set(admin).send({ code: 'UPT-1', name: 'UPT', parentCode: 'NOPE' }).expect(422);
      expect(response.body.code).toBe('UNKNOWN_PARENT');
      expect(await streamLength('UPT-1')).toBe(0);
    });
  });

  describe('refusing bad requests as problems, writing nothing', () => {
    it('answers 401 without a token, with a bad one and with an expired one', async () => {
      await http().get('/api/v1/opds').expect(401);
      const forged = bearer(await tokenFor({ roles: ['admin'] }, { secret: 'x'.repeat(40) }));
      const response = await http().post('/api/v1/opds').set(forged).send({ code: 'FORGED', name: 'x' }).expect(401);
      expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      const expired = bearer(await tokenFor({ roles: ['admin'] }, { expiresIn: '-1m' }));
      await http().get('/api/v1/opds').set(expired).expect(401);
      expect(await streamLength('FORGED')).toBe(0);
    });

    it('answers 403 when the role does not allow it', async () => {
      const response = await http().post('/api/v1/opds').set(dinkesOperator).send({ code: 'SNEAKY', name: 'x' }).expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(await streamLength('SNEAKY')).toBe(0);
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await http().post('/api/v1/opds').set(admin).set('Content-Type', 'application/json').send('{"code": ').expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|SyntaxError/);
    });

    it('answers 400 naming each bad or unknown field', async () => {
      const response = await http().post('/api/v1/opds').set(admin).send({ code: 'lower case', name: '  ', extra: 1 }).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['code', 'extra', 'name']);
    });

    it('answers 400 for a blank reason', async () => {
      await register('DISKOMINFO');
      const response = await http().patch('/api/v1/opds/DISKOMINFO').set(admin).send({ name: 'Dinas Kominfo', reason: '   ' }).expect(400);
      expect(response.body.errors).toEqual([{ field: 'reason', message: 'reason must not be blank' }]);
      expect(await streamLength('DISKOMINFO')).toBe(1);
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const response = await http()
        .post('/api/v1/opds')
        .set(admin)
        .send({ code: 'HUGE', name: 'x'.repeat(1024 * 1024 + 1) })
        .expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await streamLength('HUGE')).toBe(0);
    });

    it('answers 404 for an unknown unit and an unknown route', async () => {
      expect((await http().get('/api/v1/opds/NOPE').set(inspector).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await http().get('/api/v1/nothing-here').set(inspector).expect(404)).body.code).toBe('NOT_FOUND');
    });
  });

  describe('renaming and dissolving', () => {
    it('renames with a reason, recorded in the event', async () => {
      await register('DPMPTSP', 'Dinas Penanaman Modal');
      const response = await http()
        .patch('/api/v1/opds/DPMPTSP')
        .set(admin)
        .set('If-Match', '"0"')
        .send({ name: 'Dinas Penanaman Modal dan PTSP', reason: 'Perda 5/2025' })
        .expect(200);
      expect(response.body).toMatchObject({ id: 'DPMPTSP', revision: 1 });
      const [, renamed] = await store.readStream('opd-DPMPTSP');
      expect(renamed).toMatchObject({ type: 'OpdRenamed', metadata: { reason: 'Perda 5/2025' } });
    });

    it('answers 412 with the current revision for a stale If-Match', async () => {
      await register('DLH');
      await http().patch('/api/v1/opds/DLH').set(admin).send({ name: 'Dinas LH', reason: 'singkatan' }).expect(200);
      const response = await http().patch('/api/v1/opds/DLH').set(admin).set('If-Match', '"0"').send({ name: 'X', reason: 'y' }).expect(412);
      expect(response.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: 1 });
      expect(await streamLength('DLH')).toBe(2);
    });

    it('lets exactly one of ten concurrent writes with the same If-Match win', async () => {
      await register('BPBD');
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          http()
            .patch('/api/v1/opds/BPBD')
            .set(admin)
            .set('If-Match', '"0"')
            .send({ name: `BPBD ${i}`, reason: 'race' }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(9).fill(412)]);
      expect(await streamLength('BPBD')).toBe(2);
    });

    it('dissolves with a successor, after which the unit cannot be renamed', async () => {
      await register('DINSOS');
      await register('DINSOSP3A');
      await http().post('/api/v1/opds/DINSOS/dissolve').set(admin).send({ reason: 'merger', successorCode: 'DINSOSP3A' }).expect(200);
      const response = await http().patch('/api/v1/opds/DINSOS').set(admin).send({ name: 'X', reason: 'y' }).expect(422);
      expect(response.body.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('idempotency keys', () => {
    it('answers a retry with the first answer and writes nothing more', async () => {
      const send = () => http().post('/api/v1/opds').set(admin).set('Idempotency-Key', 'register-satpol').send({ code: 'SATPOL', name: 'Satpol PP' });
      const first = await send().expect(201);
      const retry = await send().expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(await streamLength('SATPOL')).toBe(1);
    });

    it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
      await http().post('/api/v1/opds').set(admin).set('Idempotency-Key', 'key-2').send({ code: 'DPRD', name: 'Sekretariat DPRD' }).expect(201);
      const response = await http().post('/api/v1/opds').set(admin).set('Idempotency-Key', 'key-2').send({ code: 'DPRD2', name: 'x' }).expect(409);
      expect(response.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await streamLength('DPRD2')).toBe(0);
    });
  });

  describe('reading', () => {
    it('lists units in pages with an opaque cursor', async () => {
      for (const code of ['PG-A', 'PG-B', 'PG-C']) await register(code);
      const { body: last } = await register('PG-D');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string | number> = { limit: 2, ...(cursor ? { cursor } : {}) };
        const response = await http().get('/api/v1/opds').query(query).set(inspector).set('X-Min-Position', last.position).expect(200);
        seen.push(...response.body.items.map((item: { code: string }) => item.code));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(seen.filter((code) => code.startsWith('PG-'))).toEqual(['PG-A', 'PG-B', 'PG-C', 'PG-D']);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('lists a unit registered or renamed after the same page was read', async () => {
      const { body: first } = await register('ZZ-A');
      const page = async (after: string) =>
        (await http().get('/api/v1/opds').query({ limit: 100 }).set(inspector).set('X-Min-Position', after).expect(200)).body.items.filter(
          (item: { code: string }) => item.code.startsWith('ZZ-'),
        );
      expect((await page(first.position)).map((item: { code: string }) => item.code)).toEqual(['ZZ-A']);
      const { body: second } = await register('ZZ-B');
      expect((await page(second.position)).map((item: { code: string }) => item.code)).toEqual(['ZZ-A', 'ZZ-B']);
      const renamed = await http()
        .patch('/api/v1/opds/ZZ-A')
        .set(admin)
        .set('If-Match', '"0"')
        .send({ name: 'Unit baru', reason: 'Perbup 3/2025' })
        .expect(200);
      expect((await page(renamed.body.position))[0]).toMatchObject({ code: 'ZZ-A', name: 'Unit baru' });
    });

    it('answers a past state with asOf, to the inspectorate and the unit itself only', async () => {
      await register('DINKES-ASOF', 'Nama Lama');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const between = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await http().patch('/api/v1/opds/DINKES-ASOF').set(admin).send({ name: 'Nama Baru', reason: 'rename' }).expect(200);
      const past = await http().get('/api/v1/opds/DINKES-ASOF').query({ asOf: between }).set(inspector).expect(200);
      expect(past.body).toMatchObject({ name: 'Nama Lama', revision: 0 });
      const own = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES-ASOF' }));
      await http().get('/api/v1/opds/DINKES-ASOF').query({ asOf: between }).set(own).expect(200);
      await http().get('/api/v1/opds/DINKES-ASOF').query({ asOf: between }).set(otherOperator).expect(403);
      await http().get('/api/v1/opds/DINKES-ASOF').query({ asOf: 'yesterday' }).set(inspector).expect(400);
    });

    it('answers 400 for a malformed X-Min-Position and 503 when it is not reached in time', async () => {
      await http().get('/api/v1/opds').set(inspector).set('X-Min-Position', 'soon').expect(400);
      const response = await http().get('/api/v1/opds').set(inspector).set('X-Min-Position', '99999999999999999999-99999999999999999999').expect(503);
      expect(response.body.code).toBe('UNAVAILABLE');
      expect(response.headers['retry-after']).toBe('1');
    }, 15000);
  });
});
