import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';

/** What the HTTP benches share: a scratch database, servers in their own processes, autocannon runs. */
export const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const ROOT = join(__dirname, '..');

/** A port nobody listens on now: benches may run beside each other, or beside the tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `script` in a process of its own (TypeScript through ts-node), answering on `port`. */
export function start(script: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const typescript = script.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] : [];
  const child = spawn(process.execPath, [...typescript, script], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
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
  process.stderr.write(`  ${name}: ${summary.rps} req/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, non-2xx ${summary.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}\n`);
  return summary;
}

export interface BenchServers {
  api: string;
  bare: string;
  /** NestJS on the same adapter answering a constant at /constant. */
  nestFloor: string;
}

/** Runs `body` with the built API on a database of its own and the two baseline servers; cleans up after. */
export async function withServers(body: (api: string, bare: string, servers: BenchServers) => Promise<void>): Promise<void> {
  const name = `kl_bench_http_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const children: ChildProcess[] = [];
  try {
    const [barePort, floorPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    children.push(await start('bench/bare-http-server.js', barePort));
    children.push(await start('bench/nest-floor-server.ts', floorPort));
    children.push(await start('dist/apps/api/src/main.js', apiPort, { DATABASE_URL: url.toString(), LOG_LEVEL: 'warn', NODE_ENV: 'development', HOST: '127.0.0.1' }));
    const servers = { api: `http://127.0.0.1:${apiPort}`, bare: `http://127.0.0.1:${barePort}`, nestFloor: `http://127.0.0.1:${floorPort}` };
    await body(servers.api, servers.bare, servers);
  } finally {
    children.forEach((child) => child.kill('SIGTERM'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export const ratio = (value: number, baseline: number) => Math.round((value / baseline) * 1000) / 1000;
