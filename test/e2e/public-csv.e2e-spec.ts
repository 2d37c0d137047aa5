import request from 'supertest';
import { binary } from '../support/pdf-text';
import { csvLines } from '../support/spreadsheets';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

const GOALS = [
  {
    code: 'G1',
    statement: 'Derajat kesehatan',
    indicators: [{ code: 'I1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 80 }],
  },
];

describe('public CSV downloads', () => {
  const clock = new TestClock('2025-05-02');
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  let lastWrite = '';
  const csv = (path: string) => http().get(path).set('X-Min-Position', lastWrite).buffer(true).parse(binary);

  beforeAll(async () => {
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_EVENTS: '1' }, { clock });
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    const head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    const inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    for (const code of ['DINKES', 'DISDIK'])
      await http()
        .post('/api/v1/opds')
        .set(admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
    await http().post('/api/v1/opds/DINKES/plans/2025').set(operator).send({ goals: GOALS }).expect(201);
    await http().post('/api/v1/opds/DINKES/plans/2025/submit').set(operator).expect(200);
    await http().post('/api/v1/opds/DINKES/plans/2025/approve').set(head).expect(200);
    await http()
      .post('/api/v1/opds/DINKES/plans/2025/realisations/1')
      .set(operator)
      .send({ values: [{ indicatorCode: 'I1', value: 72 }] })
      .expect(201);
    lastWrite = (
      await http()
        .post('/api/v1/audit-findings')
        .set(inspector)
        .send({
          opdCode: 'DISDIK',
          reportNumber: 'LHP-01/2025',
          reportDate: '2025-03-01',
          receivedDate: '2025-03-03',
          title: 'Kelebihan bayar',
          condition: 'c',
          criteria: 'c',
          cause: 'c',
          effect: 'c',
          category: 'NON_COMPLIANCE',
          amountIdr: 7_250_000,
          recommendations: [{ text: 'Setor', amountIdr: 7_250_000 }],
        })
        .expect(201)
    ).body.position;
    // The checkpointer runs on its own clock: wait until a head covers the writes above. A head
    // short of them is replaced by the next, and the CSV names its head, so its ETag would change
    // between two requests of one test.
    const headCovers = async () => {
      const head = await http().get('/public/v1/integrity/head');
      return head.status === 200 && String(head.body.position) >= lastWrite;
    };
    for (let attempt = 0; attempt < 100 && !(await headCovers()); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await headCovers()).toBe(true);
  });
  afterAll(() => testApp.close());

  it('gives the ranking to anyone, tied to the ledger by its integrity head and Last-Modified', async () => {
    const answer = await csv('/public/v1/regency/2025.csv').expect(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="Peringkat-Kabupaten-2025.csv"');
    const head = (await http().get('/public/v1/integrity/head').expect(200)).body;
    const lines = csvLines(answer);
    expect(lines[0]).toBe('# Sumber: /public/v1/regency/2025 (kinerja-ledger, data terbuka)');
    expect(lines[1]).toMatch(/^# Kepala integritas: urutan \d+; posisi \d{20}-\d{20}; hash [0-9a-f]{64}; dicatat /);
    const sequence = Number(/urutan (\d+)/.exec(lines[1])![1]);
    expect(sequence).toBeLessThanOrEqual(head.sequence);
    expect(new Date(answer.headers['last-modified']).getTime()).toBeGreaterThan(Date.parse('2020-01-01'));
    expect(lines[2].split(';').slice(0, 3)).toEqual(['Peringkat', 'Kode OPD', 'Tahun']);
    expect(lines.slice(3).map((line) => line.split(';').slice(0, 2))).toEqual([
      ['1', 'DINKES'],
      ['2', 'DISDIK'],
    ]);
    expect(lines[4]).toContain(';7250000;');
  });

  it('gives one unit’s scorecard, answers 304 for the copy a reader holds, and 404/400 as the JSON does', async () => {
    const answer = await csv('/public/v1/opds/DINKES/2025.csv').expect(200);
    const lines = csvLines(answer);
    expect(lines[0]).toBe('# Sumber: /public/v1/opds/DINKES/2025 (kinerja-ledger, data terbuka)');
    expect(lines[2].split(';').slice(0, 2)).toEqual(['Kode OPD', 'Tahun']);
    expect(lines[3].split(';').slice(0, 5)).toEqual(['DINKES', '2025', 'APPROVED', '90', 'TINGGI']);
    await http().get('/public/v1/opds/DINKES/2025.csv').set('If-None-Match', answer.headers.etag).expect(304);
    await http().get('/public/v1/opds/NOPE/2025.csv').expect(404);
    await http().get('/public/v1/opds/DINKES/1999.csv').expect(400);
  });

  it('is linked from the portal pages', async () => {
    expect((await http().get('/?year=2025').expect(200)).text).toContain('href="/public/v1/regency/2025.csv"');
    expect((await http().get('/opd/DINKES/2025').expect(200)).text).toContain('href="/public/v1/opds/DINKES/2025.csv"');
  });
});
