/**
 * npm run export [-- --out <file>]: the whole log (every event with its position, metadata
 * and hashes, and every integrity checkpoint) as NDJSON, to the file or to stdout, up to the
 * head as it stands when the export starts. The format: libs/event-store/src/log-file.
 */
import { exportLog, IntegrityCheckpoints } from '@app/event-store';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { openLedger, runCommand } from './open-ledger';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const ledger = await openLedger('kinerja-ledger-export');
  try {
    const checkpoints = await new IntegrityCheckpoints(ledger.database, ledger.store).all();
    const out = values.out ? createWriteStream(values.out, { flags: 'wx', mode: 0o600 }) : process.stdout;
    const header = await exportLog(ledger.store, checkpoints, out);
    if (values.out) {
      out.end();
      await once(out, 'finish');
    }
    // stdout carries the file itself when there is no --out: the summary goes to stderr.
    console.error(JSON.stringify({ exported: { events: header.events, streams: header.streams, checkpoints: header.checkpoints, head: header.head } }));
    return 0;
  } finally {
    await ledger.close();
  }
}

runCommand(main);
