/**
 * npm run personal-data -- <command>: the deployment key that wraps every data subject's key.
 *   rotate-key    re-wraps every data key (and the lookup key) from the current PERSONAL_DATA_KEY
 *                 to PERSONAL_DATA_KEY_NEW, in one transaction; no event changes. Without
 *                 PERSONAL_DATA_KEY set (the embedded default's key file under DATA_DIR), a new
 *                 key is generated and the file replaced once the transaction has committed.
 *   key-id        the id of the current key (as wrapped values and errors name it), never the key.
 * Keys are never printed: a new key for a configured deployment is made by the operator
 * (`openssl rand -base64 32`) and handed in through PERSONAL_DATA_KEY_NEW.
 */
import { DEPLOYMENT_KEY_FILE, DeploymentKey, PersonalData, resolveDeploymentKey, rotateDeploymentKey } from '@app/personal-data';
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openLedger, runCommand } from './open-ledger';

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [command] = positionals;
  if (command !== 'rotate-key' && command !== 'key-id') {
    console.error('usage: npm run personal-data -- rotate-key | key-id');
    return 2;
  }
  const ledger = await openLedger('kinerja-ledger-personal-data');
  try {
    const current = resolveDeploymentKey(ledger.environment);
    // Opening checks the key against what is stored: a wrong one stops here, by name.
    await PersonalData.open(ledger.database.pool, current);
    if (command === 'key-id') {
      console.log(JSON.stringify({ keyId: current.id }));
      return 0;
    }
    const configured = Boolean(ledger.environment.PERSONAL_DATA_KEY);
    const fromEnvironment = process.env.PERSONAL_DATA_KEY_NEW;
    if (configured && !fromEnvironment) {
      console.error('PERSONAL_DATA_KEY is configured: set PERSONAL_DATA_KEY_NEW to the new key (32 bytes, base64) to rotate to it');
      return 2;
    }
    const next = fromEnvironment ? DeploymentKey.fromBase64(fromEnvironment, 'PERSONAL_DATA_KEY_NEW') : DeploymentKey.generate();
    if (next.id === current.id) {
      console.error('PERSONAL_DATA_KEY_NEW is the current key');
      return 2;
    }
    const file = join(ledger.environment.DATA_DIR, DEPLOYMENT_KEY_FILE);
    const staged = `${file}.new`;
    if (!configured) {
      // Written before the commit, moved in after it: a crash in between leaves the old file
      // valid (the transaction rolled back) or the new key staged beside it, never no key.
      writeFileSync(staged, next.toBase64() + '\n', { mode: 0o600 });
      chmodSync(staged, 0o600);
    }
    const rewrapped = await rotateDeploymentKey(ledger.database.pool, current, next);
    if (!configured) renameSync(staged, file);
    console.log(JSON.stringify({ rotated: { keys: rewrapped, from: current.id, to: next.id, ...(configured ? {} : { keyFile: file }) } }));
    if (configured) console.error('Now set PERSONAL_DATA_KEY to the new key everywhere the service runs, and restart.');
    return 0;
  } finally {
    await ledger.close();
  }
}

runCommand(main);
