/**
 * npm run projections -- status | rebuild <name> [--timeout <seconds>]
 *
 * status: each projection's version, serving slot, checkpoint and whether a rebuild runs.
 * rebuild: fills the idle slot from position 0 while the serving slot keeps answering, then
 * swaps them. Safe on a running deployment: the request is recorded in the database, and
 * whichever process holds the projection's lease (a running service or projector, or this
 * command when none runs) does the work. Waits until the swap, or exits 1 after the timeout.
 */
import { openReadModelDataSource, Projections } from '@app/projections';
import { ALL_PROJECTIONS } from '@app/read-models';
import { parseArgs } from 'node:util';
import { openLedger, runCommand } from './open-ledger';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { timeout: { type: 'string', default: '600' } } });
  const [action, name] = positionals;
  if (action !== 'status' && !(action === 'rebuild' && name)) {
    console.error(`usage: npm run projections -- status | rebuild <${ALL_PROJECTIONS.map((projection) => projection.name).join('|')}>`);
    return 2;
  }
  const ledger = await openLedger('kinerja-ledger-projections');
  const dataSource = await openReadModelDataSource(ledger.database, ALL_PROJECTIONS);
  const projections = new Projections(ledger.database, ledger.store, dataSource, ALL_PROJECTIONS);
  try {
    await projections.initialise();
    if (action === 'rebuild') {
      if (!ALL_PROJECTIONS.some((projection) => projection.name === name)) throw new Error(`Unknown projection ${name}`);
      await projections.rebuild(name);
      // Standing by for the lease: when no other process runs the projections, this one does.
      projections.startRunners();
      const deadline = Date.now() + Number(values.timeout) * 1000;
      while ((await projections.status()).find((status) => status.name === name)!.rebuilding) {
        if (Date.now() > deadline) {
          console.error(`${name} is still rebuilding; it goes on wherever the projections run`);
          return 1;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    console.log(JSON.stringify(await projections.status(), null, 2));
    return 0;
  } finally {
    await projections.stopRunners();
    await dataSource.destroy();
    await ledger.close();
  }
}

runCommand(main);
