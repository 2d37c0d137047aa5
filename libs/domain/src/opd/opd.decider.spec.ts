import { DomainError } from '../shared/domain-error';
import { DeciderSpecification } from '../testing/decider-specification';
import { opdDecider } from './opd.decider';
import { OpdEvent } from './opd.events';

const given = DeciderSpecification.for(opdDecider);
const registered: OpdEvent = { type: 'OpdRegistered', data: { code: 'DINKES', name: 'Dinas Kesehatan', parentCode: null } };
const dissolved: OpdEvent = { type: 'OpdDissolved', data: { code: 'DINKES', successorCode: null } };
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};

describe('OPD registry', () => {
  describe('registering', () => {
    it('registers a new unit', () =>
      given([])
        .when({ type: 'RegisterOpd', data: { code: 'DINKES', name: 'Dinas Kesehatan', parent: null } })
        .then([registered]));

    it('registers a unit under an active parent', () =>
      given([])
        .when({ type: 'RegisterOpd', data: { code: 'PUSKESMAS-1', name: 'Puskesmas Kota', parent: { code: 'DINKES', status: 'ACTIVE' } } })
        .then([{ type: 'OpdRegistered', data: { code: 'PUSKESMAS-1', name: 'Puskesmas Kota', parentCode: 'DINKES' } }]));

    it('refuses a code that is already registered', () =>
      given([registered])
        .when({ type: 'RegisterOpd', data: { code: 'DINKES', name: 'Other', parent: null } })
        .thenThrows(withCode('ALREADY_EXISTS')));

    it('refuses a parent that does not exist', () =>
      given([])
        .when({ type: 'RegisterOpd', data: { code: 'X1', name: 'X', parent: { code: 'NOPE', status: 'UNREGISTERED' } } })
        .thenThrows(withCode('UNKNOWN_PARENT')));

    it('refuses a dissolved parent', () =>
      given([])
        .when({ type: 'RegisterOpd', data: { code: 'X1', name: 'X', parent: { code: 'OLD', status: 'DISSOLVED' } } })
        .thenThrows(withCode('PARENT_DISSOLVED')));
  });

  describe('renaming', () => {
    it('records the new and the previous name', () =>
      given([registered])
        .when({ type: 'RenameOpd', data: { name: 'Dinas Kesehatan Kota', reason: 'reorganisation' } })
        .then([{ type: 'OpdRenamed', data: { code: 'DINKES', name: 'Dinas Kesehatan Kota', previousName: 'Dinas Kesehatan' } }]));

    it('records nothing when the name does not change', () =>
      given([registered])
        .when({ type: 'RenameOpd', data: { name: 'Dinas Kesehatan', reason: 'reorganisation' } })
        .then([]));

    it('refuses an unknown unit', () =>
      given([])
        .when({ type: 'RenameOpd', data: { name: 'X', reason: 'reorganisation' } })
        .thenThrows(withCode('NOT_FOUND')));

    it('refuses a dissolved unit', () =>
      given([registered, dissolved])
        .when({ type: 'RenameOpd', data: { name: 'X', reason: 'reorganisation' } })
        .thenThrows(withCode('INVALID_TRANSITION')));
  });

  describe('dissolving', () => {
    it('dissolves with a successor', () =>
      given([registered])
        .when({ type: 'DissolveOpd', data: { successor: { code: 'DINKESPPKB', status: 'ACTIVE' }, reason: 'merged' } })
        .then([{ type: 'OpdDissolved', data: { code: 'DINKES', successorCode: 'DINKESPPKB' } }]));

    it('dissolves without a successor', () =>
      given([registered])
        .when({ type: 'DissolveOpd', data: { successor: null, reason: 'merged' } })
        .then([dissolved]));

    it('refuses to dissolve twice', () =>
      given([registered, dissolved])
        .when({ type: 'DissolveOpd', data: { successor: null, reason: 'merged' } })
        .thenThrows(withCode('INVALID_TRANSITION')));

    it('refuses the unit as its own successor', () =>
      given([registered])
        .when({ type: 'DissolveOpd', data: { successor: { code: 'DINKES', status: 'ACTIVE' }, reason: 'merged' } })
        .thenThrows(withCode('INVALID_SUCCESSOR')));

    it('refuses an unknown or dissolved successor', () => {
      given([registered])
        .when({ type: 'DissolveOpd', data: { successor: { code: 'NOPE', status: 'UNREGISTERED' }, reason: 'merged' } })
        .thenThrows(withCode('UNKNOWN_SUCCESSOR'));
      given([registered])
        .when({ type: 'DissolveOpd', data: { successor: { code: 'OLD', status: 'DISSOLVED' }, reason: 'merged' } })
        .thenThrows(withCode('SUCCESSOR_DISSOLVED'));
    });
  });
});
