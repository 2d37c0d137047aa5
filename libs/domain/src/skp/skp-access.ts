import { actsForOpd, Caller } from '../shared/caller';
import type { SkpState } from './skp.decider';

/**
 * Who may act on an SKP (docs/domain.md, SKP 4; docs/api.md, SKP), as pure answers for the HTTP layer:
 * a refusal is a 403, which is no DomainError kind, so the decider never checks who acts.
 * Each works on the decider's state and on the read document alike.
 */

/** The people an SKP names. */
export interface SkpParties {
  nip: string;
  appraiserNip: string;
  opdCode: string;
}

/** Who the SKP names, as the decider's state holds them (fixed at drafting); null before it is drafted. */
export const partiesOf = (state: SkpState): SkpParties | null =>
  state.status === 'NONE' ? null : { nip: state.nip, appraiserNip: state.appraiserNip, opdCode: state.opdCode };

const has = (caller: Caller, role: string) => caller.roles.includes(role);

/** Agree, return and evaluate: the appraiser named in the SKP, and nobody else. */
export const mayAppraise = (skp: Pick<SkpParties, 'appraiserNip'>, nip: string | undefined): boolean => nip !== undefined && nip === skp.appraiserNip;

/** Replace results, submit, report realisation: the employee the SKP belongs to. */
export const mayActAsEmployee = (skp: Pick<SkpParties, 'nip'>, nip: string | undefined): boolean => nip !== undefined && nip === skp.nip;

/** Draft: the employee for their own NIP, or an operator of the unit the SKP is drafted in. */
export function mayDraftSkp(caller: Caller, skp: Pick<SkpParties, 'nip' | 'opdCode'>): boolean {
  return (has(caller, 'employee') && caller.nip === skp.nip) || (has(caller, 'opd_operator') && caller.opd === skp.opdCode);
}

/** Read: the employee, the appraiser, the unit's operator and head, the inspectorate. */
export function mayReadSkp(caller: Caller, skp: SkpParties): boolean {
  if (has(caller, 'inspector') || actsForOpd(caller, skp.opdCode)) return true;
  const personal = has(caller, 'employee') || has(caller, 'appraiser');
  return personal && (mayActAsEmployee(skp, caller.nip) || mayAppraise(skp, caller.nip));
}

/** `asOf`: past states are for the inspectorate and the unit itself (docs/api.md, Reads). */
export const mayReadPastSkp = (caller: Caller, skp: Pick<SkpParties, 'opdCode'>): boolean => has(caller, 'inspector') || actsForOpd(caller, skp.opdCode);
