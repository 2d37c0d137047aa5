import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** What it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the signal that ended it. */
  exited: Promise<NodeJS.Signals | null>;
}

/**
 * Starts test/support/api-child.ts with `environment` and waits until it listens, or with
 * `until: 'waiting'` only until its stand-in answers while the database does not.
 */
export async function spawnApi(environment: Record<string, string>, options: { until?: 'listening' | 'waiting' } = {}): Promise<ApiProcess> {
  const ready = options.until === 'waiting' ? /(?:waiting|listening) (\d+)/ : /listening (\d+)/;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'test/support/api-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the API process ended before listening:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
}
