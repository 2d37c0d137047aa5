import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';

/** What the HTTP benches share: a scratch database, servers in their own processes, autocannon runs. */
export const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const ROOT = join(__dirname, '..');

export function start(script: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
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

export interface RunSummary {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

export async function run(name: string, options: autocannon.Options): Promise<RunSummary> {
  const result = await autocannon({ connections: 50, ...(options.amount ? {} : { duration: SECONDS }), ...options });
  const summary = { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
  process.stderr.write(
    `  ${name}: ${summary.rps} req/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, non-2xx ${summary.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}\n`,
  );
  return summary;
}

/**
 * Runs `body` with the built API on a database of its own and the bare baseline server; cleans
 * up after. `beforeApi` fills the database before the API starts (events appended directly).
 */
export async function withServers(body: (apiUrl: string, bareUrl: string) => Promise<void>, beforeApi?: (databaseUrl: string) => Promise<void>): Promise<void> {
  const name = `kl_bench_http_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const children: ChildProcess[] = [];
  try {
    await beforeApi?.(url.toString());
    children.push(await start('bench/bare-http-server.js', 3901));
    children.push(await start('dist/apps/api/src/main.js', 3902, { DATABASE_URL: url.toString(), LOG_LEVEL: 'warn', NODE_ENV: 'development' }));
    await body('http://127.0.0.1:3902', 'http://127.0.0.1:3901');
  } finally {
    children.forEach((child) => child.kill('SIGTERM'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export const ratio = (value: number, baseline: number) => Math.round((value / baseline) * 1000) / 1000;
