import { ikmOf, meanAnswerOf, minimumSample, mutuOf, nrrOf, sampleSufficient, SurveyTally } from './survey-results';

const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

/** A tally of these answers, each a list of nine values U1..U9. */
function tallyOf(answers: number[][]): SurveyTally {
  const sums: Record<string, number> = {};
  for (const row of answers) row.forEach((value, index) => (sums[UNSUR[index]] = (sums[UNSUR[index]] ?? 0) + value));
  return { responses: answers.length, sums };
}

describe('survey results', () => {
  it.each<[number, string]>([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ])('an IKM of %s is mutu %s', (ikm, mutu) => expect(mutuOf(ikm)).toBe(mutu));

  it.each<[number, number]>([
    [100, 80],
    [1000, 278],
    [10000, 370],
    [1, 1],
  ])('a population of %s needs %s answers (Krejcie–Morgan)', (population, sample) => expect(minimumSample(population)).toBe(sample));

  it('a sample is sufficient from the minimum on, not one answer before', () => {
    expect(sampleSufficient(79, 100)).toBe(false);
    expect(sampleSufficient(80, 100)).toBe(true);
  });

  it('works NRR to 4 decimals and IKM from the unrounded means, rounded once', () => {
    // Three answers: U1 gets 4,3,3 (NRR 3.3333), every other unsur 3,3,3; Σ = 10 + 8×9 = 82.
    // IKM = 25 × 82 / 27 = 75.925925… → 75.93.
    const tally = tallyOf([
      [4, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    expect(nrrOf(tally, 'U1')).toBe(3.3333);
    expect(nrrOf(tally, 'U2')).toBe(3);
    expect(ikmOf(tally, UNSUR)).toBe(75.93);
    expect(mutuOf(ikmOf(tally, UNSUR)!)).toBe('C');
  });

  it.each<[number, number, string]>([
    // 25 × S / (9 × 5000) lands exactly on a half-hundredth: 76.605, 88.305, 64.995.
    [137889, 76.61, 'B'],
    [158949, 88.31, 'A'],
    [116991, 65, 'C'],
    [116990, 64.99, 'D'],
  ])('5,000 answers summing to %s over the nine unsur make IKM %s (half up, once), mutu %s', (total, ikm, mutu) => {
    const tally: SurveyTally = { responses: 5000, sums: { U1: total } };
    expect(ikmOf(tally, UNSUR)).toBe(ikm);
    expect(mutuOf(ikmOf(tally, UNSUR)!)).toBe(mutu);
  });

  it('works IKM from the unrounded NRRs, so rounding happens once', () => {
    // Three answers; six unsur sum to 4 (NRR 1.3333), three to 3 (NRR 1). Exact: 25 × 33 / 27
    // = 30.5555… → 30.56. Rounding the NRRs first would give (6 × 1.3333 + 3) × 25 / 9 = 30.555 → 30.55.
    const tally: SurveyTally = { responses: 3, sums: { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 3, U8: 3, U9: 3 } };
    expect(nrrOf(tally, 'U1')).toBe(1.3333);
    expect(nrrOf(tally, 'U7')).toBe(1);
    expect(ikmOf(tally, UNSUR)).toBe(30.56);
  });

  it('rounds an NRR exactly half way up: 37 over 32 answers is 1.15625 → 1.1563', () => {
    expect(nrrOf({ responses: 32, sums: { U1: 37 } }, 'U1')).toBe(1.1563);
  });

  it('has no figures before the first answer', () => {
    const empty = { responses: 0, sums: {} };
    expect(nrrOf(empty, 'U1')).toBeNull();
    expect(ikmOf(empty, UNSUR)).toBeNull();
    expect(meanAnswerOf(empty, ['Q1'])).toBeNull();
  });

  it('IPAK and IPKP are the mean of every answer, 2 decimals half up', () => {
    // (3 + 4 + 4) + (2 + 3 + 3) = 19 over 6 answers = 3.1666… → 3.17
    expect(meanAnswerOf({ responses: 2, sums: { Q1: 5, Q2: 7, Q3: 7 } }, ['Q1', 'Q2', 'Q3'])).toBe(3.17);
    // 3.125 exactly → 3.13
    expect(meanAnswerOf({ responses: 8, sums: { Q1: 25 } }, ['Q1'])).toBe(3.13);
  });
});
