import { SourceFault } from '../follow/bounded-fetch';
import { GENESIS_HASH, Head, judgeHead, parseHead } from './head-judgement';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const position = (n: number) => `${String(n).padStart(20, '0')}-${'0'.repeat(20)}`;
const head = (sequence: number, overrides: Partial<Head> = {}): Head => ({
  sequence,
  position: position(sequence * 10),
  events: 10,
  hash: hash(sequence + 100),
  previousHash: sequence === 1 ? GENESIS_HASH : hash(sequence + 99),
  recordedAt: '2026-03-01T00:00:00.000Z',
  ...overrides,
});

describe('judging a new integrity head against the latest seen', () => {
  it.each<[string, Head | null, Head, string]>([
    ['the first head seen', null, head(3), 'FIRST'],
    ['the same head again', head(3), head(3), 'SAME'],
    ['the next checkpoint, chained to the seen one', head(3), head(4), 'EXTENDS'],
    ['a later checkpoint, further on', head(3), head(7), 'GAP'],
  ])('%s: %s', (_what, latest, next, verdict) => {
    expect(judgeHead(latest, next)).toEqual({ verdict });
  });

  it.each<[string, Head | null, Head, RegExp]>([
    [
      'the next checkpoint chained to another hash (a rewritten history)',
      head(3),
      head(4, { previousHash: hash(1) }),
      /does not chain to the hash of checkpoint 3/,
    ],
    ['the same checkpoint with another hash', head(3), head(3, { hash: hash(9) }), /checkpoint 3 was shown with different contents/],
    ['a head that went back', head(4), head(3), /went back from checkpoint 4 to 3/],
    ['a later checkpoint that covers less', head(3), head(5, { position: position(20) }), /not past/],
    ['a first checkpoint not on the genesis hash', null, head(1, { previousHash: hash(1) }), /genesis/],
  ])('%s is BROKEN, saying why', (_what, latest, next, reason) => {
    const judgement = judgeHead(latest, next);
    expect(judgement.verdict).toBe('BROKEN');
    expect(judgement.reason).toMatch(reason);
  });

  it.each([['garbage'], [null], [{ ...head(1), hash: 'abc' }], [{ ...head(1), sequence: '1' }], [{ ...head(1), position: 'x' }]])(
    'refuses a head of another shape as a fault, not as evidence: %p',
    (body) => {
      expect(() => parseHead(body)).toThrow(SourceFault);
    },
  );
});
