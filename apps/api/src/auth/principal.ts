import { Actor } from '@app/decider';

export const ROLES = ['admin', 'opd_operator', 'opd_head', 'employee', 'appraiser', 'inspector'] as const;
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

export function actorOf(principal: Principal): Actor {
  return { sub: principal.sub, ...(principal.name ? { name: principal.name } : {}), roles: principal.roles };
}

/** An OPD role holder acts for one OPD only. */
export function actsForOpd(principal: Principal, opdCode: string, roles: Role[] = ['opd_operator', 'opd_head']): boolean {
  return principal.opd === opdCode && principal.roles.some((role) => roles.includes(role));
}
