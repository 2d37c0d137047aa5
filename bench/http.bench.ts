/**
 * The HTTP part of npm run bench: autocannon (50 connections, BENCH_HTTP_SECONDS, default 10)
 * against the built API on a scratch PostgreSQL database, and against a bare node:http JSON
 * endpoint in the same run as the baseline. Each server runs in its own process.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { tokenFor } from '../test/support/tokens';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const ROOT = join(__dirname, '..');
const UNITS = 50;

function start(script: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${script} did not start`)), 60000);
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/health/live`).then(
        () => (clearInterval(poll), clearTimeout(deadline), resolve(child)),
        () => undefined,
      );
    }, 200);
  });
}

async function run(name: string, options: autocannon.Options): Promise<{ name: string; rps: number; p99: number; non2xx: number }> {
  const result = await autocannon({ connections: 50, duration: SECONDS, ...options });
  const summary = { name, rps: Math.round(result.requests.average), p99: result.latency.p99, non2xx: result.non2xx };
  process.stderr.write(`  ${name}: ${summary.rps} req/s, p99 ${summary.p99} ms, non-2xx ${summary.non2xx}\n`);
  return summary;
}

async function main(): Promise<void> {
  const name = `kl_bench_http_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const children: ChildProcess[] = [];
  try {
    const bare = await start('bench/bare-http-server.js', 3901);
    children.push(bare);
    const api = await start('dist/apps/api/src/main.js', 3902, { DATABASE_URL: url.toString(), LOG_LEVEL: 'warn', NODE_ENV: 'development' });
    children.push(api);

    const token = await tokenFor({ roles: ['admin'], name: 'Bench' });
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    for (let i = 0; i < UNITS; i++) {
      await fetch('http://127.0.0.1:3902/api/v1/opds', { method: 'POST', headers, body: JSON.stringify({ code: `UNIT-${i}`, name: `Unit ${i}` }) });
    }
    let renames = 0;
    const results = [
      await run('bare node:http JSON endpoint', { url: 'http://127.0.0.1:3901/' }),
      await run('GET /api/v1/opds/{code}', { url: 'http://127.0.0.1:3902', requests: [{ method: 'GET', path: '/api/v1/opds/UNIT-7', headers }] }),
      await run('PATCH /api/v1/opds/{code} (rename, 50 units)', {
        url: 'http://127.0.0.1:3902',
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
    for (const result of results) {
      console.log(`| ${result.name} | ${result.rps} | ${result.p99} | ${Math.round((result.rps / baseline.rps) * 1000) / 1000} | ${result.non2xx} |`);
    }
  } finally {
    children.forEach((child) => child.kill('SIGTERM'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
