import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Relative: jest's module mapper does not apply to its global setup.
import { EmbeddedCluster } from '../../libs/database/src/embedded';
import { TEST_PERSONAL_DATA_KEY } from './personal-data-key';

declare global {
  var __klTestCluster: { cluster: EmbeddedCluster; dataDir: string } | undefined;
}

/**
 * Without TEST_DATABASE_URL (or with KL_TEST_DATABASE=embedded) the run gets one embedded
 * cluster, the service's own embedded default, under a temporary DATA_DIR; every test file then
 * creates its databases on it, as it would on a server. The workers are started after this and
 * inherit the variables set here.
 */
export default async function globalSetup(): Promise<void> {
  // One deployment key for the run (apps, scripts and child processes inherit it), so that no
  // test writes a key file under the checkout's DATA_DIR; tests of the key itself set their own.
  process.env.PERSONAL_DATA_KEY ??= TEST_PERSONAL_DATA_KEY;
  if (process.env.TEST_DATABASE_URL && process.env.KL_TEST_DATABASE !== 'embedded') return;
  const dataDir = mkdtempSync(join(tmpdir(), 'kl-test-cluster-'));
  // Under root the cluster runs as the `postgres` user, who must be able to enter it.
  chmodSync(dataDir, 0o755);
  const cluster = await EmbeddedCluster.open({ dataDir });
  globalThis.__klTestCluster = { cluster, dataDir };
  process.env.TEST_DATABASE_URL = cluster.connectionString;
  process.env.KL_TEST_DATABASE = 'embedded';
}
