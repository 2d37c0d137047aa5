import { ZiStage, ZiTarget } from '@app/domain/zi';
import { Query } from '@nestjs/cqrs';

/**
 * A unit's Zona Integritas records of the year on its scorecard (docs/api.md, Dashboards): what
 * the public record shows of each (DOMAIN.md, ZI 10), no more, since the scorecard is public too.
 * Asked here, answered by the ZI slice.
 */
export interface ScorecardZiUnit {
  unit: string;
  target: ZiTarget;
  stage: ZiStage;
  /** The TPI's total once evaluated (null before, and after a return clears the evaluation). */
  tpiTotal: number | null;
  meets: Record<ZiTarget, boolean> | null;
  /** The predikat awarded, while not revoked. */
  predikat: ZiTarget | null;
}

export class ScorecardZiQuery extends Query<ScorecardZiUnit[]> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
  ) {
    super();
  }
}
