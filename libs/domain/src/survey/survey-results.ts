/**
 * Survey results (DOMAIN.md, Surveys rule 3; PermenPANRB 14/2017), worked out from running sums
 * so that a read costs the same for ten answers as for a hundred thousand. Every answer is an
 * integer 1–4, so each figure is a ratio of integers; rounding is done in integer arithmetic on
 * that ratio, once, which keeps 88.305 from becoming 88.30 through binary noise.
 */

/** The running sums a survey's results need: how many answered, and per question the sum of the answers. */
export interface SurveyTally {
  responses: number;
  sums: Record<string, number>;
}

/** SKM quality categories (mutu pelayanan), highest first, with the lowest IKM in hundredths each starts at. */
export const MUTU_BANDS = [
  { mutu: 'A', label: 'Sangat Baik', fromHundredths: 8831 },
  { mutu: 'B', label: 'Baik', fromHundredths: 7661 },
  { mutu: 'C', label: 'Kurang Baik', fromHundredths: 6500 },
  { mutu: 'D', label: 'Tidak Baik', fromHundredths: 0 },
] as const;
export type Mutu = (typeof MUTU_BANDS)[number]['mutu'];

/** `numerator / denominator` rounded half up to `decimals`, for non-negative integers. */
function ratioHalfUp(numerator: number, denominator: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor((2 * numerator * scale + denominator) / (2 * denominator)) / scale;
}

/** NRR per unsur (nilai rata-rata): the mean answer, 4 decimals half up; null before the first answer. */
export function nrrOf(tally: SurveyTally, question: string): number | null {
  return tally.responses === 0 ? null : ratioHalfUp(tally.sums[question] ?? 0, tally.responses, 4);
}

/**
 * IKM = Σ NRRᵢ × 1/9 × 25 over the nine unsur, with the unrounded NRRs and the exact 1/9:
 * 25 × (Σ all answers) / (9 × responses), rounded to 2 decimals half up at the end only.
 */
export function ikmOf(tally: SurveyTally, unsur: readonly string[]): number | null {
  if (tally.responses === 0) return null;
  const total = unsur.reduce((sum, code) => sum + (tally.sums[code] ?? 0), 0);
  return ratioHalfUp(25 * total, unsur.length * tally.responses, 2);
}

/** The band an IKM (2 decimals) falls in; each band includes its lower edge and excludes the next band's. */
export function mutuOf(ikm: number): Mutu {
  const hundredths = Math.round(ikm * 100);
  return MUTU_BANDS.find((band) => hundredths >= band.fromHundredths)!.mutu;
}

/**
 * Krejcie–Morgan's minimum sample for a population of N: ⌈χ²NP(1−P) / (d²(N−1) + χ²P(1−P))⌉
 * with χ² = 3.841, P = 0.5, d = 0.05. Multiplied out by 4,000 it is ⌈3841N / (10(N−1) + 3841)⌉,
 * all integers, so the ceiling never meets a 79.99999….
 */
export function minimumSample(population: number): number {
  const numerator = 3841 * population;
  const denominator = 10 * (population - 1) + 3841;
  return Math.floor((numerator + denominator - 1) / denominator);
}

export function sampleSufficient(responses: number, population: number): boolean {
  return responses >= minimumSample(population);
}

/** IPAK and IPKP: the mean of every answer to every question (0–4), 2 decimals half up. */
export function meanAnswerOf(tally: SurveyTally, questions: readonly string[]): number | null {
  if (tally.responses === 0) return null;
  const total = questions.reduce((sum, code) => sum + (tally.sums[code] ?? 0), 0);
  return ratioHalfUp(total, questions.length * tally.responses, 2);
}
