/**
 * A regency's SKPs (npm run bench): 8,000 employees in 40 OPDs, one SKP each for 2025, agreed,
 * with four quarterly realisations and an annual evaluation. The events are appended straight to
 * the event store (the HTTP path would take most of the time budget), then the API starts and
 * projects them. With 20 concurrent clients: GET of an SKP (its cascade flags worked out as it is
 * read) and POST of a quarterly evaluation (a first one: each SKP has four), beside a bare
 * node:http endpoint at 20 connections as the baseline of the same run.
 */
import { PostgresDatabase } from '@app/database';
import { NewEvent, PostgresEventStore } from '@app/event-store';
import { tokenFor } from '../test/support/tokens';
import { ratio, run, RunSummary, SECONDS, withServers } from './http-support';

const EMPLOYEES = 8000;
const OPDS = 40;
const APPRAISERS = 400;
const YEAR = 2025;
const CONNECTIONS = 20;
const INDICATORS = 10;
const actor = { sub: 'bench', roles: ['opd_operator'] };

const opdCode = (i: number) => `OPD-${String(i).padStart(2, '0')}`;
/** A NIP whose birth date is `day` days after `from`, so that every one is a real date and unique. */
function nipOf(from: number, day: number, service: string): string {
  const birth = new Date(Date.UTC(from, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${birth}${service}1${String(day % 1000).padStart(3, '0')}`;
}
const employeeNip = (i: number) => nipOf(1970, i, '200501');
const appraiserNip = (i: number) => nipOf(1960, i % APPRAISERS, '198503');

const goals = [
  {
    code: 'G1',
    statement: 'Sasaran',
    indicators: Array.from({ length: INDICATORS }, (_, k) => ({
      code: `I${k + 1}`,
      name: `Indikator ${k + 1}`,
      unit: '%',
      polarity: 'HIGHER_IS_BETTER',
      aggregation: 'LAST',
      annualTarget: 90,
      quarterlyTargets: null,
    })),
  },
];

function skpEvents(i: number): NewEvent[] {
  const key = { nip: employeeNip(i), year: YEAR };
  const results = [1, 2].map((r) => ({
    code: `R${r}`,
    statement: `Hasil kerja ${r}`,
    cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: opdCode(i % OPDS), year: YEAR, indicatorCode: `I${((i + r) % INDICATORS) + 1}` },
    indicators: [{ code: `K${r}`, name: `Ukuran ${r}`, unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
  }));
  const drafted = { ...key, name: `Pegawai ${i}`, position: 'Analis', opdCode: opdCode(i % OPDS), appraiserNip: appraiserNip(i), results };
  const quarters = ['Q1', 'Q2', 'Q3', 'Q4'].map((period, q) => ({
    type: 'SkpRealisationReported',
    data: {
      ...key,
      period,
      values: results.map((_, r) => ({ indicatorCode: `K${r + 1}`, value: 20 * (q + 1), evidenceUrl: null, note: null })),
      on: `${YEAR}-${String(q * 3 + 4).padStart(2, '0')}-05`,
    },
  }));
  const annual = {
    period: 'ANNUAL',
    resultRating: 'AS_EXPECTED',
    behaviourRating: 'AS_EXPECTED',
    predikat: 'BAIK',
    note: null,
    behaviourNotes: {},
    on: `${YEAR}-12-20`,
  };
  return [
    { type: 'SkpDrafted', data: drafted },
    { type: 'SkpSubmitted', data: key },
    { type: 'SkpAgreed', data: { ...key, results, on: `${YEAR}-01-20` } },
    ...quarters,
    { type: 'SkpEvaluated', data: { ...key, ...annual } },
  ].map((event) => ({ ...event, metadata: { actor } }));
}

/** The units, their approved 2025 plans and every SKP, appended as a handful of writers would. */
async function load(databaseUrl: string): Promise<void> {
  const database = new PostgresDatabase({ connectionString: databaseUrl, poolSize: 16, applicationName: 'kl-bench-skp' });
  const store = await PostgresEventStore.open(database);
  const started = Date.now();
  try {
    for (let o = 0; o < OPDS; o++) {
      await store.appendToStream(`opd-${opdCode(o)}`, [
        { type: 'OpdRegistered', data: { code: opdCode(o), name: `Unit ${o}`, parentCode: null }, metadata: { actor } },
      ]);
      const plan = { opdCode: opdCode(o), year: YEAR };
      await store.appendToStream(`plan-${opdCode(o)}-${YEAR}`, [
        { type: 'PlanDrafted', data: { ...plan, goals }, metadata: { actor } },
        { type: 'PlanSubmitted', data: plan, metadata: { actor } },
        { type: 'PlanApproved', data: { ...plan, version: 1, goals, on: `${YEAR}-01-10` }, metadata: { actor } },
      ]);
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = next++; i < EMPLOYEES; i = next++)
          await store.appendToStream(`skp-${employeeNip(i)}-${YEAR}`, skpEvents(i), { expectedRevision: 'no_stream' });
      }),
    );
  } finally {
    await store.close();
    await database.close();
  }
  process.stderr.write(`  set-up: ${OPDS} OPDs and plans, ${EMPLOYEES} SKPs (${EMPLOYEES * 8} events) appended in ${Date.now() - started} ms\n`);
}

/** Until the register has projected the last SKP: the API reads the read model, not the log. */
async function projected(api: string, inspector: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(`${api}/api/v1/skp/${employeeNip(EMPLOYEES - 1)}/${YEAR}`, { headers: { Authorization: inspector } });
    if (response.ok) break;
    if (Date.now() - started > 150_000) throw new Error(`SKPs not projected in time: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stderr.write(`  projected ${EMPLOYEES * 8} SKP events in ~${Date.now() - started} ms after the API answered\n`);
}

async function main(): Promise<void> {
  await withServers(
    async (api, bare) => {
      const inspector = `Bearer ${await tokenFor({ roles: ['inspector'] }, { expiresIn: '2h' })}`;
      const appraisers: string[] = [];
      for (let a = 0; a < APPRAISERS; a++) appraisers.push(`Bearer ${await tokenFor({ roles: ['appraiser'], nip: appraiserNip(a) }, { expiresIn: '2h' })}`);
      await projected(api, inspector);

      let reads = 0;
      let evaluations = 0;
      const results: RunSummary[] = [
        await run('bare node:http JSON endpoint', { url: bare, connections: CONNECTIONS }),
        await run('GET /api/v1/skp/{nip}/{year}', {
          url: api,
          connections: CONNECTIONS,
          requests: [
            {
              method: 'GET',
              setupRequest: (request) => {
                const i = (reads++ * 37) % EMPLOYEES;
                // No Content-Type on a GET: autocannon then waits for a body that never comes.
                return { ...request, headers: { Authorization: inspector }, path: `/api/v1/skp/${employeeNip(i)}/${YEAR}` };
              },
            },
          ],
        }),
        await run('POST …/evaluations/{period} (first rating of a quarter)', {
          url: api,
          connections: CONNECTIONS,
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => {
                const n = evaluations++;
                const i = n % EMPLOYEES;
                const period = `Q${(Math.floor(n / EMPLOYEES) % 4) + 1}`;
                const body = { resultRating: 'AS_EXPECTED', behaviourRating: n % 3 === 0 ? 'ABOVE_EXPECTATION' : 'AS_EXPECTED' };
                return {
                  ...request,
                  headers: { Authorization: appraisers[i % APPRAISERS], 'Content-Type': 'application/json' },
                  path: `/api/v1/skp/${employeeNip(i)}/${YEAR}/evaluations/${period}`,
                  body: JSON.stringify(body),
                };
              },
            },
          ],
        }),
      ];
      const [baseline] = results;
      console.log(
        `\n| regency SKPs (${EMPLOYEES} employees, ${OPDS} OPDs, 8 events each, ${CONNECTIONS} clients, ${SECONDS} s) | req/s | p50 ms | p99 ms | × bare req/s | non-2xx |`,
      );
      console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
      for (const result of results)
        console.log(`| ${result.name} | ${result.rps} | ${result.p50} | ${result.p99} | ${ratio(result.rps, baseline.rps)} | ${result.non2xx} |`);
    },
    { beforeApi: load },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
