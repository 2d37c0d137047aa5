import { Environment } from '@app/config';
import { Database } from '@app/database';
import { IntegrityCheckpoints, LogFileEncoder, LogFileHeader } from '@app/event-store';
import { PersonalData, resolveDeploymentKey } from '@app/personal-data';
import { DATABASE } from '@app/platform';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { runScript } from '../support/run-script';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

jest.setTimeout(120_000);

type Headers = Record<string, string>;

/** The employee whose data is erased: an SKP of 2019, out of its retention by 2026. */
const ERASED = '198503032010012003';
const ERASED_NAME = 'Ratna Kusumawati';
/** An employee with a 2025 SKP, still within its retention (to 2030-12-31). */
const KEPT = '198001012005011001';
const KEPT_NAME = 'Siti Aminah';
const APPRAISER = '197502022000031002';
const APPRAISER_NAME = 'Bambang Sutrisno';
/** An official without a NIP claim: their token's name is personal data too. */
const OPERATOR_NAME = 'Dewi Lestari';

/**
 * Tokens as a regional SSO issues them: the subject is the NIP itself and the name is the
 * person's, so both reach every event the person causes unless they are sealed.
 */
const employeeToken = (nip: string, name: string) => tokenFor({ roles: ['employee'], nip, sub: nip, name });

