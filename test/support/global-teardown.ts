import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__klTestCluster;
  if (!started) return;
  await started.cluster.close();
  rmSync(started.dataDir, { recursive: true, force: true });
}
