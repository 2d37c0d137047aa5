import { ConfigurationError, Environment } from '@app/config';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import pino from 'pino';
import { problem } from '../http/problem';

export interface DatabaseWait {
  /** The port the API is to listen on: the one this stand-in answered on (PORT may be 0). */
  port: number;
  /** Resolves once the database answers; the stand-in has stopped listening by then. */
  ready: Promise<void>;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;

/**
 * A PostgreSQL server that does not answer yet (it starts after us, or is restarting) must not
 * stop the process: an orchestrator would restart it in a loop, and nothing would tell it the
 * process is alive but waiting. Until the database answers, a stand-in on the API's port
 * answers /health/live 200, /health/ready and everything else 503 with Retry-After, while the
 * database is retried with backoff (logged as JSON). Then the stand-in closes and the API,
 * which opens its pool and runs its migrations at start-up, takes the same port over.
 */
export async function waitForDatabase(environment: Environment): Promise<DatabaseWait> {
  const logger = pino({ level: environment.LOG_LEVEL, base: { context: 'Startup' } });
  const server = createServer((request, response) => {
    const live = request.url === '/health/live';
    const body = live
      ? { status: 'ok', info: {}, error: {}, details: {} }
      : { ...problem(503, 'UNAVAILABLE', 'Waiting for the database; try again shortly'), checks: { database: { status: 'down' } } };
    response.writeHead(live ? 200 : 503, {
      'Content-Type': live ? 'application/json' : 'application/problem+json',
      ...(live ? {} : { 'Retry-After': '5' }),
    });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(environment.PORT, environment.HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  const ready = (async () => {
    for (let attempt = 1, delay = FIRST_DELAY_MS; ; attempt++, delay = Math.min(delay * 2, MAX_DELAY_MS)) {
      const failure = await tryConnect(environment.DATABASE_URL!);
      if (!failure) break;
      const mistake = permanentMistake(failure, environment.DATABASE_URL!);
      if (mistake) {
        await close(server);
        throw new ConfigurationError(mistake);
      }
      logger.warn({ attempt, retryInMs: delay, error: failure }, 'the database does not answer yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    logger.info('the database answers; starting the API');
    await close(server);
  })();
  return { port, ready };
}

/**
 * What no retry mends: a database that does not exist, a login the server refuses. The server
 * answered, so waiting would only hide the mistake behind an endless "retrying".
 */
function permanentMistake(failure: string, connectionString: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(connectionString);
  } catch {
    return 'DATABASE_URL is not a connection string: set it like postgres://user:password@host:5432/database';
  }
  const where = `${parsed.hostname}:${parsed.port || '5432'}`;
  const database = decodeURIComponent(parsed.pathname.slice(1));
  const user = decodeURIComponent(parsed.username);
  if (failure === '3D000') {
    return `DATABASE_URL names the database "${database}", which does not exist on ${where}: create it (createdb -h ${url(where)} ${database}) or correct DATABASE_URL`;
  }
  if (failure === '28P01' || failure === '28000') {
    return `${where} refused the login of DATABASE_URL (user "${user}", ${failure}): correct the user or password in DATABASE_URL`;
  }
  return undefined;
}

function url(where: string): string {
  const [host, port] = where.split(':');
  return port === '5432' ? host : `${host} -p ${port}`;
}

/** null when the database answers; otherwise what went wrong, without the connection string. */
async function tryConnect(connectionString: string): Promise<string | null> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return code ?? message ?? 'unknown error';
  } finally {
    await client.end().catch(() => undefined);
  }
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
