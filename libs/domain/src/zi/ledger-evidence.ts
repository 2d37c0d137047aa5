import { answerFault, answerValue } from './lke-answers';
import { exact } from './exact';
import { AnswerType } from './lke-template';
import { LkeValue } from './zi.events';

/**
 * What the ledger knows that an LKE item asks (docs/domain.md, ZI 5), before it is put as an
 * answer: a share of what was due (quarters reported on time, SKPs agreed …) or, for capaian
 * kinerja, a letter worked out by its own rule. `links` name the records it was read from.
 */
export type LedgerFigure =
  | { kind: 'SHARE'; numerator: number; denominator: number }
  | { kind: 'LETTER'; letter: 'A' | 'B' | 'C' | 'D' }
  /** A survey's result on the LKE's 0–4 scale (IPAK, IPKP), 2 decimals: what a SURVEY item is answered with. */
  | { kind: 'INDEX'; value: number };

export interface LedgerReading {
  figure: LedgerFigure;
  links: string[];
  /** The figure in words, for the sheet: "3 of 4 SKPs agreed". */
  basis: string;
}

export interface LedgerSuggestion {
  value: LkeValue;
  links: string[];
  basis: string;
}

const LETTERS: Record<string, string[]> = { ABC: ['A', 'B', 'C'], ABCD: ['A', 'B', 'C', 'D'], ABCDE: ['A', 'B', 'C', 'D', 'E'] };

/**
 * The answer a reading suggests for an item of this answer type, or null when the type cannot
 * take it. A share becomes the best answer it fully earns, never more: YA only for all of it, the
 * highest letter whose value the share reaches, the fraction itself for PERCENT.
 */
export function suggestionFor(answerType: AnswerType, reading: LedgerReading): LedgerSuggestion | null {
  const value = suggestedValue(answerType, reading.figure);
  return value === null ? null : { value, links: reading.links, basis: reading.basis };
}

function suggestedValue(answerType: AnswerType, figure: LedgerFigure): LkeValue | null {
  if (figure.kind === 'LETTER') return answerType === 'ABCD' ? figure.letter : null;
  if (figure.kind === 'INDEX') return answerType === 'SURVEY' ? figure.value : null;
  if (answerType === 'SURVEY') return null;
  const { numerator, denominator } = figure;
  if (denominator <= 0) return null;
  const share = exact(BigInt(Math.min(numerator, denominator)), BigInt(denominator));
  switch (answerType) {
    case 'YA_TIDAK':
      return numerator >= denominator ? 'YA' : 'TIDAK';
    case 'PERCENT':
      return { numerator, denominator };
    default:
      return LETTERS[answerType].find((letter) => {
        const value = answerValue(answerType, letter);
        return value.n * share.d <= share.n * value.d;
      })!;
  }
}

/** Capaian kinerja (docs/domain.md, ZI 5): A at ≥ 100 and not below last year's, B at ≥ 100, C at ≥ 80, else D. */
export function capaianLetter(achievement: number, lastYear: number | null): 'A' | 'B' | 'C' | 'D' {
  if (achievement >= 100) return lastYear === null || achievement >= lastYear ? 'A' : 'B';
  return achievement >= 80 ? 'C' : 'D';
}

const sameValue = (a: LkeValue, b: LkeValue) => JSON.stringify(a) === JSON.stringify(b);

/** An answer that differs from the ledger's suggestion needs a note saying why. */
export const differsFromLedger = (answer: LkeValue, suggested: LkeValue | undefined) => suggested !== undefined && !sameValue(answer, suggested);

/** ZI_ANSWER_ABOVE_LEDGER: the answer earns more of the item's weight than the ledger's suggestion. */
export function answersAboveLedger(answerType: AnswerType, answer: LkeValue, suggested: LkeValue | undefined): boolean {
  if (suggested === undefined || answerFault(answerType, answer) !== null || answerFault(answerType, suggested) !== null) return false;
  const given = answerValue(answerType, answer);
  const ledger = answerValue(answerType, suggested);
  return given.n * ledger.d > ledger.n * given.d;
}