const planIndicator = (code: string) => ({ code, name: `Indikator ${code}`, unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 });
const draftBody = (name: string, year: number) => ({
  name,
  position: 'Analis Kesehatan',
  opdCode: 'DINKES',
  appraiserNip: APPRAISER,
  results: [
    {
      code: 'R1',
      statement: 'Hasil kerja R1',
      cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year, indicatorCode: 'I1' },
      indicators: [{ code: 'K1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
    },
  ],
});

function runVerify(environment: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/verify.ts', '--projections'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, ...environment, LOG_LEVEL: 'silent', TS_NODE_SWC: 'true' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('personal data at rest and its erasure', () => {
  const clock = new TestClock('2026-03-02');
  let testApp: TestApp;
  let database: Database;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());

  /**
   * Every base table of the database (events, read models, idempotency, checkpoints, keys and
   * map, migrations): each row as text, every column (jsonb included), searched for each needle.
   */
  async function scan(needles: string[]): Promise<string[]> {
    const { rows: tables } = await database.pool.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.length).toBeGreaterThan(10);
    const hits: string[] = [];
    for (const { name } of tables) {
      for (const needle of needles) {
        const { rows } = await database.pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${name} AS t WHERE t::text ILIKE '%' || $1 || '%'`, [
          needle,
        ]);
        if (Number(rows[0].count) > 0) hits.push(`${name}: ${needle}`);
      }
    }
    return hits;
  }

  async function agreedSkp(nip: string, name: string, year: number): Promise<string> {
    const employee = bearer(await employeeToken(nip, name));
    await http().post(`/api/v1/skp/${nip}/${year}`).set(employee).set('Idempotency-Key', `draft-${nip}-${year}`).send(draftBody(name, year)).expect(201);
    await http().post(`/api/v1/skp/${nip}/${year}/submit`).set(employee).expect(200);
    await http().post(`/api/v1/skp/${nip}/${year}/agree`).set(as.appraiser).expect(200);
    const evaluated = await http()
      .post(`/api/v1/skp/${nip}/${year}/evaluations/ANNUAL`)
      .set(as.appraiser)
      .send({ resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED' })
      .expect(201);
    return evaluated.body.position;
  }

  async function approvedPlan(year: number): Promise<void> {
    const goals = [{ code: 'G1', statement: 'Derajat kesehatan', indicators: [planIndicator('I1')] }];
    await http().post(`/api/v1/opds/DINKES/plans/${year}`).set(as.operator).send({ goals }).expect(201);
    await http().post(`/api/v1/opds/DINKES/plans/${year}/submit`).set(as.operator).expect(200);
    await http().post(`/api/v1/opds/DINKES/plans/${year}/approve`).set(as.head).expect(200);
  }

  let position: string;
  let erasedStream: string;

  beforeAll(async () => {
    // A checkpoint after every few events, so that verify checks checkpoints sealed before the erasure.
    testApp = await startTestApp({ INTEGRITY_CHECKPOINT_EVENTS: '5', INTEGRITY_CHECKPOINT_SECONDS: '0' }, { clock });
    database = testApp.app.get(DATABASE);
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    as.dpo = bearer(await tokenFor({ roles: ['dpo'] }));
    as.operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES', sub: 'dewi.lestari@dinkes', name: OPERATOR_NAME }));
    as.head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    as.appraiser = bearer(await tokenFor({ roles: ['appraiser'], nip: APPRAISER, sub: APPRAISER, name: APPRAISER_NAME }));
    await http().post('/api/v1/opds').set(as.admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
    await approvedPlan(2019);
    await approvedPlan(2025);
    await agreedSkp(ERASED, ERASED_NAME, 2019);
    position = await agreedSkp(KEPT, KEPT_NAME, 2025);
    const { rows } = await database.pool.query<{ stream_name: string }>(`SELECT DISTINCT stream_name FROM kl_events WHERE stream_name LIKE 'skp-%-2019'`);
    erasedStream = rows[0].stream_name;
  });
  afterAll(() => testApp.close());

  it('finds a NIP planted in clear in any column, jsonb included (the scan can fail)', async () => {
    await database.pool.query(`INSERT INTO kl_idempotency_keys (scope, key, fingerprint, status, body) VALUES ('planted', 'planted', 'x', 200, $1)`, [
      JSON.stringify({ deep: { list: [{ nip: ERASED }] } }),
    ]);
    try {
      expect(await scan([ERASED])).toEqual(['public.kl_idempotency_keys: ' + ERASED]);
    } finally {
      await database.pool.query(`DELETE FROM kl_idempotency_keys WHERE scope = 'planted'`);
    }
  });

  it('keeps NIPs and names only as ciphertext, while the answers show them to those allowed', async () => {
    expect(await scan([ERASED, ERASED_NAME, KEPT, KEPT_NAME, APPRAISER, APPRAISER_NAME, OPERATOR_NAME, 'dewi.lestari'])).toEqual([]);
    expect(erasedStream).toMatch(/^skp-[0-9a-f-]{36}-2019$/);
    const { rows } = await database.pool.query<{ data: { nip: string; name: string; appraiserNip: string } }>(
      `SELECT data FROM kl_events WHERE stream_name = $1 AND stream_revision = 0`,
      [erasedStream],
    );
    for (const field of [rows[0].data.nip, rows[0].data.name, rows[0].data.appraiserNip]) expect(field).toMatch(/^pd1:[0-9a-f-]{36}:/);
    const skp = await http().get(`/api/v1/skp/${ERASED}/2019`).set(as.inspector).set('X-Min-Position', position).expect(200);
    expect(skp.body).toMatchObject({ nip: ERASED, name: ERASED_NAME, appraiserNip: APPRAISER, predikat: 'BAIK' });
    expect(skp.body.erased).toBeUndefined();
    const history = await http().get(`/api/v1/history/skp/${ERASED}-2019`).set(as.inspector).expect(200);
    expect(history.body.items[0].data).toMatchObject({ nip: ERASED, name: ERASED_NAME });
    // Who acted is sealed too, and shown opened to those who may read the history.
    expect(history.body.items.map((item: { actor: unknown }) => item.actor)).toEqual([
      { sub: ERASED, name: ERASED_NAME, roles: ['employee'] },
      { sub: ERASED, name: ERASED_NAME, roles: ['employee'] },
      { sub: APPRAISER, name: APPRAISER_NAME, roles: ['appraiser'] },
      { sub: APPRAISER, name: APPRAISER_NAME, roles: ['appraiser'] },
    ]);
    const { rows: actors } = await database.pool.query<{ actor: { sub: string; name: string; roles: string[] } }>(
      `SELECT metadata->'actor' AS actor FROM kl_events WHERE stream_name = $1 ORDER BY stream_revision`,
      [erasedStream],
    );
    expect(actors[0].actor).toEqual({ sub: expect.stringMatching(/^pd1:/), name: expect.stringMatching(/^pd1:/), roles: ['employee'] });
    const plan = await http().get('/api/v1/history/plan/DINKES-2025').set(as.inspector).expect(200);
    expect(plan.body.items[0].actor).toEqual({ sub: 'dewi.lestari@dinkes', name: OPERATOR_NAME, roles: ['opd_operator'] });
    // A retried draft answers as the first did, NIP and all, though the store kept none.
    const employee = bearer(await employeeToken(ERASED, ERASED_NAME));
    const retried = await http()
      .post(`/api/v1/skp/${ERASED}/2019`)
      .set(employee)
      .set('Idempotency-Key', `draft-${ERASED}-2019`)
      .send(draftBody(ERASED_NAME, 2019))
      .expect(201);
    expect(retried.body.id).toBe(`${ERASED}-2019`);
  });

  it('refuses erasure to anyone but the DPO, and inside the retention with the day it ends', async () => {
    const body = (nip: string) => ({ subject: { nip }, legalBasis: 'UU 27/2022 Pasal 8', reason: 'Permintaan subjek data' });
    await http().post('/api/v1/personal-data/erasures').set(as.inspector).send(body(ERASED)).expect(403);
    await http().get('/api/v1/personal-data/erasures').set(as.inspector).expect(403);
    const kept = await http().post('/api/v1/personal-data/erasures').set(as.dpo).send(body(KEPT)).expect(409);
    expect(kept.body).toMatchObject({ code: 'RETENTION_APPLIES', until: '2030-12-31' });
    // The appraiser is named by the 2025 SKP, which is kept.
    expect((await http().post('/api/v1/personal-data/erasures').set(as.dpo).send(body(APPRAISER)).expect(409)).body.until).toBe('2030-12-31');
    await http().post('/api/v1/personal-data/erasures').set(as.dpo).send(body('199912312020121001')).expect(404);
    await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ ...body(ERASED), reason: `on request of ${ERASED}` })
      .expect(400);
    await http().post('/api/v1/personal-data/erasures').set(as.dpo).send({ subject: {}, legalBasis: 'x', reason: 'y' }).expect(400);
    expect(await scan([ERASED])).toEqual([]);
  });

  it('erases: the SKP is found by that NIP no more, reads show null with erased, and no table holds the NIP or name', async () => {
    // Another process's view of the keys: caches of its own, warm before the erasure (they would
    // keep the name readable for their whole minute), told of the erasure by NOTIFY.
    const elsewhere = await PersonalData.open(database.pool, resolveDeploymentKey(testApp.app.get(Environment)));
    const stopFollowing = await elsewhere.followErasures(database);
    const { rows: sealedName } = await database.pool.query<{ name: string }>(
      `SELECT data->>'name' AS name FROM kl_events WHERE stream_name = $1 AND stream_revision = 0`,
      [erasedStream],
    );
    expect(await elsewhere.open(sealedName[0].name)).toBe(ERASED_NAME);

    const erased = await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ subject: { nip: ERASED }, legalBasis: 'UU 27/2022 Pasal 8', reason: 'Permintaan subjek data' })
      .expect(201);
    const subjectId = erasedStream.slice('skp-'.length, -'-2019'.length);
    expect(erased.body.id).toBe(subjectId);

    const list = await http().get('/api/v1/personal-data/erasures').set(as.dpo).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ subjectId, kind: 'EMPLOYEE', legalBasis: 'UU 27/2022 Pasal 8', on: '2026-03-02' })]);
    expect(JSON.stringify(list.body)).not.toContain(ERASED);

    await http().get(`/api/v1/skp/${ERASED}/2019`).set(as.inspector).expect(404);
    await http().get(`/api/v1/history/skp/${ERASED}-2019`).set(as.inspector).expect(404);
    const unit = await http().get('/api/v1/opds/DINKES/skp').query({ year: 2019 }).set(as.inspector).expect(200);
    expect(unit.body.items).toEqual([expect.objectContaining({ nip: null, name: null, appraiserNip: APPRAISER, erased: true, predikat: 'BAIK' })]);
    const history = await http().get(`/api/v1/history/skp/${subjectId}-2019`).set(as.inspector).expect(200);
    expect(history.body.items[0].data).toMatchObject({ nip: null, name: null, appraiserNip: APPRAISER });
    // The employee's own acts name no one now; the appraiser's still name the appraiser.
    expect(history.body.items[0].actor).toEqual({ sub: null, name: null, roles: ['employee'], erased: true });
    expect(history.body.items[2].actor).toEqual({ sub: APPRAISER, name: APPRAISER_NAME, roles: ['appraiser'] });
    // The others are untouched.
    expect((await http().get(`/api/v1/skp/${KEPT}/2025`).set(as.inspector).expect(200)).body).toMatchObject({ nip: KEPT, name: KEPT_NAME });

    expect(await scan([ERASED, ERASED_NAME])).toEqual([]);
    for (let waited = 0; waited < 5000 && (await elsewhere.open(sealedName[0].name)) !== null; waited += 50) await sleep(50);
    expect(await elsewhere.open(sealedName[0].name)).toBeNull();
    await stopFollowing();
    const { rows } = await database.pool.query(`SELECT 1 FROM kl_personal_data_keys WHERE subject_id = $1`, [subjectId]);
    expect(rows).toEqual([]);
    // A retry of the erasure finishes without a second record.
    await http()
      .post('/api/v1/personal-data/erasures')
      .set(as.dpo)
      .send({ subject: { nip: ERASED }, legalBasis: 'UU 27/2022 Pasal 8', reason: 'Permintaan subjek data' })
      .expect(404);
  });

  it("keeps the erased subject's hash chain verifiable, and verify (chain, checkpoints, every rebuild) passes", async () => {
    const subjectId = erasedStream.slice('skp-'.length, -'-2019'.length);
    const integrity = await http().get(`/api/v1/integrity/streams/skp/${subjectId}-2019`).set(as.inspector).expect(200);
    expect(integrity.body).toMatchObject({ valid: true, events: 4 });
    // Checkpoints are recorded in the background every 5 events; on a busy machine the first may trail the writes.
    const checkpoints = testApp.app.get(IntegrityCheckpoints);
    for (let attempt = 0; (await checkpoints.all()).length === 0 && attempt < 100; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await checkpoints.all()).length).toBeGreaterThan(0);
    const verify = runVerify(testApp.databaseEnvironment);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    const report = JSON.parse(verify.stdout) as { valid: boolean; checkpoints: unknown; projections: Array<{ projection: string; differences: number }> };
    expect(report.valid).toBe(true);
    expect(report.projections.find((projection) => projection.projection === 'skp-register')).toMatchObject({ differences: 0 });
    expect(verify.stdout).not.toContain(ERASED);
  });

  describe('export and import', () => {
    let directory: string;
    const targets: TestDatabase[] = [];
    const exportTo = async (name: string, args: string[] = []) => {
      const file = join(directory, name);
      const run = await runScript('export', ['--out', file, ...args], testApp.databaseEnvironment);
      expect(run.stderr).not.toContain('Error');
      expect(run.status).toBe(0);
      return { file, text: await readFile(file, 'utf8') };
    };
    async function importInto(file: string, environment: Record<string, string> = {}) {
      const target = await createTestDatabase();
      targets.push(target);
      return { target, run: await runScript('import', [file], { DATABASE_URL: target.connectionString, ...environment }) };
    }
    /** The API on an imported database; its projections rebuild the read models from position 0. */
    async function readImported(target: TestDatabase, work: (http: () => request.Agent) => Promise<void>) {
      const app = await startTestApp({ DATABASE_URL: target.connectionString }, { clock });
      try {
        await work(() => request.agent(app.app.getHttpServer()));
      } finally {
        await app.stopApp();
      }
    }
    const head = (text: string) => (JSON.parse(text.split('\n')[0]) as { head: string; sections: string[] }).head;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'kl-pd-export-'));
    });
    afterAll(async () => {
      for (const target of targets) await target.drop();
      await rm(directory, { recursive: true, force: true });
    });

    it('exports the wrapped keys in a section of their own, under the digest, and no NIP or name in clear', async () => {
      const { text } = await exportTo('with.ndjson');
      const lines = text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { kind: string; name?: string; value?: { keys: unknown[] } });
      expect(JSON.parse(text.split('\n')[0])).toMatchObject({ version: 2, sections: ['personal-data'] });
      const section = lines.find((line) => line.kind === 'section');
      expect(section).toMatchObject({ name: 'personal-data' });
      expect(section!.value!.keys.length).toBeGreaterThan(0);
      for (const needle of [ERASED, ERASED_NAME, KEPT, KEPT_NAME, APPRAISER, process.env.PERSONAL_DATA_KEY!]) expect(text).not.toContain(needle);
      expect(text).toContain(erasedStream);
    });

    it('imports with the keys: the copy reads as the original, and a wrong PERSONAL_DATA_KEY is refused by name', async () => {
      const { file, text } = await exportTo('round.ndjson');
      const wrong = await importInto(file, { PERSONAL_DATA_KEY: Buffer.alloc(32, 1).toString('base64') });
      expect(wrong.run.status).toBe(1);
      expect(wrong.run.stderr).toMatch(/^REFUSED PERSONAL_DATA_KEY does not open/);
      const { target, run } = await importInto(file);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      await readImported(target, async (http) => {
        const kept = await http().get(`/api/v1/skp/${KEPT}/2025`).set(as.inspector).set('X-Min-Position', head(text)).expect(200);
        expect(kept.body).toMatchObject({ nip: KEPT, name: KEPT_NAME, appraiserNip: APPRAISER });
      });

      // Rotation re-wraps the keys and touches no event; the old key no longer starts the service.
      const events = async () => (await target.database.pool.query(`SELECT string_agg(hash, ',' ORDER BY global_position) AS hashes FROM kl_events`)).rows[0];
      const before = await events();
      const next = Buffer.alloc(32, 9).toString('base64');
      const rotated = await runScript('personal-data', ['rotate-key'], { DATABASE_URL: target.connectionString, PERSONAL_DATA_KEY_NEW: next });
      expect(rotated.status).toBe(0);
      expect(JSON.parse(rotated.stdout).rotated.keys).toBeGreaterThan(0);
      expect(rotated.stdout + rotated.stderr).not.toContain(next);
      expect(await events()).toEqual(before);
      const stale = await runScript('personal-data', ['key-id'], { DATABASE_URL: target.connectionString });
      expect(stale.status).toBe(2);
      expect(stale.stderr).toMatch(/^PERSONAL_DATA_KEY does not open the personal-data keys of this database/);
      const app = await startTestApp({ DATABASE_URL: target.connectionString, PERSONAL_DATA_KEY: next }, { clock });
      try {
        const kept = await request(app.app.getHttpServer()).get(`/api/v1/skp/${KEPT}/2025`).set(as.inspector).set('X-Min-Position', head(text)).expect(200);
        expect(kept.body).toMatchObject({ nip: KEPT, name: KEPT_NAME });
      } finally {
        await app.stopApp();
      }
    });

    it('exports --without-personal-data a file that verifies and imports, and whose personal fields read as erased', async () => {
      const { file, text } = await exportTo('auditor.ndjson', ['--without-personal-data']);
      expect(JSON.parse(text.split('\n')[0])).toMatchObject({ sections: [] });
      expect(text).not.toContain('"kind":"section"');
      const { target, run } = await importInto(file);
      expect(run.status).toBe(0);
      const verified = await runScript('verify', [], { DATABASE_URL: target.connectionString });
      expect(verified.status).toBe(0);
      await readImported(target, async (http) => {
        await http().get(`/api/v1/skp/${KEPT}/2025`).set(as.inspector).set('X-Min-Position', head(text)).expect(404);
        const unit = await http().get('/api/v1/opds/DINKES/skp').query({ year: 2025 }).set(as.inspector).set('X-Min-Position', head(text)).expect(200);
        expect(unit.body.items).toEqual([expect.objectContaining({ nip: null, name: null, appraiserNip: null, erased: true, predikat: 'BAIK' })]);
      });
    });

    it('refuses a version 1 file (NIPs in clear), naming the version', async () => {
      const { text } = await exportTo('v1-source.ndjson', ['--without-personal-data']);
      const [header, ...rest] = text.trimEnd().split('\n').slice(0, -1);
      const encoder = new LogFileEncoder();
      const { sections: _sections, ...v1 } = { ...(JSON.parse(header) as LogFileHeader), version: 1 };
      const file = join(directory, 'v1.ndjson');
      await writeFile(file, encoder.raw(JSON.stringify(v1)) + rest.map((line) => encoder.raw(line)).join('') + encoder.end());
      const { run } = await importInto(file);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('format version 1 holds NIPs and names in clear');
    });
  });
});
