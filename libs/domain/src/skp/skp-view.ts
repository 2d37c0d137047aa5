import { SkpDocument } from './skp-document';
import { SKP_QUARTERS, SkpPeriod } from './skp.events';

/**
 * An SKP as answered: its document, what it waits for from the appraiser, and its flags. Flags
 * are worked out when read, from the plans as they are then, so a plan revised after the SKP
 * was agreed shows on the SKP without changing it.
 */
export type SkpView = SkpDocument & {
  /** Submitted: the appraiser is to agree or return it. */
  awaitingAgreement: boolean;
  /** Periods the appraiser is to rate, in period order (see awaitingEvaluation). */
  awaitingEvaluation: SkpPeriod[];
  flags: SkpFlag[];
  /** Set by the read side when a person the SKP names was erased: their fields are null. */
  erased?: true;
};

/** A result whose plan indicator is no longer in that plan's effective version. */
export const SKP_FLAG_CODES = ['CASCADE_SOURCE_REMOVED'] as const;
export interface SkpFlag {
  code: (typeof SKP_FLAG_CODES)[number];
  resultCode: string;
  opdCode: string;
  year: number;
  indicatorCode: string;
}

/** A plan a result cascades from, as `planKey` names it for the lookup. */
export const planKey = (opdCode: string, year: number) => `${opdCode}|${year}`;

/**
 * The indicator codes of each plan's effective version, by planKey; a plan without one (or
 * not looked up) has no indicators, so every result cascading from it is flagged.
 */
export type EffectiveIndicators = ReadonlyMap<string, ReadonlySet<string>>;

/** The plans an SKP's results cascade from, each once. */
export function planSourcesOf(document: Pick<SkpDocument, 'results'>): Array<{ opdCode: string; year: number }> {
  const seen = new Map<string, { opdCode: string; year: number }>();
  for (const { cascadedFrom } of document.results) {
    if (cascadedFrom.kind === 'PLAN_INDICATOR')
      seen.set(planKey(cascadedFrom.opdCode, cascadedFrom.year), { opdCode: cascadedFrom.opdCode, year: cascadedFrom.year });
  }
  return [...seen.values()];
}

export function cascadeFlags(document: Pick<SkpDocument, 'results'>, effective: EffectiveIndicators): SkpFlag[] {
  return document.results.flatMap(({ code, cascadedFrom }): SkpFlag[] => {
    if (cascadedFrom.kind !== 'PLAN_INDICATOR') return [];
    const { opdCode, year, indicatorCode } = cascadedFrom;
    if (effective.get(planKey(opdCode, year))?.has(indicatorCode)) return [];
    return [{ code: 'CASCADE_SOURCE_REMOVED', resultCode: code, opdCode, year, indicatorCode }];
  });
}

/**
 * What the appraiser has to rate (the spec is silent): every reported quarter not rated yet,
 * and the year once its last quarter is reported. Nothing waits for the calendar, as in the
 * decider; an SKP that is not agreed waits for no rating.
 */
export function awaitingEvaluation(document: Pick<SkpDocument, 'status' | 'realisations' | 'evaluations'>): SkpPeriod[] {
  if (document.status !== 'AGREED') return [];
  const rated = new Set(document.evaluations.map((evaluation) => evaluation.period));
  const reported = new Set(document.realisations.map((realisation) => realisation.period));
  const quarters = SKP_QUARTERS.filter((quarter) => reported.has(quarter) && !rated.has(quarter));
  return reported.has('Q4') && !rated.has('ANNUAL') ? [...quarters, 'ANNUAL'] : quarters;
}

export function skpView(document: SkpDocument, effective: EffectiveIndicators): SkpView {
  return {
    ...document,
    awaitingAgreement: document.status === 'SUBMITTED',
    awaitingEvaluation: awaitingEvaluation(document),
    flags: cascadeFlags(document, effective),
  };
}
