import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const EMPLOYEE = '198001012005011001';
const OTHER = '199001012015012001';
// 2025-06-16 is a Monday; receipt on Monday 2025-06-02 makes 10 working days to it.
const TODAY = '2025-06-16';
const gift = (overrides: object = {}) => ({
  receivedOn: '2025-06-02',
  giverRelation: 'Rekanan pengadaan alat kesehatan',
  form: 'GOODS',
  description: 'Parsel berisi jam tangan',
  valueIdr: 2_500_000,
  occasion: 'OTHER',
  opdCode: 'DINKES',
  ...overrides,
});

describe('gratification over HTTP', () => {
  const clock = new TestClock(TODAY);
  let testApp: TestApp;
  let database: Database;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  async function list(headers: Headers, position: string, query = '') {
    return (await http().get(`/api/v1/gratifications${query}`).set(headers).set('X-Min-Position', position).expect(200)).body.items as Array<
      Record<string, unknown>
    >;
  }

  beforeAll(async () => {
    testApp = await startTestApp({ HOLIDAYS: '2025-05-29' }, { clock });
    database = testApp.app.get(DATABASE);
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.employee = bearer(await tokenFor({ roles: ['employee'], nip: EMPLOYEE, name: 'Siti Aminah' }));
    as.other = bearer(await tokenFor({ roles: ['employee'], nip: OTHER }));
    as.upg = bearer(await tokenFor({ roles: ['upg'] }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    as.dpo = bearer(await tokenFor({ roles: ['dpo'] }));
    await http().post('/api/v1/opds').set(as.admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
  });
  beforeEach(() => clock.setToday(TODAY));
  afterAll(() => testApp.close());

  it('reports on the 10th working day on time, and the UPG forwards, records KPK’s decision and the hand-over', async () => {
    const reported = await http().post('/api/v1/gratifications').set(as.employee).send(gift()).expect(201);
    expect(reported.body).toMatchObject({
      late: false,
      exemptCandidate: false,
      kpkMaySeize: false,
      warning: null,
      workingDaysToReport: 10,
      forwardDueOn: '2025-06-30',
    });
    expect(reported.headers.location).toBe(`/api/v1/gratifications/${reported.body.id}`);
    const id = reported.body.id as string;

    clock.setToday('2025-06-30');
    const forwarded = await http()
      .post(`/api/v1/gratifications/${id}/forward`)
      .set(as.upg)
      .send({ kpkReference: 'KPK/2025/1', forwardedOn: '2025-06-30' })
      .expect(200);
    await http().post(`/api/v1/gratifications/${id}/hand-over`).set(as.upg).send({ date: '2025-06-30', receipt: 'BA-1' }).expect(422);
    await http().post(`/api/v1/gratifications/${id}/decision`).set(as.upg).send({ decision: 'MILIK_NEGARA', decreeNumber: 'SK-1' }).expect(200);
    const handed = await http().post(`/api/v1/gratifications/${id}/hand-over`).set(as.upg).send({ date: '2025-06-30', receipt: 'BA-1' }).expect(200);
    expect(forwarded.body.revision).toBe(1);

    const [item] = (await list(as.upg, handed.body.position)).filter((candidate) => candidate.id === id);
    expect(item).toMatchObject({ status: 'HANDED_OVER', nip: EMPLOYEE, description: 'Parsel berisi jam tangan', forwardLate: false, late: false });
  });

  it('counts HOLIDAYS out: a gift of 2025-05-28 is 12 working days before (13 without the holiday of 05-29), late; past 30 it warns of KPK', async () => {
    const late = await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send(gift({ receivedOn: '2025-05-28' }))
      .expect(201);
    expect(late.body).toMatchObject({ late: true, workingDaysToReport: 12, kpkMaySeize: false });
    const veryLate = await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send(gift({ receivedOn: '2025-04-01' }))
      .expect(201);
    expect(veryLate.body.kpkMaySeize).toBe(true);
    expect(veryLate.body.warning).toMatch(/milik negara/);
    const flagged = await list(as.upg, veryLate.body.position, '?late=true');
    expect(flagged.map((item) => item.id)).toEqual(expect.arrayContaining([late.body.id, veryLate.body.id]));
  });

  it('marks the exemption candidates of GRATIFICATION_EXEMPTIONS, records them, and lets the UPG close one as exempt', async () => {
    const wedding = await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send(gift({ occasion: 'WEDDING', valueIdr: 1_500_000 }))
      .expect(201);
    expect(wedding.body.exemptCandidate).toBe(true);
    const colleague = await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send(gift({ occasion: 'COLLEAGUE', valueIdr: 500_001 }))
      .expect(201);
    expect(colleague.body.exemptCandidate).toBe(false);
    await http().post(`/api/v1/gratifications/${wedding.body.id}/close-exempt`).set(as.upg).send({ reason: 'Hadiah pernikahan dalam batas' }).expect(200);
    await http().post(`/api/v1/gratifications/${wedding.body.id}/forward`).set(as.upg).send({ kpkReference: 'K', forwardedOn: TODAY }).expect(422);
  });

  it('is late for forwarding once the 10th working day has passed', async () => {
    const reported = await http().post('/api/v1/gratifications').set(as.employee).send(gift()).expect(201);
    clock.setToday('2025-07-01');
    const items = await list(as.upg, reported.body.position, '?late=true');
    expect(items.find((item) => item.id === reported.body.id)).toMatchObject({ forwardLate: true });
    const forwarded = await http()
      .post(`/api/v1/gratifications/${reported.body.id}/forward`)
      .set(as.upg)
      .send({ kpkReference: 'K', forwardedOn: '2025-07-01' })
      .expect(200);
    const after = await list(as.upg, forwarded.body.position);
    expect(after.find((item) => item.id === reported.body.id)).toMatchObject({ status: 'FORWARDED', forwardLate: true });
  });

  it('raises GRATIFICATION_REPORTED_LATE and GRATIFICATION_FORWARD_LATE in the red-flag register, naming no one', async () => {
    const reported = await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send(gift({ receivedOn: '2025-05-28' }))
      .expect(201);
    const flagsOn = async (today: string, position: string) => {
      clock.setToday(today);
      const page = await http().get('/api/v1/dashboards/red-flags?opd=DINKES&limit=500').set(as.inspector).set('X-Min-Position', position).expect(200);
      const items = page.body.items as Array<{ code: string; stream: string }>;
      expect(JSON.stringify(items)).not.toContain(EMPLOYEE);
      return items
        .filter((flag) => flag.stream === `gratification-${reported.body.id}`)
        .map((flag) => flag.code)
        .sort();
    };
    // forwardDueOn is 2025-06-30: on it the forwarding is not late yet, the day after it is.
    expect(await flagsOn('2025-06-30', reported.body.position)).toEqual(['GRATIFICATION_REPORTED_LATE']);
    expect(await flagsOn('2025-07-01', reported.body.position)).toEqual(['GRATIFICATION_FORWARD_LATE', 'GRATIFICATION_REPORTED_LATE']);
  });

  it('lists an employee’s own reports only, and lets only employees report and the UPG act', async () => {
    const own = await http().post('/api/v1/gratifications').set(as.other).send(gift()).expect(201);
    const mine = await list(as.other, own.body.position);
    expect(mine.map((item) => item.id)).toEqual([own.body.id]);
    expect(mine[0].nip).toBe(OTHER);
    await http().post('/api/v1/gratifications').set(as.upg).send(gift()).expect(403);
    await http().post('/api/v1/gratifications').set(as.inspector).send(gift()).expect(403);
    await http().post(`/api/v1/gratifications/${own.body.id}/forward`).set(as.employee).send({ kpkReference: 'K', forwardedOn: TODAY }).expect(403);
    await http().get('/api/v1/gratifications').set(as.inspector).expect(403);
    await http().post('/api/v1/gratifications/not-an-id/forward').set(as.upg).send({ kpkReference: 'K', forwardedOn: TODAY }).expect(404);
  });

  it.each<[string, object]>([
    ['a negative value', gift({ valueIdr: -1 })],
    ['a fractional value', gift({ valueIdr: 1.5 })],
    ['an unknown occasion', gift({ occasion: 'BIRTHDAY' })],
    ['a blank description', gift({ description: '  ' })],
    ['an impossible date', gift({ receivedOn: '2025-02-30' })],
    ['an unknown field', { ...gift(), nip: OTHER }],
  ])('refuses %s with a 400 and writes nothing', async (_name, body) => {
    const before = await eventCount();
    expect((await http().post('/api/v1/gratifications').set(as.employee).send(body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a gift received after today, and a unit never registered, with a 422', async () => {
    expect(
      (
        await http()
          .post('/api/v1/gratifications')
          .set(as.employee)
          .send(gift({ receivedOn: '2025-06-17' }))
          .expect(422)
      ).body.code,
    ).toBe('DATE_IN_FUTURE');
    expect(
      (
        await http()
          .post('/api/v1/gratifications')
          .set(as.employee)
          .send(gift({ opdCode: 'NOPE' }))
          .expect(422)
      ).body.code,
    ).toBe('UNKNOWN_OPD');
  });

  it('publishes per OPD and year the number of reports, their total value and the share on time, without names', async () => {
    await http().post('/api/v1/opds').set(as.admin).send({ code: 'DISHUB', name: 'Dinas Perhubungan' }).expect(201);
    await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send(gift({ opdCode: 'DISHUB', valueIdr: 100_000 }))
      .expect(201);
    await http()
      .post('/api/v1/gratifications')
      .set(as.other)
      .send(gift({ opdCode: 'DISHUB', valueIdr: 200_000 }))
      .expect(201);
    const last = await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send(gift({ opdCode: 'DISHUB', valueIdr: 300_001, receivedOn: '2025-05-02' }))
      .expect(201);
    const figures = await http().get('/public/v1/participation/DISHUB/2025').set('X-Min-Position', last.body.position).expect(200);
    // 2 of 3 on time: 66.666… → 66.67.
    expect(figures.body).toMatchObject({
      opdCode: 'DISHUB',
      year: 2025,
      gratification: { reports: 3, totalValueIdr: 600_001, reportedOnTime: 2, reportedOnTimePercent: 66.67 },
      surveys: [],
    });
    expect(JSON.stringify(figures.body)).not.toMatch(new RegExp(`${EMPLOYEE}|${OTHER}|Parsel|Rekanan`));
    const none = await http().get('/public/v1/participation/DISHUB/2024').expect(200);
    expect(none.body.gratification).toEqual({ reports: 0, totalValueIdr: 0, reportedOnTime: 0, reportedOnTimePercent: null });
    await http().get('/public/v1/participation/dishub!/2025').expect(400);
  });

  it('keeps the reporter’s NIP and what may name a person only as ciphertext, and erases them through the erasure endpoint', async () => {
    const nip = '198505052010012003';
    const reporter = bearer(await tokenFor({ roles: ['employee'], nip }));
    const reported = await http()
      .post('/api/v1/gratifications')
      .set(reporter)
      .send(gift({ description: 'Dari Bapak Hartono' }))
      .expect(201);
    const { rows } = await database.pool.query<{ text: string }>(`SELECT stream_name || data::text AS text FROM kl_events WHERE stream_name = $1`, [
      `gratification-${reported.body.id}`,
    ]);
    expect(rows[0].text).not.toContain(nip);
    expect(rows[0].text).not.toContain('Hartono');
    expect(rows[0].text).not.toContain('Rekanan');
    await list(as.upg, reported.body.position);
    const readModel = await database.pool.query<{ text: string }>(`SELECT string_agg(t::text, '') AS text FROM rm_gratification_a t`);
    expect(readModel.rows[0].text).toContain(reported.body.id);
    expect(readModel.rows[0].text).not.toContain(nip);

    await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ subject: { nip }, legalBasis: 'UU 27/2022 pasal 8', reason: 'Permintaan subjek data' })
      .expect(201);
    const after = await list(as.upg, reported.body.position);
    expect(after.find((item) => item.id === reported.body.id)).toMatchObject({
      nip: null,
      description: null,
      giverRelation: null,
      erased: true,
      valueIdr: 2_500_000,
    });
  });
});
