import { Database } from '@app/database';
import { PersonalData } from '@app/personal-data';
import { DATABASE } from '@app/platform';
import { Projections } from '@app/projections';
import request from 'supertest';
import { EMPLOYEE, seedLedger } from '../support/ledger-fixtures';
import { runScript } from '../support/run-script';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

interface VerifyOutput {
  valid: boolean;
  projections: Array<{ projection: string; rowsCompared: number; differences: number; tables: Array<{ table: string; firstDifferences: string[] }> }>;
}

/** `npm run verify -- --projections` beside a running service that keeps projecting. */
describe('npm run verify -- --projections', () => {
  let testApp: TestApp;
  let database: Database;

  const verify = () => runScript('verify', ['--projections'], testApp.databaseEnvironment);
  const table = async (projection: string, readModel: string) => {
    const { rows } = await database.pool.query<{ active_slot: string }>('SELECT active_slot FROM kl_projections WHERE name = $1', [projection]);
    return `rm_${readModel}_${rows[0].active_slot}`;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    database = testApp.app.get<Database>(DATABASE);
    const fixtures = await seedLedger(testApp);
    // A Zona Integritas record, so that its register has a row to compare.
    const zi = { target: 'WBK', declaredOn: '2025-01-20', documentUrl: 'https://dinkes.example.go.id/piagam.pdf', documentSha256: 'c'.repeat(64) };
    await request(testApp.app.getHttpServer())
      .post('/api/v1/zi/DINKES/2025')
      .set(fixtures.as.head)
      .send({ ...zi, team: [{ position: 'Kepala Dinas', duty: 'Penanggung jawab' }] })
      .expect(201);
    // A gratification report and an answered survey, so that their registers have rows too.
    await request(testApp.app.getHttpServer())
      .post('/api/v1/gratifications')
      .set(fixtures.as.employee)
      .send({
        receivedOn: '2025-01-06',
        giverRelation: 'Rekanan',
        form: 'GOODS',
        description: 'Parsel',
        valueIdr: 100_000,
        occasion: 'OTHER',
        opdCode: 'DINKES',
      })
      .expect(201);
    const survey = await request(testApp.app.getHttpServer())
      .post('/api/v1/opds/DINKES/surveys')
      .set(fixtures.as.operator)
      .send({ kind: 'SKM', service: 'Rawat jalan', year: 2025, quarter: 1, population: 100 })
      .expect(201);
    const answers = Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((unsur) => [unsur, 3]));
    await request(testApp.app.getHttpServer()).post(`/public/v1/surveys/${survey.body.surveyCode}/responses`).send({ answers }).expect(201);
    // And a complaint, sealed under its own subject key.
    await request(testApp.app.getHttpServer())
      .post('/public/v1/complaints')
      .send({ kind: 'PENGADUAN', subject: 'Antrean', text: 'Antrean puskesmas terlalu panjang', publicText: false })
      .expect(201);
    // And a WBS report.
    await request(testApp.app.getHttpServer())
      .post('/public/v1/wbs')
      .send({ allegation: 'Pungutan di loket', concerning: 'Petugas loket', identity: { name: 'Rina', contact: 'rina@example.org' } })
      .expect(201);
    const { body } = await request(testApp.app.getHttpServer())
      .post('/api/v1/opds')
      .set(fixtures.as.admin)
      .send({ code: 'DISDIK', name: 'Disdik' })
      .expect(201);
    expect(await testApp.app.get(Projections).waitForPosition(body.position, 10_000)).toBe(true);
  });
  afterAll(() => testApp.close());

  it('finds every read model equal to its rebuild and exits 0', async () => {
    const run = await verify();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as VerifyOutput;
    expect(output.valid).toBe(true);
    expect(output.projections.map(({ projection, differences }) => [projection, differences])).toEqual([
      ['opd-registry', 0],
      ['plan-register', 0],
      ['finding-register', 0],
      ['skp-register', 0],
      ['lkjip-register', 0],
      ['zi-register', 0],
      ['dashboards', 0],
      ['public-feed', 0],
      ['survey-results', 0],
      ['gratification-register', 0],
      ['complaint-register', 0],
      ['wbs-register', 0],
    ]);
    for (const projection of output.projections) expect(projection.rowsCompared).toBeGreaterThan(0);
  });

  it('names the projection and the key of a row changed in the database, without its NIP, and exits 1', async () => {
    const plans = await table('plan-register', 'plan');
    const skps = await table('skp-register', 'skp');
    await database.pool.query(`UPDATE ${plans} SET status = 'APPROVED', revision = revision + 1 WHERE opd_code = 'DINKES' AND year = 2026`);
    // Rows are keyed by the employee's subject id, never the NIP (docs/domain.md, Personal data at rest).
    const subject = await testApp.app.get(PersonalData).subjectOf({ kind: 'nip', value: EMPLOYEE });
    await database.pool.query(`DELETE FROM ${skps} WHERE subject = $1`, [subject]);
    const run = await verify();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('MISMATCH projection plan-register: 1 rows differ from its rebuild');
    expect(run.stderr).toContain('MISMATCH projection skp-register');
    expect(run.stderr).not.toContain('opd-registry');
    const output = JSON.parse(run.stdout) as VerifyOutput;
    const byName = new Map(output.projections.map((projection) => [projection.projection, projection]));
    expect(byName.get('plan-register')!.tables[0].firstDifferences).toEqual(['changed (opd_code=DINKES, year=2026) in revision, status']);
    expect(byName.get('skp-register')!.tables[0].firstDifferences.filter((line) => line.startsWith('missing'))).toEqual([
      `missing (subject=${subject}, year=2025)`,
    ]);
    expect(run.stdout + run.stderr).not.toContain(EMPLOYEE);
  });
});
