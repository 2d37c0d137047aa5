/**
 * A regency's plans (npm run bench): 40 OPDs × 5 years, 10 indicators each, all approved, then
 * with 20 concurrent clients: the four quarterly reports of every plan, GET of a plan (the
 * achievement computed as it is read), and corrections of reported quarters. A bare node:http
 * endpoint at 20 connections is the baseline of the same run. BENCH_EMBEDDED=1 runs the API on
 * its embedded database (a fresh DATA_DIR) instead of a database on the server.
 */
import { tokenFor } from '../test/support/tokens';
import { ratio, run, RunSummary, SECONDS, withServers } from './http-support';

const OPDS = 40;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const CONNECTIONS = 20;
const PLANS = OPDS * YEARS.length;

const opdCode = (i: number) => `OPD-${String(i).padStart(2, '0')}`;
const goals = [1, 2].map((g) => ({
  code: `G${g}`,
  statement: `Sasaran ${g}`,
  indicators: [1, 2, 3, 4, 5].map((i) => ({
    code: `I${g}${i}`,
    name: `Indikator ${g}.${i}`,
    unit: '%',
    polarity: i === 5 ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
    aggregation: (['LAST', 'SUM', 'AVERAGE'] as const)[i % 3],
    annualTarget: 80 + i,
    quarterlyTargets: [20 + i, 40 + i, 60 + i, 80 + i],
  })),
}));
const indicatorCodes = goals.flatMap((goal) => goal.indicators.map((indicator) => indicator.code));
const values = (seed: number) => indicatorCodes.map((indicatorCode, k) => ({ indicatorCode, value: 50 + ((seed * 7 + k * 13) % 50) }));

/** Plan n: OPD n % 40, year n / 40, so consecutive requests hit different streams. */
const planOf = (n: number) => ({ code: opdCode(n % OPDS), year: YEARS[Math.floor(n / OPDS) % YEARS.length] });

/** Sets the regency up through the API at `api` and runs the three cases; the rows of the table. */
export async function regencyScenario(api: string, bare: string): Promise<RunSummary[]> {
  const admin = { Authorization: `Bearer ${await tokenFor({ roles: ['admin'] })}`, 'Content-Type': 'application/json' };
  const operators: Array<Record<string, string>> = [];
  const heads: Array<Record<string, string>> = [];
  for (let i = 0; i < OPDS; i++) {
    operators.push({
      Authorization: `Bearer ${await tokenFor({ roles: ['opd_operator'], opd: opdCode(i) }, { expiresIn: '2h' })}`,
      'Content-Type': 'application/json',
    });
    heads.push({ Authorization: `Bearer ${await tokenFor({ roles: ['opd_head'], opd: opdCode(i) }, { expiresIn: '2h' })}` });
  }
  const call = async (path: string, init: RequestInit) => {
    const response = await fetch(`${api}${path}`, init);
    if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${await response.text()}`);
  };
  const started = Date.now();
  await Promise.all(
    Array.from({ length: OPDS }, async (_, i) => {
      await call('/api/v1/opds', { method: 'POST', headers: admin, body: JSON.stringify({ code: opdCode(i), name: `Unit ${i}` }) });
      for (const year of YEARS) {
        const path = `/api/v1/opds/${opdCode(i)}/plans/${year}`;
        await call(path, { method: 'POST', headers: operators[i], body: JSON.stringify({ goals }) });
        await call(`${path}/submit`, { method: 'POST', headers: operators[i] });
        await call(`${path}/approve`, { method: 'POST', headers: heads[i] });
      }
    }),
  );
  process.stderr.write(`  set-up: ${OPDS} OPDs, ${PLANS} plans approved in ${Date.now() - started} ms\n`);

  let reports = 0;
  let reads = 0;
  let corrections = 0;
  const results: RunSummary[] = [
    await run('bare node:http JSON endpoint', { url: bare, connections: CONNECTIONS }),
    await run(`POST …/realisations/{q}: the 4 quarters of ${PLANS} plans`, {
      url: api,
      connections: CONNECTIONS,
      amount: PLANS * 4,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const n = reports++;
            const { code, year } = planOf(n);
            const quarter = Math.floor(n / PLANS) + 1;
            return {
              ...request,
              headers: operators[n % OPDS],
              path: `/api/v1/opds/${code}/plans/${year}/realisations/${quarter}`,
              body: JSON.stringify({ values: values(n) }),
            };
          },
        },
      ],
    }),
    await run('GET /api/v1/opds/{code}/plans/{year}', {
      url: api,
      connections: CONNECTIONS,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            const n = reads++;
            const { code, year } = planOf(n * 37);
            // No Content-Type on a GET: autocannon then waits for a body that never comes.
            return { ...request, headers: { Authorization: operators[(n * 37) % OPDS].Authorization }, path: `/api/v1/opds/${code}/plans/${year}` };
          },
        },
      ],
    }),
    await run('POST …/realisations/{q}/corrections', {
      url: api,
      connections: CONNECTIONS,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const n = corrections++;
            const { code, year } = planOf(n);
            const quarter = (Math.floor(n / PLANS) % 4) + 1;
            const body = { reason: 'Koreksi data', values: values(n + 1).slice(0, 3) };
            return {
              ...request,
              headers: operators[n % OPDS],
              path: `/api/v1/opds/${code}/plans/${year}/realisations/${quarter}/corrections`,
              body: JSON.stringify(body),
            };
          },
        },
      ],
    }),
  ];
  return results;
}

export function printRegencyTable(results: RunSummary[]): void {
  const [baseline] = results;
  console.log(
    `\n| regency scenario (${OPDS} OPDs × ${YEARS.length} years, 10 indicators, ${CONNECTIONS} clients, ${SECONDS} s) | req/s | p50 ms | p99 ms | × bare req/s | non-2xx |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    console.log(`| ${result.name} | ${result.rps} | ${result.p50} | ${result.p99} | ${ratio(result.rps, baseline.rps)} | ${result.non2xx} |`);
  }
}

if (require.main === module) {
  withServers(async (api, bare) => printRegencyTable(await regencyScenario(api, bare)), { embedded: process.env.BENCH_EMBEDDED === '1' }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
