import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import { runScript } from '../support/run-script';
import { startTestApp, TestApp } from '../support/test-app';

const UNITS = {
  DINKES: 'Dinas Kesehatan',
  DISDIK: 'Dinas Pendidikan dan Kebudayaan',
  BAPPEDA: 'Badan Perencanaan Pembangunan Daerah',
  DPUPR: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  DINSOS: 'Dinas Sosial',
  DLH: 'Dinas Lingkungan Hidup',
};

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
    await testApp.app.listen(0, '127.0.0.1');
    base = (await testApp.app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  });
  afterAll(() => testApp.close());

  it('fills an empty store with a regency the ranking and the portal show, and says where to look', async () => {
    const run = await runScript('demo', ['--url', base], {});
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
  }, 180_000);

  it('refuses a store that already holds events, writing nothing, and stops at the first refusal with --force', async () => {
    const before = await eventCount();
    const again = await runScript('demo', ['--url', base], {});
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^REFUSED: the store at .* already holds 6 unit\(s\) \(BAPPEDA, DINKES, DINSOS, DISDIK, DLH, DPUPR\).*--force/);
    const forced = await runScript('demo', ['--url', base, '--force'], {});
    expect(forced.status).toBe(1);
    expect(forced.stderr).toContain('POST /api/v1/opds answered 409: ALREADY_EXISTS');
    expect(await eventCount()).toBe(before);
  }, 60_000);

  it('says so when no service answers', async () => {
    const run = await runScript('demo', ['--url', 'http://127.0.0.1:9'], {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('REFUSED: no service answers at http://127.0.0.1:9');
  }, 60_000);
});
