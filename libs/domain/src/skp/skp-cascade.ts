import { unreachable } from '@app/decider';
import { SkpErrors } from './skp.errors';
import { SkpResult } from './skp.events';

/**
 * What the handler found out before deciding, per result code: whether the result's
 * `cascadedFrom` exists (an indicator of that OPD's effective plan for that year, or a result
 * of the named NIP's SKP for the SKP's year). Reading other streams is I/O, so it stays out of decide.
 */
export type CascadeLookup = Readonly<Record<string, CascadeTargetStatus>>;
export type CascadeTargetStatus = 'FOUND' | 'MISSING';

/**
 * docs/domain.md, SKP 2. A result the lookup says nothing about counts as missing: an unchecked link
 * must not pass as a checked one. Two links are refused without a lookup (the spec is silent on
 * both): a plan indicator of another year than the SKP's, since an SKP cascades the agreement of
 * its own year, and a result of the employee's own SKP, which is no superior's. Which SKP is the
 * superior's is the lookup's to say: the appraiser usually is the superior but need not be (an
 * acting official, an appraiser one level up), so the NIP named is not compared with the appraiser's.
 */
export function requireCascadeTargets(skp: { nip: string; year: number }, results: SkpResult[], lookup: CascadeLookup): void {
  for (const { code, cascadedFrom } of results) {
    if (cascadedFrom.kind === 'PLAN_INDICATOR' && cascadedFrom.year !== skp.year) {
      throw SkpErrors.cascadeTargetMissing(code, `a ${skp.year} SKP cascades from the ${skp.year} plan, not ${cascadedFrom.year}'s`);
    }
    if (cascadedFrom.kind === 'SKP_RESULT' && cascadedFrom.nip === skp.nip) {
      throw SkpErrors.cascadeTargetMissing(code, 'a result cannot cascade from the same SKP');
    }
    if (lookup[code] !== 'FOUND') throw SkpErrors.cascadeTargetMissing(code, describe(cascadedFrom));
  }
}

function describe(source: SkpResult['cascadedFrom']): string {
  switch (source.kind) {
    case 'PLAN_INDICATOR':
      return `no indicator ${source.indicatorCode} in the effective ${source.year} plan of ${source.opdCode}`;
    case 'SKP_RESULT':
      return `no result ${source.resultCode} in the SKP of the superior`;
    default:
      return unreachable(source);
  }
}
