/**
 * A service on the embedded default, for the lifecycle test: opens the database under
 * KL_CHILD_DATA_DIR as the service does, records KL_CHILD_MARK, prints the marks it finds and,
 * unless KL_CHILD_ONCE is set, runs until SIGTERM closes the database (and so the cluster).
 */
import { openDatabase } from '@app/database';

async function main(): Promise<void> {
  const database = await openDatabase({ dataDir: process.env.KL_CHILD_DATA_DIR!, applicationName: 'kl-embedded-child' });
  await database.pool.query('CREATE TABLE IF NOT EXISTS kl_lifecycle (mark text NOT NULL)');
  if (process.env.KL_CHILD_MARK) await database.pool.query('INSERT INTO kl_lifecycle (mark) VALUES ($1)', [process.env.KL_CHILD_MARK]);
  const { rows } = await database.pool.query<{ mark: string }>('SELECT mark FROM kl_lifecycle ORDER BY mark');
  process.stdout.write(JSON.stringify({ marks: rows.map((row) => row.mark) }) + '\n');
  if (process.env.KL_CHILD_ONCE) return database.close();
  process.once('SIGTERM', () => void database.close().then(() => process.exit(0)));
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
