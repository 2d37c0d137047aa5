import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

describe('operations: health, OpenAPI and metrics', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is live', async () => {
    expect((await http().get('/health/live').expect(200)).body.status).toBe('ok');
  });

  it('is ready once its database and event store answer, without a token', async () => {
    const { body } = await http().get('/health/ready').expect(200);
    expect(body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, eventStore: { status: 'up', adapter: 'postgres' } } });
  });

  it('describes every endpoint in OpenAPI and serves Swagger UI', async () => {
    const { body } = await http().get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/opds',
        '/api/v1/opds/{code}',
        '/api/v1/opds/{code}/dissolve',
        '/api/v1/opds/{code}/plans',
        '/api/v1/opds/{code}/plans/{year}',
        '/api/v1/opds/{code}/plans/{year}/submit',
        '/api/v1/opds/{code}/plans/{year}/approve',
        '/api/v1/opds/{code}/plans/{year}/return',
        '/api/v1/opds/{code}/plans/{year}/revisions',
        '/api/v1/opds/{code}/plans/{year}/realisations/{quarter}',
        '/api/v1/opds/{code}/plans/{year}/realisations/{quarter}/corrections',
        '/api/v1/audit-findings',
        '/api/v1/audit-findings/summary',
        '/api/v1/audit-findings/{id}',
        '/api/v1/audit-findings/{id}/recommendations/{no}/follow-ups',
        '/api/v1/audit-findings/{id}/recommendations/{no}/assessments',
        '/api/v1/audit-findings/{id}/recommendations/{no}/delay-reasons',
        '/api/v1/history/{streamType}/{id}',
        '/public/v1/integrity/head',
      ]),
    );
    expect(body.components.schemas.RegisterOpdDto.required).toEqual(expect.arrayContaining(['code', 'name']));
    expect(body.components.schemas.IndicatorDto.properties.polarity.enum).toEqual(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']);
    expect(body.components.schemas.RecordAuditFindingDto.required).toEqual(expect.arrayContaining(['opdCode', 'reportNumber', 'recommendations']));
    expect(body.components.schemas).toHaveProperty('PlanViewDto');
    expect(body.components.schemas).toHaveProperty('FindingViewDto');
    await http().get('/docs').redirects(1).expect(200);
  });

  it('exposes Prometheus metrics with HTTP latency by route template and projection lag', async () => {
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    await http().post('/api/v1/opds').set(admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
    await http().get('/api/v1/opds/DINKES').set(admin);
    const { text } = await http().get('/metrics').expect(200);
    expect(text).toMatch(/kl_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/opds\/:code"/);
    expect(text).not.toContain('DINKES');
    expect(text).toMatch(/kl_projection_lag_seconds\{projection="opd-registry"\} \d/);
  });

  it('exposes the stream cache’s size, bound and hit ratio', async () => {
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    await http().post('/api/v1/opds').set(admin).send({ code: 'DISDIK', name: 'Dinas Pendidikan' }).expect(201);
    // Writes decide on the snapshot the last one left; reads of the stream itself are what it
    // caches: the first history read takes it from the database, the second from the cache.
    const inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    for (let read = 0; read < 2; read++) await http().get('/api/v1/history/opd/DISDIK').set(inspector).expect(200);
    const { text } = await http().get('/metrics').expect(200);
    expect(Number(/^kl_stream_cache_bytes\{of="used"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/kl_stream_cache_bytes\{of="max"\} 67108864/);
    expect(Number(/^kl_stream_cache_hit_ratio (\S+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
  });

  it('answers repeated reads from the read cache, and a read that waits for a write with the write', async () => {
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    const registered = await http().post('/api/v1/opds').set(admin).send({ code: 'DISHUB', name: 'Dinas Perhubungan' }).expect(201);
    for (let i = 0; i < 3; i++) {
      const read = await http().get('/api/v1/opds/DISHUB').set(admin).set('X-Min-Position', registered.body.position).expect(200);
      expect(read.body.name).toBe('Dinas Perhubungan');
    }
    const renamed = await http().patch('/api/v1/opds/DISHUB').set(admin).send({ name: 'Dinas Perhubungan Kabupaten', reason: 'Perbup' }).expect(200);
    const read = await http().get('/api/v1/opds/DISHUB').set(admin).set('X-Min-Position', renamed.body.position).expect(200);
    expect(read.body).toMatchObject({ name: 'Dinas Perhubungan Kabupaten', revision: 1 });
    expect(read.headers.etag).toBe('"1"');

    const { text } = await http().get('/metrics').expect(200);
    expect(Number(/^kl_read_cache_bytes\{of="used"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/kl_read_cache_bytes\{of="max"\} 16777216/);
    expect(Number(/^kl_read_cache_hit_ratio (\S+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
  });

  it('echoes a request id', async () => {
    const response = await http().get('/health/live').set('X-Request-Id', 'trace-123').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
  });
});
