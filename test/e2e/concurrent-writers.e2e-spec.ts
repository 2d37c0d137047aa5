import request from 'supertest';
import { LedgerFixtures, seedLedger, YEAR } from '../support/ledger-fixtures';
import { ApiProcess, spawnApi } from '../support/spawn-api';
import { startTestApp, TestApp } from '../support/test-app';

const WRITERS = 50;

/**
 * Writes without If-Match to one stream, from many clients at once and through two processes:
 * they queue in each process and retry across processes, so every one lands, one revision after
 * another, and none answers 412 (the client never named a revision).
 */
describe('concurrent writers without If-Match', () => {
  let testApp: TestApp;
  let other: ApiProcess;
  let fixtures: LedgerFixtures;
  const plan = `/api/v1/opds/DINKES/plans/${YEAR}`;

  beforeAll(async () => {
    testApp = await startTestApp();
    fixtures = await seedLedger(testApp);
    other = await spawnApi({ ...testApp.databaseEnvironment, PROJECTIONS_INLINE: 'false' });
  }, 60_000);
  afterAll(async () => {
    other?.child.kill('SIGTERM');
    await other?.exited;
    await testApp.close();
  });

  it(`${WRITERS} corrections of one plan, half through each process, all land with consecutive revisions`, async () => {
    const before = await fixtures.eventCount();
    const correction = (n: number) => ({ reason: `Koreksi ${n}`, values: [{ indicatorCode: 'I1', value: 50 + n }] });
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, async (_, n) => {
        if (n % 2 === 0) {
          const response = await request(testApp.app.getHttpServer()).post(`${plan}/realisations/1/corrections`).set(fixtures.as.operator).send(correction(n));
          return { status: response.status, body: response.body as { revision: number } };
        }
        const response = await fetch(`${other.url}${plan}/realisations/1/corrections`, {
          method: 'POST',
          headers: { ...fixtures.as.operator, 'Content-Type': 'application/json' },
          body: JSON.stringify(correction(n)),
        });
        return { status: response.status, body: (await response.json()) as { revision: number } };
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(WRITERS).fill(201));
    const revisions = answers.map((answer) => answer.body.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: WRITERS }, (_, n) => revisions[0] + n));
    expect(await fixtures.eventCount()).toBe(before + WRITERS);
  }, 60_000);
});
