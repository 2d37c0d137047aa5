/**
 * npm run import -- <file | ->: loads a file written by npm run export into an EMPTY event
 * store, with every position and hash as they were, and refuses it (exit 1, nothing written)
 * unless every stream's hash chain and every checkpoint verifies. The read models are then
 * rebuilt from position 0 by whichever process runs the projections (an empty read model
 * catches up by itself; see npm run projections). A file with the `personal-data` section needs
 * the PERSONAL_DATA_KEY its keys are wrapped with (else refused); a file without it (export
 * --without-personal-data) yields a ledger whose personal fields read as erased. A version 1
 * file (NIPs in clear) is refused, naming the version.
 */
import { importLog, LogFileRefusedError } from '@app/event-store';
import { importKeys, PERSONAL_DATA_SECTION, PersonalDataKeysSection, resolveDeploymentKey, WrongDeploymentKeyError } from '@app/personal-data';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { openLedger, runCommand } from './open-ledger';

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('usage: npm run import -- <file exported by npm run export | - for stdin>');
    return 2;
  }
  const ledger = await openLedger('kinerja-ledger-import');
  try {
    if (ledger.environment.EVENT_STORE !== 'postgres') {
      console.error('npm run import loads a PostgreSQL event store (EVENT_STORE=postgres)');
      return 2;
    }
    const input = positionals[0] === '-' ? process.stdin : createReadStream(positionals[0]);
    const deploymentKey = resolveDeploymentKey(ledger.environment);
    const imported = await importLog(ledger.database, input, async (name, value, client) => {
      if (name !== PERSONAL_DATA_SECTION) throw new LogFileRefusedError(`a section this import does not take: ${name}`);
      await importKeys(client, deploymentKey, value as PersonalDataKeysSection);
    });
    console.log(JSON.stringify({ imported }, null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof LogFileRefusedError || error instanceof WrongDeploymentKeyError)) throw error;
    console.error(`REFUSED ${error.message}`);
    return 1;
  } finally {
    await ledger.close();
  }
}

runCommand(main);
