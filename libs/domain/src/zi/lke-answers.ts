import { Exact, exact, exactDecimal } from './exact';
import { AnswerType } from './lke-template';
import { LkeValue } from './zi.events';

/**
 * The answer types' values (docs/domain.md, ZI 4): each letter's share of the item's weight,
 * exact (ABCD's B is 2/3, not 0.67).
 */
const LETTERS: Record<'YA_TIDAK' | 'ABC' | 'ABCD' | 'ABCDE', Record<string, Exact>> = {
  YA_TIDAK: { YA: exact(1n), TIDAK: exact(0n) },
  ABC: { A: exact(1n), B: exact(1n, 2n), C: exact(0n) },
  ABCD: { A: exact(1n), B: exact(2n, 3n), C: exact(1n, 3n), D: exact(0n) },
  ABCDE: { A: exact(1n), B: exact(3n, 4n), C: exact(1n, 2n), D: exact(1n, 4n), E: exact(0n) },
};

/** The largest counts a PERCENT answer takes: far beyond any unit's staff or cases, exact in doubles. */
const MAX_COUNT = 1e9;

const isFraction = (value: LkeValue): value is { numerator: number; denominator: number } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'denominator,numerator';

/** What is wrong with a value for this answer type, or null when it fits. */
export function answerFault(answerType: AnswerType, value: LkeValue): string | null {
  switch (answerType) {
    case 'YA_TIDAK':
    case 'ABC':
    case 'ABCD':
    case 'ABCDE': {
      const allowed = Object.keys(LETTERS[answerType]);
      return typeof value === 'string' && allowed.includes(value) ? null : `must be one of ${allowed.join(', ')}`;
    }
    case 'PERCENT': {
      if (!isFraction(value)) return 'must be { numerator, denominator }';
      const whole = (count: number) => Number.isInteger(count) && count >= 0 && count <= MAX_COUNT;
      return whole(value.numerator) && whole(value.denominator) && value.denominator > 0 ? null : 'must be whole counts with a denominator above 0';
    }
    case 'SURVEY':
      // Two decimals are what a survey index is published with; more would be noise, not precision.
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 4 && Math.round(value * 100) === value * 100
        ? null
        : 'must be a number from 0 to 4 with at most 2 decimals';
  }
}

/** The share of the item's weight an answer earns, from 0 to 1 (a value answerFault accepted). */
export function answerValue(answerType: AnswerType, value: LkeValue): Exact {
  switch (answerType) {
    case 'YA_TIDAK':
    case 'ABC':
    case 'ABCD':
    case 'ABCDE':
      return LETTERS[answerType][value as string];
    case 'PERCENT': {
      const { numerator, denominator } = value as { numerator: number; denominator: number };
      return numerator >= denominator ? exact(1n) : exact(BigInt(numerator), BigInt(denominator));
    }
    case 'SURVEY': {
      const survey = exactDecimal(value as number);
      return exact(survey.n, survey.d * 4n);
    }
  }
}
