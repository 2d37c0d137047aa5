import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import fc from 'fast-check';
import { endpointsOf, HostileRequest, hostileRequest, OpenApiDocument, wellFormedRequest } from '../support/hostile-requests';
import { LedgerFixtures, seedLedger, writeCalls } from '../support/ledger-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

/** At least 10,000 requests a run (FUZZ_RUNS to change it); FUZZ_SEED replays a run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** What no answer may carry: a stack frame, a source or install path, SQL or our table names. */
const LEAKS = [
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/,
  /\.(ts|js):\d+/,
  /node_modules|\/work\/|\/home\/|\/usr\/|[A-Z]:\\/,
  /\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b/,
  /\bkl_(events|streams|append)|\brm_\w+_[ab]\b|relation "|syntax error at|violates .* constraint|invalid input syntax/i,
];

/**
 * Issue #11's fuzz suite: requests generated from the OpenAPI document (/docs-json) with
 * fast-check, to every endpoint as every role, with hostile bodies, headers, path and query
 * values, run in-process through Fastify's inject. It fails on any 5xx, on an error that is not
 * a problem document or that leaks internals, and on any event appended by a refused request.
 */
describe('fuzzing every endpoint from the OpenAPI document', () => {
  let testApp: TestApp;
  let fixtures: LedgerFixtures;
  let database: Database;
  let document: OpenApiDocument;
  const statuses = new Map<number, number>();
  const perEndpoint = new Map<string, number>();

  beforeAll(async () => {
    // Checkpoints record nothing in kl_events, but keep the log quiet between counts anyway.
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_SECONDS: '86400', INTEGRITY_CHECKPOINT_EVENTS: '100000' });
    fixtures = await seedLedger(testApp);
    database = testApp.app.get(DATABASE);
    document = JSON.parse((await testApp.app.inject({ method: 'GET', url: '/docs-json' })).body) as OpenApiDocument;
  });
  afterAll(async () => {
    const byStatus = Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b));
    // The run's outcome, for the CI log: how the hostile requests were answered.
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests by status ${JSON.stringify(byStatus)}`);
    await testApp?.close();
  });

  const eventCount = async () => Number((await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events')).rows[0].count);
  const streamRevisions = async () =>
    new Map(
      (await database.pool.query<{ stream_name: string; revision: string }>('SELECT stream_name, revision FROM kl_streams')).rows.map((row) => [
        row.stream_name,
        row.revision,
      ]),
    );

  it(`answers ${RUNS} hostile requests without a 5xx, a leak or a write that was refused`, async () => {
    const endpoints = endpointsOf(document);
    expect(endpoints.length).toBeGreaterThan(40);
    const callers = [
      {},
      { Authorization: 'Bearer garbage' },
      { Authorization: 'Basic YWRtaW46YWRtaW4=' },
      ...Object.values(fixtures.as),
      bearer(await tokenFor({ roles: ['opd_operator', 'opd_head', 'inspector', 'admin'], opd: 'DINKES' })),
      bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' })),
    ];
    // The fixtures' accepted bodies, by the template their path matches.
    const calls = writeCalls(fixtures);
    const callOf = (template: string, method: string) =>
      calls.find((call) => call.method.toUpperCase() === method && new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(call.path));
    const readers = Object.values(fixtures.as);
    // One request in four is well formed, so that a fair share gets past authentication and
    // validation to the deciders and the store; the rest are hostile somewhere.
    const requests = fc.oneof(
      ...endpoints.map((endpoint) =>
        fc.oneof(
          { weight: 3, arbitrary: hostileRequest(document, endpoint, callers, fixtures.findingId, callOf(endpoint.path, endpoint.method)?.body) },
          { weight: 1, arbitrary: wellFormedRequest(endpoint, fixtures.findingId, readers, callOf(endpoint.path, endpoint.method)) },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const before = await eventCount();
        const revisions = await streamRevisions();
        const response = await testApp.app.inject({ method: request.method, url: request.url, headers: request.headers, payload: request.payload });
        const key = `${request.method} ${request.endpoint.path}`;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        perEndpoint.set(key, (perEndpoint.get(key) ?? 0) + 1);
        const problems = await failures(response, before, revisions);
        if (problems.length > 0)
          throw new Error(`${summary(request)}\nanswered ${response.statusCode}: ${response.body.slice(0, 500)}\n${problems.join('\n')}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Every endpoint was called, many times over.
    expect(Math.min(...endpoints.map((endpoint) => perEndpoint.get(`${endpoint.method} ${endpoint.path}`) ?? 0))).toBeGreaterThan(20);
  }, 600_000);

  async function failures(response: { statusCode: number; body: string; headers: Record<string, unknown> }, before: number, revisions: Map<string, string>) {
    const found: string[] = [];
    if (response.statusCode >= 500) found.push(`a ${response.statusCode}`);
    if (response.statusCode < 400) return found;
    if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) found.push(`an error as ${String(response.headers['content-type'])}`);
    for (const leak of LEAKS) if (leak.test(response.body)) found.push(`the answer leaks ${leak}`);
    const after = await eventCount();
    if (after !== before) {
      const moved = [...(await streamRevisions())].filter(([stream, revision]) => revisions.get(stream) !== revision).map(([stream]) => stream);
      found.push(`a refused request appended ${after - before} events to ${moved.join(', ')}`);
    }
    return found;
  }
});

function summary(request: HostileRequest): string {
  return `${request.method} ${request.url}\n${JSON.stringify(request.headers)}\n${(request.payload ?? '').slice(0, 300)}`;
}
