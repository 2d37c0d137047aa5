import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { listenOnLoopback, startTestApp, TestApp } from '../support/test-app';

const UNITS = {
  DINKES: 'Dinas Kesehatan',
  DISDIK: 'Dinas Pendidikan dan Kebudayaan',
  BAPPEDA: 'Badan Perencanaan Pembangunan Daerah',
  DPUPR: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  DINSOS: 'Dinas Sosial',
  DLH: 'Dinas Lingkungan Hidup',
};

const ROOT = join(__dirname, '../..');

/**
 * `npm run demo` as npm runs it (test/support/run-script.ts's way, with more time: the demo
 * makes some 150 requests, and on two shared cores under other runs that took over a minute).
 */
function demo(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.AUTH_JWT_SECRET;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'scripts/demo.ts'), ...args],
      { cwd: ROOT, env: { ...inherited, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, encoding: 'utf8', timeout: 280_000 },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** `npm run demo` against the real app listening on a port, on an empty database. */
describe('npm run demo', () => {
  let testApp: TestApp;
  let base: string;
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).slice(0, 4));

  async function eventCount(): Promise<number> {
    const { rows } = await testApp.app.get<Database>(DATABASE).pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    base = await listenOnLoopback(testApp);
  }, 120_000);
  afterAll(() => testApp.close());

  it('fills an empty store with a regency the ranking and the portal show, and says where to look', async () => {
    const run = await demo(['--url', base]);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain(`${base}/?year=${year}`);
    expect(run.stdout).toContain('LKjIP');

    const regency = await fetch(`${base}/public/v1/regency/${year}`);
    expect(regency.status).toBe(200);
    const { items } = (await regency.json()) as { items: Array<{ opdCode: string; plan: { achievement: number | null }; lkjip: { status: string | null } }> };
    expect(items.map((item) => item.opdCode).sort()).toEqual(Object.keys(UNITS).sort());
    // Five approved and reported plans ranked by achievement, the one awaiting approval last.
    expect(items.slice(0, 5).every((item) => typeof item.plan.achievement === 'number')).toBe(true);
    expect(items[5]).toMatchObject({ opdCode: 'DLH', plan: { achievement: null } });
    expect(items.find((item) => item.opdCode === 'DINKES')?.lkjip.status).toBe('PUBLISHED');

    const portal = await fetch(`${base}/?year=${year}`);
    expect(portal.status).toBe(200);
    const page = await portal.text();
    for (const name of Object.values(UNITS)) expect(page).toContain(name);
    const unit = await fetch(`${base}/opd/DINKES/${year}`);
    expect(unit.status).toBe(200);
    expect(await unit.text()).toContain('Persentase balita dengan status gizi baik');
    expect((await fetch(`${base}/public/v1/opds/DINKES/lkjip/${year}.pdf`)).headers.get('content-type')).toContain('application/pdf');
  }, 300_000);

  it('refuses a store that already holds events, writing nothing, and stops at the first refusal with --force', async () => {
    const before = await eventCount();
    const again = await demo(['--url', base]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^REFUSED: the store at .* already holds 6 unit\(s\) \(BAPPEDA, DINKES, DINSOS, DISDIK, DLH, DPUPR\).*--force/);
    const forced = await demo(['--url', base, '--force']);
    expect(forced.status).toBe(1);
    expect(forced.stderr).toContain('POST /api/v1/opds answered 409: ALREADY_EXISTS');
    expect(await eventCount()).toBe(before);
  }, 120_000);

  it('says so when no service answers', async () => {
    const run = await demo(['--url', 'http://127.0.0.1:9']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REFUSED: no service answers at http://127.0.0.1:9');
  }, 120_000);
});
