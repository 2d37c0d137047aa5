import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface ProjectorProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<NodeJS.Signals | null>;
}

/**
 * The service's own projector (apps/projector, every projection) in a process of its own. It
 * prints nothing when ready: callers wait for its checkpoints instead.
 */
export function spawnProjector(environment: Record<string, string>): ProjectorProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'apps/projector/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { child, exited, output: () => output };
}
