import { freePort, run, RunSummary, start, stop, warmUp } from './http-support';

/** The CRUD peer's two cases, measured when asked for, while its process is up. */
export interface CrudPeer {
  /** A correction of one value of a unit's quarter (the same body the ledger's correction takes). */
  write(): Promise<RunSummary>;
  /** A read of that quarter by id. */
  read(): Promise<RunSummary>;
}

/**
 * The CRUD peer (bench/crud-peer-server.ts) in a process of its own on the API's database and
 * pool size, for as long as `body` runs, its code warmed before. Between its cases it stays up,
 * idle (its pool's connections open), while the writes compared with it are measured.
 */
export async function withCrudPeer<T>(
  apiEnv: Record<string, string | undefined>,
  units: number,
  year: number,
  operators: Array<Record<string, string>>,
  indicatorCodes: string[],
  body: (peer: CrudPeer) => Promise<T>,
): Promise<T> {
  const port = await freePort();
  const peer = await start('bench/crud-peer-server.ts', port, {
    DATABASE_URL: apiEnv.DATABASE_URL,
    CRUD_PEER_POOL_SIZE: apiEnv.DATABASE_POOL_SIZE ?? '10',
    CRUD_PEER_UNITS: String(units),
    CRUD_PEER_YEAR: String(year),
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    let writes = 0;
    let reads = 0;
    const write = {
      url,
      requests: [
        {
          setupRequest: () => {
            const n = writes++;
            return {
              method: 'POST' as const,
              path: `/realisations/UNIT-${n % units}/${year}/1/corrections`,
              headers: operators[n % units],
              body: JSON.stringify({ values: [{ indicatorCode: indicatorCodes[n % indicatorCodes.length], value: n % 90 }], reason: `Koreksi ${n}` }),
            };
          },
        },
      ],
    };
    const read = {
      url,
      requests: [
        {
          method: 'GET' as const,
          setupRequest: () => {
            const n = reads++;
            // The token only, as the ledger's reads send: a GET that says it has a JSON body and has none
            // was refused (400) on every other request of a connection after the writes.
            return {
              method: 'GET' as const,
              path: `/realisations/UNIT-${n % units}/${year}/1`,
              headers: { Authorization: operators[n % units].Authorization },
            };
          },
        },
      ],
    };
    await warmUp([write, read]);
    return await body({
      write: () => run('CRUD peer: POST a correction (SELECT … FOR UPDATE, UPDATE, INSERT audit row)', write, peer),
      read: () => run('CRUD peer: GET the quarter by id', read, peer),
    });
  } finally {
    await stop(peer);
  }
}
