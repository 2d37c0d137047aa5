import { Caller } from '../shared/caller';
import { mayActAsEmployee, mayAppraise, mayDraftSkp, mayReadPastSkp, mayReadSkp } from './skp-access';

const skp = { nip: '198001012005011001', appraiserNip: '197502022000031002', opdCode: 'DINKES' };
const employee: Caller = { roles: ['employee'], nip: skp.nip };
const appraiser: Caller = { roles: ['appraiser'], nip: skp.appraiserNip };
const colleague: Caller = { roles: ['employee', 'appraiser'], nip: '199001012015011001' };
const operator: Caller = { roles: ['opd_operator'], opd: 'DINKES' };
const head: Caller = { roles: ['opd_head'], opd: 'DINKES' };
const otherOperator: Caller = { roles: ['opd_operator'], opd: 'BAPPEDA' };
const inspector: Caller = { roles: ['inspector'] };
const admin: Caller = { roles: ['admin'] };

describe('who may act on an SKP', () => {
  it('lets only the named appraiser appraise', () => {
    expect(mayAppraise(skp, skp.appraiserNip)).toBe(true);
    expect(mayAppraise(skp, skp.nip)).toBe(false);
    expect(mayAppraise(skp, undefined)).toBe(false);
  });

  it('lets only the employee act as the employee', () => {
    expect(mayActAsEmployee(skp, skp.nip)).toBe(true);
    expect(mayActAsEmployee(skp, skp.appraiserNip)).toBe(false);
    expect(mayActAsEmployee(skp, undefined)).toBe(false);
  });

  it('lets the employee draft their own SKP and an operator draft one in their unit', () => {
    expect(mayDraftSkp(employee, skp)).toBe(true);
    expect(mayDraftSkp(operator, skp)).toBe(true);
    expect(mayDraftSkp(colleague, skp)).toBe(false);
    expect(mayDraftSkp(otherOperator, skp)).toBe(false);
    expect(mayDraftSkp(head, skp)).toBe(false);
  });

  it.each<[string, Caller, boolean]>([
    ['the employee', employee, true],
    ['the appraiser', appraiser, true],
    ['the unit’s operator', operator, true],
    ['the unit’s head', head, true],
    ['the inspectorate', inspector, true],
    ['another employee', colleague, false],
    ['another unit’s operator', otherOperator, false],
    ['an administrator', admin, false],
    ['the employee’s NIP without a personal role', { roles: ['opd_operator'], nip: skp.nip, opd: 'BAPPEDA' }, false],
  ])('lets %s read it: %s', (_who, caller, allowed) => expect(mayReadSkp(caller, skp)).toBe(allowed));

  it('keeps past states for the inspectorate and the unit', () => {
    expect(mayReadPastSkp(inspector, skp)).toBe(true);
    expect(mayReadPastSkp(head, skp)).toBe(true);
    expect(mayReadPastSkp(employee, skp)).toBe(false);
    expect(mayReadPastSkp(otherOperator, skp)).toBe(false);
  });
});
