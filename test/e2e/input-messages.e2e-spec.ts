import request from 'supertest';
import { LedgerFixtures, seedLedger, YEAR } from '../support/ledger-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Issue #22: one message per field that says what to send, through the real app. */
describe('input messages', () => {
  let testApp: TestApp;
  let fixtures: LedgerFixtures;
  const http = () => request(testApp.app.getHttpServer());
  const plan = `/api/v1/opds/DINKES/plans/${YEAR}`;
  const indicator = { code: 'I1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST' };
  const goals = (fields: Record<string, unknown>) => [{ code: 'G1', statement: 'Derajat kesehatan', indicators: [{ ...indicator, ...fields }] }];

  beforeAll(async () => {
    testApp = await startTestApp();
    fixtures = await seedLedger(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('a misspelt field: the known one is required, the unknown one names it', async () => {
    const response = await http()
      .post(`/api/v1/opds/DINKES/plans/${YEAR + 3}`)
      .set(fixtures.as.operator)
      .send({ goals: goals({ annualtarget: 90 }) })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'goals.0.indicators.0.annualtarget', message: 'annualtarget is not a known field; did you mean annualTarget?' },
      { field: 'goals.0.indicators.0.annualTarget', message: 'annualTarget is required' },
    ]);
  });

  it('a number sent as text with a decimal comma: one message with an example', async () => {
    const response = await http()
      .post(`${plan}/realisations/2`)
      .set(fixtures.as.operator)
      .send({ values: [{ indicatorCode: 'I1', value: '22,5' }] })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'values.0.value', message: 'value must be a number, like 22.5 (a decimal point, not a comma, and no quotes)' },
    ]);
  });

  it('a correction without a reason: "reason is required", not a length rule', async () => {
    const response = await http()
      .post(`${plan}/realisations/1/corrections`)
      .set(fixtures.as.operator)
      .send({ values: [{ indicatorCode: 'I1', value: 82 }] })
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'reason', message: 'reason is required' }]);
  });

  it('a body without Content-Type: the 415 names application/json', async () => {
    const response = await http()
      .post(`${plan}/realisations/2`)
      .set(fixtures.as.operator)
      .set('Content-Type', '')
      .send(Buffer.from(JSON.stringify({ values: [{ indicatorCode: 'I1', value: 82 }] })))
      .expect(415);
    expect(response.body.detail).toMatch(/Content-Type: application\/json/);
  });

  it('asOf as a date alone: says what it takes, with an example', async () => {
    const response = await http().get(`/api/v1/audit-findings/${fixtures.findingId}`).query({ asOf: '2026-12-04' }).set(fixtures.as.inspector).expect(400);
    expect(response.body.errors).toEqual([
      { field: 'asOf', message: expect.stringMatching(/^must be a date with a time and a UTC offset, like 2026-12-04T23:59:59\+07:00/) },
    ]);
  });
});
