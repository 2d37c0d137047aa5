import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { OpdEvent } from './opd.events';

export type OpdState =
  | { status: 'UNREGISTERED' }
  | { status: 'ACTIVE' | 'DISSOLVED'; code: string; name: string; parentCode: string | null; successorCode: string | null };

/** What the handler found out about another unit before deciding (I/O stays out of decide). */
export type OtherOpd = { code: string; status: OpdState['status'] };

export type OpdCommand =
  | { type: 'RegisterOpd'; data: { code: string; name: string; parent: OtherOpd | null } }
  | { type: 'RenameOpd'; data: { name: string } }
  | { type: 'DissolveOpd'; data: { successor: OtherOpd | null } };

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
      return state;
  }
}

export function decide(command: OpdCommand, state: OpdState): OpdEvent[] {
  switch (command.type) {
    case 'RegisterOpd': {
      if (state.status !== 'UNREGISTERED') throw new DomainError('ALREADY_EXISTS', 'ALREADY_EXISTS', `OPD ${command.data.code} is already registered`);
      const { code, name, parent } = command.data;
      if (parent) requireActive(parent, 'UNKNOWN_PARENT', 'PARENT_DISSOLVED', 'parent');
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
      if (successor) {
        if (successor.code === current.code) throw new DomainError('RULE_VIOLATED', 'INVALID_SUCCESSOR', 'An OPD cannot succeed itself');
        requireActive(successor, 'UNKNOWN_SUCCESSOR', 'SUCCESSOR_DISSOLVED', 'successor');
      }
      return [{ type: 'OpdDissolved', data: { code: current.code, successorCode: successor?.code ?? null } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function requireActiveSelf(state: OpdState): Extract<OpdState, { status: 'ACTIVE' | 'DISSOLVED' }> {
  if (state.status === 'UNREGISTERED') throw new DomainError('NOT_FOUND', 'NOT_FOUND', 'No such OPD');
  if (state.status === 'DISSOLVED') throw new DomainError('RULE_VIOLATED', 'INVALID_TRANSITION', `OPD ${state.code} is dissolved`);
  return state;
}

function requireActive(other: OtherOpd, unknownCode: string, dissolvedCode: string, role: string): void {
  if (other.status === 'UNREGISTERED') throw new DomainError('RULE_VIOLATED', unknownCode, `The ${role} OPD ${other.code} does not exist`);
  if (other.status === 'DISSOLVED') throw new DomainError('RULE_VIOLATED', dissolvedCode, `The ${role} OPD ${other.code} is dissolved`);
}

export const opdDecider: Decider<OpdState, OpdCommand, OpdEvent> = { initialState, evolve, decide };
