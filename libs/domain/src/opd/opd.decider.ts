import { Decider, DomainCommand, unreachable } from '@app/decider';
import { OpdErrors } from './opd.errors';
import { OpdEvent } from './opd.events';

export const OPD_STATUSES = ['ACTIVE', 'DISSOLVED'] as const;
export type OpdStatus = (typeof OPD_STATUSES)[number];

export type OpdState = { status: 'UNREGISTERED' } | { status: OpdStatus; code: string; name: string; parentCode: string | null; successorCode: string | null };

/** What the handler found out about another unit before deciding (I/O stays out of decide). */
export type OtherOpd = { code: string; status: OpdState['status'] };

export type OpdCommand =
  | DomainCommand<'RegisterOpd', { code: string; name: string; parent: OtherOpd | null }>
  | DomainCommand<'RenameOpd', { name: string; reason: string }>
  | DomainCommand<'DissolveOpd', { successor: OtherOpd | null; reason: string }>;

export const initialState = (): OpdState => ({ status: 'UNREGISTERED' });

export function evolve(state: OpdState, event: OpdEvent): OpdState {
  switch (event.type) {
    case 'OpdRegistered':
      return { status: 'ACTIVE', ...event.data, successorCode: null };
    case 'OpdRenamed':
      return state.status === 'UNREGISTERED' ? state : { ...state, name: event.data.name };
    case 'OpdDissolved':
      return state.status === 'UNREGISTERED' ? state : { ...state, status: 'DISSOLVED', successorCode: event.data.successorCode };
    default:
      return unreachable(event);
  }
}

export function decide(command: OpdCommand, state: OpdState): OpdEvent[] {
  switch (command.type) {
    case 'RegisterOpd': {
      if (state.status !== 'UNREGISTERED') throw OpdErrors.alreadyRegistered(command.data.code);
      const { code, name, parent } = command.data;
      if (parent?.status === 'UNREGISTERED') throw OpdErrors.unknownParent(parent.code);
      if (parent?.status === 'DISSOLVED') throw OpdErrors.parentDissolved(parent.code);
      return [{ type: 'OpdRegistered', data: { code, name, parentCode: parent?.code ?? null } }];
    }
    case 'RenameOpd': {
      const current = requireActiveSelf(state);
      // Renaming to the current name changes nothing, so nothing is recorded.
      if (current.name === command.data.name) return [];
      return [{ type: 'OpdRenamed', data: { code: current.code, name: command.data.name, previousName: current.name } }];
    }
    case 'DissolveOpd': {
      const current = requireActiveSelf(state);
      const { successor } = command.data;
      if (successor?.code === current.code) throw OpdErrors.selfSuccession();
      if (successor?.status === 'UNREGISTERED') throw OpdErrors.unknownSuccessor(successor.code);
      if (successor?.status === 'DISSOLVED') throw OpdErrors.successorDissolved(successor.code);
      return [{ type: 'OpdDissolved', data: { code: current.code, successorCode: successor?.code ?? null } }];
    }
    default:
      return unreachable(command);
  }
}

function requireActiveSelf(state: OpdState): Extract<OpdState, { status: 'ACTIVE' | 'DISSOLVED' }> {
  if (state.status === 'UNREGISTERED') throw OpdErrors.notRegistered();
  if (state.status === 'DISSOLVED') throw OpdErrors.dissolved(state.code);
  return state;
}

/** Plans and findings concern active units only. */
export function requireActiveOpd(opd: OtherOpd): void {
  if (opd.status === 'UNREGISTERED') throw OpdErrors.unknownOpd(opd.code);
  if (opd.status === 'DISSOLVED') throw OpdErrors.opdDissolved(opd.code);
}

export const opdDecider: Decider<OpdState, OpdCommand, OpdEvent> = { initialState, evolve, decide };
