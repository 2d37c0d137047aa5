/**
 * One survey's 100,000 answers through HTTP (npm run bench:surveys): the built API on a scratch
 * database, an SKM opened over HTTP, then POST /public/v1/surveys/{code}/responses from
 * CONNECTIONS clients until 100,000 are recorded, then GET of the unit's results while the
 * survey holds all of them. Results come from the projection's running sums, so the read's p99
 * should not grow with the answers: the read runs at 1,000 answers and again at all of them.
 * Prints one JSON line: answers/s, the answers' p99, and the results read's p99 at both sizes.
 * BENCH_SURVEY_ANSWERS sets a smaller run (docs/benchmarks.md says which runs were made).
 */
import { tokenFor } from '../test/support/tokens';
import { run, withServers } from './http-support';

const ANSWERS = Number(process.env.BENCH_SURVEY_ANSWERS ?? 100_000);
const CONNECTIONS = 20;
const READ_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

/** An answer that varies with n, so the sums are not all one value. */
const answerBody = (n: number) => JSON.stringify({ answers: Object.fromEntries(UNSUR.map((code, i) => [code, ((n + i) % 4) + 1])) });

async function resultsAfter(api: string, headers: Record<string, string>, path: string, responses: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(`${api}${path}`, { headers });
    const body = (await response.json()) as { results?: { responses: number } };
    if (body.results && body.results.responses >= responses) return;
    if (Date.now() - started > 300_000) throw new Error(`answers not projected in time: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  await withServers(
    async (api, _bare, servers) => {
      const admin = `Bearer ${await tokenFor({ roles: ['admin'] }, { expiresIn: '2h' })}`;
      const operator = `Bearer ${await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }, { expiresIn: '2h' })}`;
      const json = { 'Content-Type': 'application/json' };
      await fetch(`${api}/api/v1/opds`, {
        method: 'POST',
        headers: { ...json, Authorization: admin },
        body: JSON.stringify({ code: 'DINKES', name: 'Dinas Kesehatan' }),
      });
      const opened = await fetch(`${api}/api/v1/opds/DINKES/surveys`, {
        method: 'POST',
        headers: { ...json, Authorization: operator },
        body: JSON.stringify({ kind: 'SKM', service: 'Rawat jalan', year: 2025, quarter: 4, population: 100_000 }),
      });
      const { surveyCode } = (await opened.json()) as { surveyCode: string };
      const path = `/api/v1/opds/DINKES/surveys/${surveyCode}`;
      const readHeaders = { Authorization: operator };
      const answerRequest = (count: number) => {
        let sent = 0;
        return {
          url: api,
          connections: CONNECTIONS,
          amount: count,
          requests: [
            {
              method: 'POST' as const,
              setupRequest: (request: object) => ({ ...request, headers: json, path: `/public/v1/surveys/${surveyCode}/responses`, body: answerBody(sent++) }),
            },
          ],
        };
      };
      const read = () => ({ url: api, connections: CONNECTIONS, duration: READ_SECONDS, requests: [{ method: 'GET' as const, headers: readHeaders, path }] });

      const first = 1_000;
      const warm = await run(`POST answers (first ${first})`, answerRequest(first), servers.apiProcess);
      await resultsAfter(api, readHeaders, path, first);
      const readSmall = await run(`GET results at ${first} answers`, read(), servers.apiProcess);
      const started = Date.now();
      const answers = await run(`POST answers (${ANSWERS - first} more)`, answerRequest(ANSWERS - first), servers.apiProcess);
      const answerSeconds = (Date.now() - started) / 1000;
      await resultsAfter(api, readHeaders, path, ANSWERS);
      const projectedAfter = (Date.now() - started) / 1000;
      const readLarge = await run(`GET results at ${ANSWERS} answers`, read(), servers.apiProcess);
      const final = (await (await fetch(`${api}${path}`, { headers: readHeaders })).json()) as { results: object };
      console.log(
        JSON.stringify({
          bench: 'surveys',
          answers: ANSWERS,
          connections: CONNECTIONS,
          answersPerSecond: Math.round((ANSWERS - first) / answerSeconds),
          answerP99Ms: answers.p99,
          answerNon2xx: warm.non2xx + answers.non2xx,
          allProjectedAfterSeconds: Math.round(projectedAfter),
          resultsReadAtFirst: { answers: first, rps: readSmall.rps, p50Ms: readSmall.p50, p99Ms: readSmall.p99 },
          resultsReadAtAll: { answers: ANSWERS, rps: readLarge.rps, p50Ms: readLarge.p50, p99Ms: readLarge.p99 },
          results: final.results,
        }),
      );
    },
    // The limiter would hold the load generator, one address, to 20 answers a minute.
    { env: { ANONYMOUS_WRITES_PER_MINUTE: '100000' } },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
