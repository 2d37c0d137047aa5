import { ZiDocument } from './zi-document';
import { AreaScore, ZiArea, ZiStage, ZiTarget } from './zi.events';

/**
 * A unit's ZI year as the public sees it (docs/domain.md, ZI 10): its target and stage, the TPI's
 * scores per area and totals once evaluated, the award and its decree, the revocation's day.
 * Every field is named here, one by one: the team, notes, evidence, the answers per item, the
 * self-assessment and the reasons (which may name people) never leave.
 */
export interface PublicZiRecord {
  unit: string;
  opdCode: string;
  year: number;
  target: ZiTarget;
  stage: ZiStage;
  declaredOn: string;
  scores: {
    total: number;
    pengungkit: number;
    hasil: number;
    areas: Record<ZiArea, AreaScore>;
    results: Record<string, number>;
    meets: Record<ZiTarget, boolean>;
  } | null;
  award: { predikat: ZiTarget; decreeNumber: string; decreeDate: string } | null;
  revokedOn: string | null;
}

export function publicZiRecord(document: ZiDocument): PublicZiRecord {
  const evaluation = document.evaluation;
  const outcome = document.outcome;
  return {
    unit: document.unit,
    opdCode: document.opdCode,
    year: document.year,
    target: document.target,
    stage: document.stage,
    declaredOn: document.declaredOn,
    scores: evaluation
      ? {
          total: evaluation.scores.total,
          pengungkit: evaluation.scores.pengungkit,
          hasil: evaluation.scores.hasil,
          areas: evaluation.scores.areas,
          results: evaluation.scores.results,
          meets: evaluation.meets,
        }
      : null,
    award:
      outcome?.outcome === 'AWARDED' && outcome.predikat && outcome.decreeNumber && outcome.decreeDate
        ? { predikat: outcome.predikat, decreeNumber: outcome.decreeNumber, decreeDate: outcome.decreeDate }
        : null,
    revokedOn: document.revocation?.on ?? null,
  };
}
