import { Actor } from '@app/decider';

export const ROLES = ['admin', 'opd_operator', 'opd_head', 'employee', 'appraiser', 'inspector', 'upg', 'dpo', 'complaint_admin', 'wbs_officer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Principal {
  sub: string;
  name?: string;
  roles: Role[];
  /** Scopes opd_operator and opd_head. */
  opd?: string;
  /** Scopes employee and appraiser. */
  nip?: string;
}

/**
 * Who writes without a token (a citizen filing a complaint, a WBS report, a survey answer): one
 * fixed principal with no role, which names no one and is stored as it is.
 */
export const ANONYMOUS: Principal = Object.freeze({ sub: 'anonymous', roles: [] });

export function actorOf(principal: Principal): Actor {
  return { sub: principal.sub, ...(principal.name ? { name: principal.name } : {}), roles: principal.roles };
}

/** The domain's rule, for the HTTP layer's policies: a Principal is the domain's Caller. */
export { actsForOpd } from '@app/domain';
