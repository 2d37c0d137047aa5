import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

interface Run {
  code: number | null;
  lines: Array<{ level: number; msg: string; context?: string; err?: unknown }>;
  raw: string;
}

/**
 * apps/api/src/main.ts as `npm start` runs it (through ts-node, so no build is needed), in a
 * process group of its own so that a signal can reach it as a terminal's Ctrl-C does.
 */
function runMain(environment: Record<string, string>, options: { stopWhenListening?: boolean; timeoutMs?: number } = {}): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...environment };
  if (!('DATABASE_URL' in environment)) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let raw = '';
  child.stdout.on('data', (chunk: Buffer) => {
    raw += chunk.toString();
    if (options.stopWhenListening && raw.includes('"msg":"listening on')) {
      options.stopWhenListening = false;
      process.kill(-child.pid!, 'SIGINT');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (raw += chunk.toString()));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), options.timeoutMs ?? 100_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      const lines = raw
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          try {
            return JSON.parse(line) as Run['lines'][number];
          } catch {
            return { level: -1, msg: `NOT JSON: ${line}` };
          }
        });
      resolve({ code, lines, raw });
    }),
  );
}

/** Exit 1, JSON only, one fatal line (no stack) saying what to change, and no error line besides. */
function expectOneLineFailure(run: Run, message: RegExp): void {
  expect(run.lines.filter((line) => line.level === -1)).toEqual([]);
  const fatal = run.lines.filter((line) => line.level >= 50);
  expect(fatal).toHaveLength(1);
  expect(fatal[0]).toMatchObject({ level: 60, msg: expect.stringMatching(message) });
  expect(fatal[0].err).toBeUndefined();
  expect(run.raw).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(1);
}

function postgresUnder(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', `postgres -D ${dataDir}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe('start-up that fails', () => {
  const dataDirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kl-startup-'));
    // Under root the cluster runs as the `postgres` user, who must be able to enter it.
    chmodSync(dir, 0o755);
    dataDirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('on a PORT that is not a port: one line, "PORT must be a port number"', async () => {
    const run = await runMain({ PORT: 'abc' });
    expectOneLineFailure(run, /^Invalid configuration: PORT must be a port number/);
    expect(run.lines[run.lines.length - 1].msg.match(/PORT/g)).toHaveLength(1);
  }, 120_000);

  it('in production without a secret: one line naming AUTH_JWT_SECRET and how to make one', async () => {
    expectOneLineFailure(await runMain({ NODE_ENV: 'production' }), /AUTH_JWT_SECRET is required when NODE_ENV=production: set it/);
  }, 120_000);

  it('on a DATA_DIR under /proc (where a recursive mkdir never returns) and /sys: names DATA_DIR', async () => {
    expectOneLineFailure(
      await runMain({ DATA_DIR: '/proc/kl-data' }, { timeoutMs: 60_000 }),
      /^DATA_DIR=\/proc\/kl-data cannot hold the embedded database: cannot create/,
    );
    expectOneLineFailure(await runMain({ DATA_DIR: '/sys/kl-data' }, { timeoutMs: 60_000 }), /^DATA_DIR=\/sys\/kl-data cannot hold the embedded database/);
  }, 120_000);

  it('on a DATABASE_URL naming a database that does not exist: stops, naming it, instead of retrying for ever', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/kl_no_such_database';
    const run = await runMain({ DATABASE_URL: url.toString() }, { timeoutMs: 60_000 });
    expectOneLineFailure(run, /DATABASE_URL names the database "kl_no_such_database", which does not exist on .*: create it/);
    expect(run.lines.filter((line) => /retrying/.test(line.msg))).toEqual([]);
  }, 120_000);

  describe('with the embedded cluster', () => {
    let occupied: Server;
    beforeAll(async () => {
      occupied = createServer();
      await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise((resolve) => occupied.close(resolve)));

    it('on a port in use: one line naming PORT, and the postgres it started is stopped', async () => {
      const dir = dataDir();
      const port = (occupied.address() as { port: number }).port;
      const run = await runMain({ DATA_DIR: dir, PORT: String(port) });
      expect(run.raw).toContain('embedded PostgreSQL under'); // it did start one
      expectOneLineFailure(run, new RegExp(`^PORT ${port} is already in use on 127.0.0.1: .* set PORT to a free port`));
      expect(postgresUnder(dir)).toEqual([]);
    }, 120_000);

    it('on a Ctrl-C: says where the cluster lives, stops without an error line, says "stopped", exits 0', async () => {
      const dir = dataDir();
      const run = await runMain({ DATA_DIR: dir }, { stopWhenListening: true });
      expect(run.lines.filter((line) => line.level === -1 || line.level >= 50)).toEqual([]);
      expect(run.lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['stopping (SIGINT)', 'stopped']));
      expect(run.lines.some((line) => line.msg.startsWith(`embedded PostgreSQL under ${dir}/postgres on 127.0.0.1:`))).toBe(true);
      expect(run.lines[run.lines.length - 1].msg).toBe('stopped');
      // Not the hundred lines of routes Nest maps.
      expect(run.lines.filter((line) => line.context === 'RouterExplorer')).toEqual([]);
      expect(run.code).toBe(0);
      expect(postgresUnder(dir)).toEqual([]);
    }, 120_000);
  });
});
