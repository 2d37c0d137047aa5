import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { cpuSeconds } from './process-cpu';

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

/** The flags the service's processes start with (npm start, docker/Dockerfile): measured as run. */
const SERVICE_NODE_ARGS = ['--max-old-space-size=1024'];

/**
 * `script` in a process of its own (TypeScript through ts-node), answering on `port`. `env`
 * adds to this process's environment; an undefined value takes the variable out. `nodeArgs` go
 * to node before the script (`--cpu-prof`, which NODE_OPTIONS refuses), after the service's
 * own flags for a script of the API or the projector.
 */
export function start(script: string, port: number, env: Record<string, string | undefined> = {}, nodeArgs: string[] = []): Promise<ChildProcess> {
  const merged: Record<string, string | undefined> = { ...process.env, ...env, PORT: String(port) };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const typescript = script.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] : [];
  const service = /(^|\/)dist\/apps\/(api|projector)\//.test(script) ? SERVICE_NODE_ARGS : [];
  const child = spawn(process.execPath, [...service, ...nodeArgs, ...typescript, script], { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${script} did not start`)), 60000);
    // The API's stand-in, which answers /health/live while the database does not, closes its
    // port before the API listens on it: only an answer of the API itself (it sets
    // X-Request-Id on every answer) means it is up. The first calls fell in that gap.
    const isApi = script.includes('apps/api/');
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/health/live`).then(
        (response) => {
          if (isApi && !response.headers.has('x-request-id')) return;
          clearInterval(poll);
          clearTimeout(deadline);
          resolve(child);
        },
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
  /**
   * CPU the server process spent per answer, in microseconds: unlike req/s, it does not depend
   * on how the two cores were shared with the load generator and the database.
   */
  cpuUsPerRequest?: number;
}

/** autocannon against `options.url`; `server`, when given, is the process whose CPU per answer is measured. */
export async function run(name: string, options: autocannon.Options, server?: ChildProcess): Promise<RunSummary> {
  const cpuBefore = server?.pid ? cpuSeconds(server.pid) : 0;
  const result = await autocannon({ connections: 50, ...(options.amount ? {} : { duration: SECONDS }), ...options });
  const cpuUsPerRequest =
    server?.pid && result.requests.total > 0 ? Math.round(((cpuSeconds(server.pid) - cpuBefore) * 1e6) / result.requests.total) : undefined;
  const summary = { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, cpuUsPerRequest };
  process.stderr.write(
    `  ${name}: ${summary.rps} req/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, non-2xx ${summary.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}` +
      `${cpuUsPerRequest === undefined ? '' : `, server CPU ${cpuUsPerRequest} µs per answer`}\n`,
  );
  return summary;
}

/** Load that is not measured, `seconds` per target, so that the measured runs find the code optimised. */
export async function warmUp(targets: autocannon.Options[], seconds = 3): Promise<void> {
  for (const target of targets) await autocannon({ connections: 50, duration: seconds, ...target });
}

export interface ServerOptions {
  /** The API on its embedded database under a fresh DATA_DIR, not on a database of the server. */
  embedded?: boolean;
  /** More environment for the API. */
  env?: Record<string, string>;
  /** Fills the database before the API starts (events appended directly); server databases only. */
  beforeApi?: (databaseUrl: string) => Promise<void>;
}

export interface BenchServers {
  api: string;
  bare: string;
  /** NestJS on the same adapter answering a constant at /constant: the framework's floor. */
  nestFloor: string;
  apiProcess: ChildProcess;
  bareProcess: ChildProcess;
  nestFloorProcess: ChildProcess;
  /** The environment the API was started with, for a sibling on the same database. */
  apiEnv: Record<string, string | undefined>;
}

type BenchBody = (api: string, bare: string, servers: BenchServers) => Promise<void>;

/** Runs `body` with the built API on a database of its own and the two baseline servers; cleans up after. */
export async function withServers(body: BenchBody, options: ServerOptions = {}): Promise<void> {
  if (options.embedded) return withApi(body, { DATA_DIR: embeddedDataDir(), DATABASE_URL: undefined, ...options.env });
  const name = `kl_bench_http_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    await options.beforeApi?.(url.toString());
    await withApi(body, { DATABASE_URL: url.toString(), ...options.env });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function withApi(body: BenchBody, env: Record<string, string | undefined>): Promise<void> {
  const children: ChildProcess[] = [];
  try {
    const [barePort, floorPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const bareProcess = await start('bench/bare-http-server.js', barePort);
    children.push(bareProcess);
    const nestFloorProcess = await start('bench/nest-floor-server.ts', floorPort);
    children.push(nestFloorProcess);
    // A deployment key of the run's own, so that no key file is written under the checkout's DATA_DIR.
    const apiEnv = { LOG_LEVEL: 'warn', NODE_ENV: 'development', HOST: '127.0.0.1', PERSONAL_DATA_KEY: randomBytes(32).toString('base64'), ...env };
    const apiProcess = await start('dist/apps/api/src/main.js', apiPort, apiEnv);
    children.push(apiProcess);
    const servers = {
      api: `http://127.0.0.1:${apiPort}`,
      bare: `http://127.0.0.1:${barePort}`,
      nestFloor: `http://127.0.0.1:${floorPort}`,
      apiProcess,
      bareProcess,
      nestFloorProcess,
      apiEnv,
    };
    await body(servers.api, servers.bare, servers);
  } finally {
    await Promise.all(children.map(stop));
    if (typeof env.DATA_DIR === 'string') rmSync(env.DATA_DIR, { recursive: true, force: true });
  }
}

function embeddedDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'kl-bench-'));
  // Under root the embedded postgres runs as the `postgres` user, who must be able to enter it.
  chmodSync(dataDir, 0o755);
  return dataDir;
}

/** SIGTERM, then the child's exit: the API stops its embedded cluster before it exits. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const ratio = (value: number, baseline: number) => Math.round((value / baseline) * 1000) / 1000;
