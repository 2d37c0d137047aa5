import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listenOnLoopback, startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const QUICKSTART = join(ROOT, 'docs/quickstart.md');
const NOT_RUN = '<!-- quickstart: not run';

interface Block {
  line: number;
  code: string;
}

/** The page's ```bash blocks in order, but those the comment before them marks as not run. */
function runnableBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].trim() !== '```bash') continue;
    let previous = index - 1;
    while (previous >= 0 && lines[previous].trim() === '') previous--;
    const skipped = previous >= 0 && lines[previous].trim().startsWith(NOT_RUN);
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    if (!skipped) blocks.push({ line: start, code: lines.slice(start, end).join('\n') });
    index = end;
  }
  return blocks;
}

function bash(script: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const inherited = { ...process.env };
  // npm run token signs with the development secret, as the app under test checks.
  delete inherited.AUTH_JWT_SECRET;
  delete inherited.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(
      'bash',
      ['-c', script],
      { cwd: ROOT, env: inherited, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 420_000 },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/**
 * docs/quickstart.md, run as a newcomer would paste it: every bash block in order in one shell
 * against the real app (listening on a port of its own instead of 3000), each request made to
 * fail the script on an answer that is not 2xx (`--fail-with-body`, `set -e`).
 */
describe('docs/quickstart.md', () => {
  let testApp: TestApp;
  let base: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    base = await listenOnLoopback(testApp);
  }, 120_000);
  afterAll(() => testApp.close());

  it('has its blocks, the start of the service left to the test', () => {
    const markdown = readFileSync(QUICKSTART, 'utf8');
    const blocks = runnableBlocks(markdown);
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.some((block) => block.code.includes('npm start'))).toBe(false);
    expect(markdown).toContain('npm install && npm start');
  });

  it('runs every request of the page, in order, each answered 2xx', async () => {
    const blocks = runnableBlocks(readFileSync(QUICKSTART, 'utf8'));
    const script = [
      'set -euo pipefail',
      ...blocks.map((block) => `echo "=== docs/quickstart.md line ${block.line}" >&2\n${block.code.replaceAll('http://localhost:3000', base)}`),
      'echo "=== done" >&2',
    ].join('\n');
    const run = await bash(script);
    const trace = `exit ${run.status}\n--- stderr\n${run.stderr}\n--- stdout (last 4000 characters)\n${run.stdout.slice(-4000)}`;
    expect({ status: run.status, done: run.stderr.includes('=== done'), trace }).toMatchObject({ status: 0, done: true });
    // The finding's id was picked out of its answer, and the portal shows the unit.
    expect(run.stdout).toMatch(/^finding [0-9a-f-]{36}$/m);
    expect(run.stdout).toMatch(/^200 application\/pdf/m);
  }, 480_000);
});
