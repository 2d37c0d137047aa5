import { answersAboveLedger, capaianLetter, suggestionFor } from './ledger-evidence';

const share = (numerator: number, denominator: number) => ({ figure: { kind: 'SHARE' as const, numerator, denominator }, links: ['/x'], basis: 'b' });

describe('ledger evidence', () => {
  it.each([
    ['YA_TIDAK', 4, 4, 'YA'],
    ['YA_TIDAK', 3, 4, 'TIDAK'],
    ['ABCD', 4, 4, 'A'],
    ['ABCD', 2, 3, 'B'],
    ['ABCD', 3, 5, 'C'],
    ['ABCD', 0, 5, 'D'],
    ['ABC', 1, 2, 'B'],
    ['ABCDE', 3, 4, 'B'],
    ['PERCENT', 3, 4, { numerator: 3, denominator: 4 }],
  ] as const)('suggests for %s a share of %i of %i: %j, the best answer it fully earns', (answerType, numerator, denominator, value) =>
    expect(suggestionFor(answerType, share(numerator, denominator))?.value).toEqual(value),
  );

  it('suggests nothing a survey or an empty share can take', () => {
    expect(suggestionFor('SURVEY', share(1, 1))).toBeNull();
    expect(suggestionFor('ABCD', share(0, 0))).toBeNull();
  });

  it('suggests a survey index for a SURVEY item as it is, and for nothing else', () => {
    const index = { figure: { kind: 'INDEX' as const, value: 3.45 }, links: ['/x'], basis: 'b' };
    expect(suggestionFor('SURVEY', index)?.value).toBe(3.45);
    expect(suggestionFor('ABCD', index)).toBeNull();
    expect(answersAboveLedger('SURVEY', 3.6, 3.45)).toBe(true);
    expect(answersAboveLedger('SURVEY', 3.45, 3.45)).toBe(false);
  });

  it.each([
    [105, 100, 'A'],
    [105, 110, 'B'],
    [100, null, 'A'],
    [85, 90, 'C'],
    [79.99, null, 'D'],
  ] as const)('grades capaian kinerja %d (last year %p) %s', (achievement, lastYear, letter) => expect(capaianLetter(achievement, lastYear)).toBe(letter));

  it('flags an answer that earns more than the suggestion, not one that earns the same or less', () => {
    expect(answersAboveLedger('ABCD', 'A', 'B')).toBe(true);
    expect(answersAboveLedger('ABCD', 'B', 'B')).toBe(false);
    expect(answersAboveLedger('PERCENT', { numerator: 1, denominator: 2 }, { numerator: 2, denominator: 4 })).toBe(false);
    expect(answersAboveLedger('YA_TIDAK', 'YA', undefined)).toBe(false);
  });
});
