import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

/**
 * A write with an Idempotency-Key whose process dies after its events committed and before it
 * answered. The client retries with the same key, on another process. The retry must answer
 * what the first attempt did (201, the same revision) and append nothing: deciding again
 * would report a quarter twice (422) or count a follow-up's settled rupiah twice.
 */
// Each case starts an API process of its own (ts-node, then Nest) and waits out the takeover.
jest.setTimeout(90_000);

describe('a retried write whose first attempt died between its append and its answer', () => {
  const takeover = { IDEMPOTENCY_TAKEOVER_SECONDS: '1' };
  let testApp: TestApp;
  let database: Database;
  let crashing: ApiProcess | undefined;
  const http = () => request(testApp.app.getHttpServer());
  const year = new Date().getFullYear();
  const plan = `/api/v1/opds/DINKES/plans/${year}`;

  async function streamEvents(stream: string): Promise<string[]> {
    const { rows } = await database.pool.query<{ event_type: string }>('SELECT event_type FROM kl_events WHERE stream_name = $1 ORDER BY stream_revision', [
      stream,
    ]);
    return rows.map((row) => row.event_type);
  }

  /** Sends the request to a process that dies once its append has committed; the client sees the connection drop. */
  async function sendToProcessThatDies(eventType: string, path: string, headers: Record<string, string>, body: object): Promise<void> {
    crashing = await spawnApi({ ...testApp.databaseEnvironment, ...takeover, PROJECTIONS_INLINE: 'false', KL_CRASH_AFTER_APPENDING: eventType });
    const answer = await fetch(`${crashing.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(
      (response) => response.status,
      () => 'no answer',
    );
    expect(answer).toBe('no answer');
    expect(await crashing.exited).toBe('SIGKILL');
  }

  /** The retry, on the surviving process, once the dead attempt's claim on the key may be taken over. */
  async function retry(path: string, headers: Record<string, string>, body: object) {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    return http().post(path).set(headers).send(body);
  }

  beforeAll(async () => {
    testApp = await startTestApp(takeover);
    database = testApp.app.get(DATABASE);
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    await http().post('/api/v1/opds').set(admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
  });
  afterAll(async () => {
    crashing?.child.kill('SIGKILL');
    await testApp.close();
  });

  it('answers a retried quarterly report with the first attempt’s 201 and reports the quarter once', async () => {
    const operator = { ...bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' })), 'Idempotency-Key': 'report-q1' };
    const head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    const goals = [
      {
        code: 'G1',
        statement: 'Sehat',
        indicators: [{ code: 'I1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 }],
      },
    ];
    await http().post(plan).set(operator).set('Idempotency-Key', 'draft').send({ goals }).expect(201);
    await http().post(`${plan}/submit`).set(operator).set('Idempotency-Key', 'submit').expect(200);
    await http().post(`${plan}/approve`).set(head).expect(200);
    const report = { values: [{ indicatorCode: 'I1', value: 40 }] };

    await sendToProcessThatDies('RealisationReported', `${plan}/realisations/1`, operator, report);
    expect(await streamEvents(`plan-DINKES-${year}`)).toEqual(['PlanDrafted', 'PlanSubmitted', 'PlanApproved', 'RealisationReported']);

    const retried = await retry(`${plan}/realisations/1`, operator, report);
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ id: `DINKES-${year}`, revision: 3 });
    expect(retried.headers.etag).toBe('"3"');
    expect(await streamEvents(`plan-DINKES-${year}`)).toEqual(['PlanDrafted', 'PlanSubmitted', 'PlanApproved', 'RealisationReported']);
    // Settled now: the stored answer replays without running anything.
    const again = await http().post(`${plan}/realisations/1`).set(operator).send(report).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(retried.body);
  });

  it('sends an answer it could not store, and a retry answers from the stream without a second event', async () => {
    const admin = { ...bearer(await tokenFor({ roles: ['admin'] })), 'Idempotency-Key': 'register-bappeda' };
    const unit = { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah' };
    // The database refuses to store any answer while the first attempt runs.
    await database.pool.query(`CREATE FUNCTION kl_test_refuse_answers() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no answers'; END $$`);
    await database.pool.query(
      'CREATE TRIGGER kl_test_refuse_answers BEFORE UPDATE ON kl_idempotency_keys FOR EACH ROW EXECUTE FUNCTION kl_test_refuse_answers()',
    );
    let first: request.Response;
    try {
      first = await http().post('/api/v1/opds').set(admin).send(unit);
    } finally {
      await database.pool.query('DROP TRIGGER kl_test_refuse_answers ON kl_idempotency_keys');
      await database.pool.query('DROP FUNCTION kl_test_refuse_answers()');
    }
    expect(first.status).toBe(201);
    // Released, not left claimed: the retry runs at once instead of waiting out the takeover.
    const { rows } = await database.pool.query<{ claims: number }>('SELECT count(*)::int AS claims FROM kl_idempotency_keys WHERE status IS NULL');
    expect(rows[0].claims).toBe(0);

    const retried = await http().post('/api/v1/opds').set(admin).send(unit).expect(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body).toEqual(first.body);
    expect(await streamEvents('opd-BAPPEDA')).toEqual(['OpdRegistered']);
    const again = await http().post('/api/v1/opds').set(admin).send(unit).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('counts a retried follow-up’s settled amount once, and gives a retried finding the same id', async () => {
    const inspector = { ...bearer(await tokenFor({ roles: ['inspector'] })), 'Idempotency-Key': 'record-finding' };
    const finding = {
      opdCode: 'DINKES',
      reportNumber: 'LHP-07/2026',
      reportDate: `${year}-01-05`,
      title: 'Kelebihan pembayaran',
      condition: 'c',
      criteria: 'k',
      cause: 's',
      effect: 'a',
      category: 'NON_COMPLIANCE',
      recommendations: [{ text: 'Setorkan ke kas daerah', amountIdr: 10_000_000 }],
    };
    await sendToProcessThatDies('AuditFindingRecorded', '/api/v1/audit-findings', inspector, finding);
    const recorded = await retry('/api/v1/audit-findings', inspector, finding);
    expect(recorded.status).toBe(201);
    const { rows } = await database.pool.query<{ stream_name: string }>("SELECT stream_name FROM kl_events WHERE event_type = 'AuditFindingRecorded'");
    expect(rows.map((row) => row.stream_name)).toEqual([`finding-${recorded.body.id}`]);

    const operator = { ...bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' })), 'Idempotency-Key': 'settle-4m' };
    const followUp = { description: 'Setoran pertama', amountSettledIdr: 4_000_000 };
    const path = `/api/v1/audit-findings/${recorded.body.id}/recommendations/1/follow-ups`;
    await sendToProcessThatDies('FollowUpRecorded', path, operator, followUp);
    const retried = await retry(path, operator, followUp);
    expect(retried.status).toBe(201);
    expect(retried.body.revision).toBe(1);
    expect(await streamEvents(`finding-${recorded.body.id}`)).toEqual(['AuditFindingRecorded', 'FollowUpRecorded']);
    const read = await http().get(`/api/v1/audit-findings/${recorded.body.id}`).set(inspector).set('X-Min-Position', retried.body.position).expect(200);
    expect(read.body.recommendations[0].followUps.map((entry: { amountSettledIdr: number }) => entry.amountSettledIdr)).toEqual([4_000_000]);
  });
});
