/**
 * npm run export [-- --out <file>] [--without-personal-data]: the whole log (every event with
 * its position, metadata and hashes, and every integrity checkpoint) as NDJSON, to the file or
 * to stdout, up to the head as it stands when the export starts, with the `personal-data`
 * section (the subjects' keys, wrapped with PERSONAL_DATA_KEY, and the subject map). Without
 * it, the file verifies but its personal fields cannot be read: for an outside auditor.
 * The format: libs/event-store/src/log-file.
 */
import { exportLog, IntegrityCheckpoints } from '@app/event-store';
import { exportKeys, PERSONAL_DATA_SECTION } from '@app/personal-data';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { openLedger, runCommand } from './open-ledger';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'without-personal-data': { type: 'boolean' } } });
  const ledger = await openLedger('kinerja-ledger-export');
  try {
    const checkpoints = await new IntegrityCheckpoints(ledger.database, ledger.store).all();
    const out = values.out ? createWriteStream(values.out, { flags: 'wx', mode: 0o600 }) : process.stdout;
    // The keys are read before the log: a subject erased meanwhile then only reads as erased.
    const sections = values['without-personal-data'] ? [] : [{ name: PERSONAL_DATA_SECTION, value: await exportKeys(ledger.database.pool) }];
    const header = await exportLog(ledger.store, checkpoints, out, 1000, sections);
    if (values.out) {
      out.end();
      await once(out, 'finish');
    }
    // stdout carries the file itself when there is no --out: the summary goes to stderr.
    console.error(
      JSON.stringify({
        exported: { events: header.events, streams: header.streams, checkpoints: header.checkpoints, sections: header.sections, head: header.head },
      }),
    );
    return 0;
  } finally {
    await ledger.close();
  }
}

runCommand(main);
