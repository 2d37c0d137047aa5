import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, tokenFor } from '../support/tokens';

const ROOT = join(__dirname, '../..');
const run = promisify(execFile);

/** `npm run projections` against a running service's database, as an operator would. */
async function projectionsCommand(environment: Record<string, string>, ...args: string[]) {
  const { stdout } = await run(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'scripts/projections.ts'), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...environment, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), LOG_LEVEL: 'silent' },
    },
  );
  return JSON.parse(stdout) as Array<{ name: string; activeSlot: string; rebuilding: boolean; position: string | null }>;
}

describe('npm run projections on a running deployment', () => {
  let testApp: TestApp;
  let lastPosition: string;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp();
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    for (const code of ['DINKES', 'DISDIK', 'BAPPEDA']) {
      lastPosition = (
        await http()
          .post('/api/v1/opds')
          .set(admin)
          .send({ code, name: `Unit ${code}` })
          .expect(201)
      ).body.position;
    }
  });
  afterAll(() => testApp.close());

  // Two processes of the command start under ts-node, each a few seconds on a loaded machine.
  it('reports every projection, then rebuilds one into the other slot while the service keeps serving the same rows', async () => {
    const inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    const before = await http().get('/api/v1/opds').set(inspector).set('X-Min-Position', lastPosition).expect(200);
    expect(before.body.items).toHaveLength(3);
    const status = await projectionsCommand(testApp.databaseEnvironment, 'status');
    expect(status.map((entry) => entry.name).sort()).toEqual([
      'complaint-register',
      'dashboards',
      'finding-register',
      'gratification-register',
      'lkjip-register',
      'opd-registry',
      'plan-register',
      'public-feed',
      'skp-register',
      'survey-results',
      'wbs-register',
      'zi-register',
    ]);
    const opds = status.find((entry) => entry.name === 'opd-registry')!;

    const after = await projectionsCommand(testApp.databaseEnvironment, 'rebuild', 'opd-registry');
    const rebuilt = after.find((entry) => entry.name === 'opd-registry')!;
    expect(rebuilt).toMatchObject({ rebuilding: false, activeSlot: opds.activeSlot === 'a' ? 'b' : 'a' });
    // The service notices the swap within its state cache's lifetime.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await http().get('/api/v1/opds').set(inspector).expect(200)).body).toEqual(before.body);
  }, 90_000);

  it('refuses a projection it does not know, naming the ones it does', async () => {
    await expect(projectionsCommand(testApp.databaseEnvironment, 'rebuild', 'nope')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown projection nope'),
    });
    // A ts-node process of its own, as the rebuild above: on a busy machine its start alone nears 30 s.
  }, 90_000);
});
