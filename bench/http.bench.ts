/**
 * The HTTP part of npm run bench: autocannon (50 connections, BENCH_HTTP_SECONDS, default 10)
 * against the built API on a scratch PostgreSQL database, and against a bare node:http JSON
 * endpoint in the same run as the baseline. Each server runs in its own process.
 */
import { tokenFor } from '../test/support/tokens';
import { ratio, run, withServers } from './http-support';

const UNITS = 50;

async function main(): Promise<void> {
  await withServers(async (api, bare) => {
    const token = await tokenFor({ roles: ['admin'], name: 'Bench' });
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    for (let i = 0; i < UNITS; i++) {
      await fetch(`${api}/api/v1/opds`, { method: 'POST', headers, body: JSON.stringify({ code: `UNIT-${i}`, name: `Unit ${i}` }) });
    }
    let renames = 0;
    const results = [
      await run('bare node:http JSON endpoint', { url: bare }),
      await run('GET /api/v1/opds/{code}', { url: api, requests: [{ method: 'GET', path: '/api/v1/opds/UNIT-7', headers }] }),
      await run('PATCH /api/v1/opds/{code} (rename, 50 units)', {
        url: api,
        requests: [
          {
            method: 'PATCH',
            headers,
            setupRequest: (request) => {
              const n = renames++;
              return { ...request, path: `/api/v1/opds/UNIT-${n % UNITS}`, body: JSON.stringify({ name: `Unit ${n}`, reason: 'bench' }) };
            },
          },
        ],
      }),
    ];
    const [baseline] = results;
    console.log('\n| HTTP case (50 connections) | req/s | p99 ms | × bare node:http | non-2xx |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const result of results) console.log(`| ${result.name} | ${result.rps} | ${result.p99} | ${ratio(result.rps, baseline.rps)} | ${result.non2xx} |`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
