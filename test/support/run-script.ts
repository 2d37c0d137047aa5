import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * An operator's command (scripts/<name>.ts) in a process of its own, as `npm run <name>` runs
 * it, without blocking this one: a service under test in this process keeps running meanwhile.
 */
export function runScript(name: string, args: string[], environment: Record<string, string>, input?: string): Promise<ScriptRun> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, `scripts/${name}.ts`), ...args],
      {
        cwd: ROOT,
        env: { ...inherited, LOG_LEVEL: 'silent', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), TS_NODE_SWC: 'true', ...environment },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}
