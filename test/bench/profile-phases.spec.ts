import { summariseByPhase } from '../../bench/profile-phases';

const DIST = 'file:///repo/dist';

/** A profile of a few frames: each sample names a node, each delta is its self time in µs. */
function profileOf(frames: Array<[id: number, parent: number | null, functionName: string, url: string]>, samples: Array<[id: number, micros: number]>) {
  return {
    nodes: frames.map(([id, , functionName, url]) => ({
      id,
      callFrame: { functionName, url },
      children: frames.filter(([, parent]) => parent === id).map(([child]) => child),
    })),
    samples: samples.map(([id]) => id),
    timeDeltas: samples.map(([, micros]) => micros),
  };
}

describe('a write profile grouped into phases', () => {
  const profile = profileOf(
    [
      [1, null, '(root)', ''],
      [2, 1, 'handler', `${DIST}/node_modules/fastify/lib/handle-request.js`],
      [3, 2, 'canonicalJson', `${DIST}/libs/event-store/src/canonical-json.js`],
      [4, 3, 'stringify', ''],
      [5, 2, 'validate', `${DIST}/node_modules/class-validator/cjs/validation/Validator.js`],
      [6, 1, 'parseRow', `${DIST}/node_modules/pg/lib/result.js`],
      [7, 1, 'Module._load', 'node:internal/modules/cjs/loader'],
      [8, 7, 'validate', `${DIST}/node_modules/class-validator/cjs/validation/Validator.js`],
      [9, 1, '(idle)', ''],
      [10, 1, '(garbage collector)', ''],
    ],
    [
      [4, 3000],
      [5, 1000],
      [6, 2000],
      [8, 2000],
      [9, 50_000],
      [10, 2000],
    ],
  );
  const phases = Object.fromEntries(summariseByPhase(profile).map((row) => [row.phase, row]));

  it('gives a native call the phase of the nearest caller that has one', () => {
    expect(phases['hash and canonical JSON']).toMatchObject({ selfMs: 3, top: [{ name: 'stringify', selfMs: 3 }] });
    expect(phases['HTTP and validation'].selfMs).toBe(1);
  });

  it('names what ran after an await as what it is, and start-up apart from the load', () => {
    expect(phases['pg driver, after an await (parsing answers, any phase)'].selfMs).toBe(2);
    expect(phases['start-up: loading modules (before the load)'].selfMs).toBe(2);
    expect(phases['garbage collection'].selfMs).toBe(2);
  });

  it('shares out the busy time only: idle is no phase', () => {
    expect(Object.keys(phases)).not.toContain('other');
    expect(Object.values(phases).reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(100, 5);
    expect(phases['hash and canonical JSON'].share).toBe(30);
  });
});
