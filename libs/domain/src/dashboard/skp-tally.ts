import { Predikat, PREDIKATS, SkpEvent } from '../skp/skp.events';
import { StoredSkpEvent } from '../skp/skp-document';

/**
 * What one SKP adds to its unit's scorecard (docs/domain.md, Dashboards): whether it is agreed, and
 * its ANNUAL predikat. Nothing that names the person: the scorecard only ever counts these.
 */
export interface SkpTally {
  opdCode: string;
  year: number;
  /** AGREED is the SKP's last state: realisation and ratings come after it and never undo it. */
  agreed: boolean;
  /** The current ANNUAL rating (a re-evaluation replaces the first); quarterly ratings never count. */
  annualPredikat: Predikat | null;
}

/**
 * The SKP events a tally can change on; the others (results, submissions, returns, realisations)
 * never move a scorecard, so the dashboards do not read them: a third of a regency's SKP events.
 */
export const SKP_TALLY_EVENT_TYPES: ReadonlyArray<SkpEvent['type']> = ['SkpDrafted', 'SkpAgreed', 'SkpEvaluated', 'SkpReevaluated'];

export function evolveSkpTally(tally: SkpTally | null, event: StoredSkpEvent): SkpTally | null {
  if (event.type === 'SkpDrafted') return { opdCode: event.data.opdCode, year: event.data.year, agreed: false, annualPredikat: null };
  if (!tally) return tally;
  switch (event.type) {
    case 'SkpAgreed':
      return { ...tally, agreed: true };
    case 'SkpEvaluated':
    case 'SkpReevaluated':
      return event.data.period === 'ANNUAL' ? { ...tally, annualPredikat: event.data.predikat } : tally;
    default:
      return tally;
  }
}

/** A unit's SKP figures: how many, how many agreed, and the ANNUAL predikat counts. */
export interface SkpCounts {
  total: number;
  agreed: number;
  predikat: Record<Predikat, number>;
}

export const noSkpCounts = (): SkpCounts => ({ total: 0, agreed: 0, predikat: Object.fromEntries(PREDIKATS.map((p) => [p, 0])) as Record<Predikat, number> });

/** The counts with one SKP's tally taken out (`sign` −1) or put in (+1). */
export function countSkp(counts: SkpCounts, tally: SkpTally | null, sign: 1 | -1): SkpCounts {
  if (!tally) return counts;
  const predikat = { ...counts.predikat };
  if (tally.annualPredikat) predikat[tally.annualPredikat] += sign;
  return { total: counts.total + sign, agreed: counts.agreed + (tally.agreed ? sign : 0), predikat };
}
