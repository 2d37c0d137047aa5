/**
 * npm run verify: recomputes every stream's hash chain and every integrity checkpoint from the
 * log, prints what does not match, and exits non-zero if anything does. Reads the same
 * configuration as the service: DATABASE_URL, or the embedded cluster under DATA_DIR, which it
 * uses while the service runs it and starts (and stops again) for itself when the service is
 * stopped.
 *   --head <hash>  also require that a checkpoint with this hash (one you kept) still exists
 */
import { IntegrityCheckpoints, verifyLog } from '@app/event-store';
import { parseArgs } from 'node:util';
import { openLedger, runCommand } from './open-ledger';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { head: { type: 'string' } } });
  const ledger = await openLedger('kinerja-ledger-verify');
  const { database, store } = ledger;
  try {
    const checkpoints = new IntegrityCheckpoints(database, store);
    const all = await checkpoints.all();
    const report = await verifyLog(store, all);
    const keptHeadMissing = values.head !== undefined && !all.some((checkpoint) => checkpoint.hash === values.head);
    console.log(JSON.stringify({ ...report, ...(values.head ? { keptHeadFound: !keptHeadMissing } : {}) }, null, 2));
    for (const { stream, firstInvalidRevision } of report.invalidStreams) {
      console.error(`MISMATCH stream ${stream} at revision ${firstInvalidRevision}`);
    }
    if (report.firstInvalidCheckpoint !== undefined) console.error(`MISMATCH checkpoint ${report.firstInvalidCheckpoint}`);
    if (keptHeadMissing) console.error(`MISMATCH the kept head ${values.head} is not among the checkpoints`);
    return report.valid && !keptHeadMissing ? 0 : 1;
  } finally {
    await ledger.close();
  }
}

runCommand(main);
