import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the signal that ended it. */
  exited: Promise<NodeJS.Signals | null>;
}

/** Starts test/support/api-child.ts with `environment` and waits until it listens. */
export async function spawnApi(environment: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'test/support/api-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the API process ended before listening:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}
