import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { tokenFor } from '../test/support/tokens';
import { freePort, run, RunSummary, SERVER, start, stop, warmUp } from './http-support';

/**
 * The SKP read and write over HTTP, for `npm run bench:http`: 40 agreed SKPs in one unit, read
 * by key (`GET /api/v1/skp/{nip}/{year}`) and re-evaluated (`POST …/evaluations/Q1` with a
 * reason: one more event each time). With BENCH_BEFORE_DIR (a checkout of the commit before
 * personal data was sealed, built with `npm run build`) the same cases run in the same run
 * against that build on a database of its own, interleaved with this one's: what sealing costs.
 */
export const SKP_COUNT = 40;
export const SKP_YEAR = 2025;
const UNIT = 'SKPUNIT';
export const SKP_APPRAISER = '197502022000031002';
export const skpNip = (n: number) => `198001012005011${String(n + 1).padStart(3, '0')}`;

export async function seedSkps(api: string): Promise<void> {
  const json = async (claims: Parameters<typeof tokenFor>[0]) => ({
    Authorization: `Bearer ${await tokenFor(claims, { expiresIn: '2h' })}`,
    'Content-Type': 'application/json',
  });
  const call = async (path: string, headers: Record<string, string>, body?: object) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  };
  const operator = await json({ roles: ['opd_operator'], opd: UNIT });
  const appraiser = await json({ roles: ['appraiser'], nip: SKP_APPRAISER });
  await call('/api/v1/opds', await json({ roles: ['admin'] }), { code: UNIT, name: 'Unit SKP' });
  const indicator = { code: 'I1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90 };
  await call(`/api/v1/opds/${UNIT}/plans/${SKP_YEAR}`, operator, { goals: [{ code: 'G1', statement: 'Sasaran', indicators: [indicator] }] });
  await call(`/api/v1/opds/${UNIT}/plans/${SKP_YEAR}/submit`, operator);
  await call(`/api/v1/opds/${UNIT}/plans/${SKP_YEAR}/approve`, await json({ roles: ['opd_head'], opd: UNIT }));
  for (let n = 0; n < SKP_COUNT; n++) {
    const employee = await json({ roles: ['employee'], nip: skpNip(n) });
    const skp = `/api/v1/skp/${skpNip(n)}/${SKP_YEAR}`;
    await call(skp, employee, {
      name: `Pegawai ${n}`,
      position: 'Analis',
      opdCode: UNIT,
      appraiserNip: SKP_APPRAISER,
      results: [1, 2, 3].map((r) => ({
        code: `R${r}`,
        statement: `Hasil kerja ${r}`,
        cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: UNIT, year: SKP_YEAR, indicatorCode: 'I1' },
        indicators: [{ code: `K${r}`, name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
      })),
    });
    await call(`${skp}/submit`, employee);
    await call(`${skp}/agree`, appraiser);
  }
}

export interface SkpCases {
  read(): Promise<RunSummary>;
  write(): Promise<RunSummary>;
}

export async function skpCases(api: string, server: ChildProcess, label: string): Promise<SkpCases> {
  const inspector = { Authorization: `Bearer ${await tokenFor({ roles: ['inspector'] }, { expiresIn: '2h' })}` };
  const appraiser = {
    Authorization: `Bearer ${await tokenFor({ roles: ['appraiser'], nip: SKP_APPRAISER }, { expiresIn: '2h' })}`,
    'Content-Type': 'application/json',
  };
  let reads = 0;
  let writes = 0;
  const read = {
    url: api,
    requests: [
      {
        method: 'GET' as const,
        headers: inspector,
        setupRequest: (request: object) => ({ ...request, path: `/api/v1/skp/${skpNip(reads++ % SKP_COUNT)}/${SKP_YEAR}` }),
      },
    ],
  };
  await warmUp([read]);
  return {
    read: () => run(`GET /api/v1/skp/{nip}/{year} (${label})`, read, server),
    write: () =>
      run(
        `POST /api/v1/skp/{nip}/{year}/evaluations/Q1, a re-evaluation (${label})`,
        {
          url: api,
          requests: [
            {
              setupRequest: () => ({
                method: 'POST',
                path: `/api/v1/skp/${skpNip(writes++ % SKP_COUNT)}/${SKP_YEAR}/evaluations/Q1`,
                headers: appraiser,
                body: JSON.stringify({
                  resultRating: writes % 2 ? 'AS_EXPECTED' : 'ABOVE_EXPECTATION',
                  behaviourRating: 'AS_EXPECTED',
                  reason: `Koreksi ${writes}`,
                }),
              }),
            },
          ],
        },
        server,
      ),
  };
}

/** The build in BENCH_BEFORE_DIR, on a database of its own, for as long as `body` runs. */
export async function withBeforeApi<T>(
  dir: string,
  env: Record<string, string | undefined>,
  body: (api: string, server: ChildProcess) => Promise<T>,
): Promise<T> {
  const name = `kl_bench_before_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const port = await freePort();
  const server = await start(`${dir}/dist/apps/api/src/main.js`, port, { ...env, DATABASE_URL: url.toString() });
  try {
    return await body(`http://127.0.0.1:${port}`, server);
  } finally {
    await stop(server);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
