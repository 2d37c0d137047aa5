import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { isAlive, parentPid, readPostmasterFile } from './postmaster';

const ROOT = join(__dirname, '../../../..');

interface Service {
  child: ChildProcess;
  marks: string[];
}

/** Runs test/support/embedded-child.ts on `dataDir`: the embedded default as the service opens it. */
function runService(dataDir: string, mark: string, once = false): Promise<Service> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'test/support/embedded-child.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        KL_CHILD_DATA_DIR: dataDir,
        KL_CHILD_MARK: mark,
        ...(once ? { KL_CHILD_ONCE: '1' } : {}),
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve({ child, marks: JSON.parse(stdout.split('\n')[0]).marks });
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before it was ready: ${stderr}`)));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

function postmasterPid(dataDir: string): number {
  const file = readPostmasterFile(join(dataDir, 'postgres'));
  if (!file) throw new Error('no postmaster.pid');
  return file.pid;
}

/**
 * The embedded default's life as `npm start` lives it: the first start initialises a cluster
 * under DATA_DIR, SIGTERM stops it, and neither a kill -9 of the service (which leaves its
 * postgres running, orphaned) nor a stale pid file stops the next start or loses a row.
 */
describe('the embedded cluster under DATA_DIR', () => {
  let dataDir: string;
  const started: ChildProcess[] = [];
  const start = async (mark: string, once = false) => {
    const service = await runService(dataDir, mark, once);
    started.push(service.child);
    return service;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kl-embedded-'));
    // Under root the cluster runs as the `postgres` user, who must be able to enter it.
    chmodSync(dataDir, 0o755);
  });
  afterAll(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const file = readPostmasterFile(join(dataDir, 'postgres'));
    if (file && isAlive(file.pid)) process.kill(file.pid, 'SIGQUIT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('initialises on first start: 127.0.0.1 only, no unix socket, a password kept 0600', async () => {
    const service = await start('1');
    expect(service.marks).toEqual(['1']);
    expect(statSync(join(dataDir, 'postgres.password')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'postgres')).mode & 0o777).toBe(0o700);
    const port = readPostmasterFile(join(dataDir, 'postgres'))!.port;
    const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'kinerja_ledger' });
    await client.connect();
    const settings = await client.query(`SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets`);
    await client.end();
    expect(settings.rows[0]).toEqual({ listen: '127.0.0.1', sockets: '' });
    const wrong = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'not-the-password', database: 'kinerja_ledger' });
    wrong.on('error', () => undefined);
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
  }, 60000);

  it('lets a second process (npm run verify) use the running cluster and leaves it running', async () => {
    const owner = postmasterPid(dataDir);
    const verify = await start('2', true);
    await exited(verify.child);
    expect(verify.marks).toEqual(['1', '2']);
    expect(verify.child.exitCode).toBe(0);
    expect(postmasterPid(dataDir)).toBe(owner);
    expect(isAlive(owner)).toBe(true);
  }, 60000);

  it('stops the cluster on SIGTERM', async () => {
    const postmaster = postmasterPid(dataDir);
    const service = started[0];
    service.kill('SIGTERM');
    await exited(service);
    expect(service.exitCode).toBe(0);
    expect(isAlive(postmaster)).toBe(false);
    expect(readPostmasterFile(join(dataDir, 'postgres'))).toBeUndefined();
  }, 60000);

  it('after a kill -9 of the service, stops the orphaned postgres and starts afresh, data kept', async () => {
    const service = await start('3');
    const orphan = postmasterPid(dataDir);
    service.child.kill('SIGKILL');
    await exited(service.child);
    expect(isAlive(orphan)).toBe(true);
    const next = await start('4');
    expect(next.marks).toEqual(['1', '2', '3', '4']);
    expect(isAlive(orphan)).toBe(false);
    const postmaster = postmasterPid(dataDir);
    if (parentPid(postmaster) !== undefined) expect(parentPid(postmaster)).toBe(next.child.pid);
  }, 90000);

  it('starts although the pid file left by a crash names a live process that is not postgres', async () => {
    const service = started[started.length - 1];
    const postmaster = postmasterPid(dataDir);
    service.kill('SIGKILL');
    process.kill(postmaster, 'SIGKILL');
    await exited(service);
    while (isAlive(postmaster)) await new Promise((resolve) => setTimeout(resolve, 50));
    // After a crash the pid may have gone to anything; here, to this very test process.
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    writeFileSync(pidFile, readFileSync(pidFile, 'utf8').replace(/^\d+/, String(process.pid)));
    const next = await start('5');
    expect(next.marks).toEqual(['1', '2', '3', '4', '5']);
  }, 90000);
});
