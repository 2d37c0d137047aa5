/**
 * npm run verify: recomputes every stream's hash chain and every integrity checkpoint from the
 * log, prints what does not match, and exits non-zero if anything does. Reads the same
 * configuration as the service: DATABASE_URL, or the embedded cluster under DATA_DIR, which it
 * uses while the service runs it and starts (and stops again) for itself when the service is
 * stopped.
 *   --head <hash>   also require that a checkpoint with this hash (one you kept) still exists
 *   --projections   also rebuild every read model from position 0 into temporary tables, up to
 *                   the serving slot's checkpoint, and compare the two row by row
 */
import { IntegrityCheckpoints, verifyLog } from '@app/event-store';
import { compareWithRebuild, openReadModelDataSource } from '@app/projections';
import { ALL_PROJECTIONS } from '@app/read-models';
import { parseArgs } from 'node:util';
import { Ledger, openLedger, runCommand } from './open-ledger';
import { describeComparison, ProjectionReport } from './projection-report';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { head: { type: 'string' }, projections: { type: 'boolean' } } });
  const ledger = await openLedger('kinerja-ledger-verify');
  const { database, store } = ledger;
  try {
    const checkpoints = new IntegrityCheckpoints(database, store);
    const all = await checkpoints.all();
    const report = await verifyLog(store, all);
    const keptHeadMissing = values.head !== undefined && !all.some((checkpoint) => checkpoint.hash === values.head);
    const projections = values.projections ? await compareProjections(ledger) : undefined;
    console.log(JSON.stringify({ ...report, ...(values.head ? { keptHeadFound: !keptHeadMissing } : {}), ...(projections ? { projections } : {}) }, null, 2));
    for (const { stream, firstInvalidRevision } of report.invalidStreams) {
      console.error(`MISMATCH stream ${stream} at revision ${firstInvalidRevision}`);
    }
    if (report.firstInvalidCheckpoint !== undefined) console.error(`MISMATCH checkpoint ${report.firstInvalidCheckpoint}`);
    if (keptHeadMissing) console.error(`MISMATCH the kept head ${values.head} is not among the checkpoints`);
    const differing = (projections ?? []).filter((projection) => projection.differences > 0);
    for (const projection of differing) console.error(`MISMATCH projection ${projection.projection}: ${projection.differences} rows differ from its rebuild`);
    return report.valid && !keptHeadMissing && differing.length === 0 ? 0 : 1;
  } finally {
    await ledger.close();
  }
}

/** One at a time: each holds a session and rebuilds a read model, beside a running service. */
async function compareProjections(ledger: Ledger): Promise<ProjectionReport[]> {
  const dataSource = await openReadModelDataSource(ledger.database, ALL_PROJECTIONS);
  try {
    const reports: ProjectionReport[] = [];
    for (const projection of ALL_PROJECTIONS) reports.push(describeComparison(await compareWithRebuild(dataSource, ledger.store, projection)));
    return reports;
  } finally {
    await dataSource.destroy();
  }
}

runCommand(main);
