import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const LOADED = `require('./apps/api/src/api.module'); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;

/**
 * Whatever the API module graph loads stays live for the life of every process, and V8 lets
 * the old generation grow to a multiple of what stays live: pdfkit (5 MB of heap) and the
 * EventStoreDB client (6 MB) are loaded where they are used (lkjip-pdf.ts, platform.module.ts).
 * In a process of its own: jest's module registry is not Node's.
 */
describe('the modules the API loads at start', () => {
  it('leave out pdfkit and the EventStoreDB client', () => {
    const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', LOADED], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const loaded = JSON.parse(output) as string[];
    expect(loaded.filter((path) => path.includes('/node_modules/typeorm/')).length).toBeGreaterThan(0);
    expect(loaded.filter((path) => /\/node_modules\/(pdfkit|@eventstore\/db-client)\//.test(path))).toEqual([]);
  }, 60_000);
});
