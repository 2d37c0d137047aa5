import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** `npm run token -- …` as a developer runs it: ts-node, no build. */
function token(...args: string[]) {
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/token.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), AUTH_MAX_TOKEN_HOURS: '24' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Issue #22: the token tool explains itself and refuses what the server would refuse. */
describe('npm run token', () => {
  it('--help explains the options, without a stack', () => {
    const run = token('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--role\s+one of admin, opd_operator/);
    expect(run.stderr).toBe('');
  }, 60_000);

  it.each([
    [['--role', 'operator'], /--role operator is not a role the server knows: use one of admin/],
    [['--role', 'opd_operator'], /--role opd_operator acts for one OPD: add --opd <CODE>/],
    [['--role', 'opd_operator', '--opd', 'dinkes'], /--opd dinkes is not an OPD code: .* like DINKES/],
    [['--role', 'admin', '--hours', '48'], /--hours 48 is refused: the server accepts tokens of 1 to 24 hours/],
    [['--rol', 'admin'], /Unknown option '--rol'/],
  ])(
    'refuses %j in one line',
    (args, message) => {
      const run = token(...args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    },
    60_000,
  );

  it('mints what the server accepts', () => {
    const run = token('--role', 'opd_operator', '--opd', 'DINKES', '--hours', '24');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  }, 60_000);
});
