/** The caller as a verified token describes it: `opd` scopes the OPD roles, `nip` the personal ones. */
export interface Caller {
  roles: readonly string[];
  opd?: string;
  nip?: string;
}

/** An OPD role holder acts for one OPD only: the one its token names. */
export function actsForOpd(caller: Caller, opdCode: string, roles: readonly string[] = ['opd_operator', 'opd_head']): boolean {
  return caller.opd === opdCode && caller.roles.some((role) => roles.includes(role));
}
