import { Decider, DomainCommand, unreachable } from '@app/decider';
import { WbsErrors } from './wbs.errors';
import { WBS_TRANSITIONS, WbsEvent, FiledWbsReport, WbsIdentity, WbsStatus } from './wbs.events';

export type WbsState =
  | { status: 'NONE' }
  | {
      status: WbsStatus;
      trackingCode: string;
      /** What the filing stored for the follow secret: a retried filing tells itself apart by it. */
      followSecretHash: string;
      /** The identity as the codec opened it: null when none was given, or once erased. */
      identity: WbsIdentity | null;
      identityGiven: boolean;
    };

export type WbsCommand =
  | DomainCommand<'FileWbsReport', FiledWbsReport>
  | DomainCommand<'MoveWbsReport', { to: WbsStatus; reason: string; reference: string | null }>
  | DomainCommand<'PostWbsMessage', { from: 'REPORTER' | 'OFFICER'; text: string }>
  | DomainCommand<'ReadWbsIdentity', { reason: string }>;

export const initialState = (): WbsState => ({ status: 'NONE' });

export function evolve(state: WbsState, event: WbsEvent): WbsState {
  if (event.type === 'WbsReportFiled') {
    const { trackingCode, followSecretHash, identity } = event.data;
    return { status: 'RECEIVED', trackingCode, followSecretHash, identity, identityGiven: identity !== null };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'WbsReportMoved':
      return { ...state, status: event.data.to };
    case 'WbsMessagePosted':
    case 'WbsIdentityRead':
      return state;
    default:
      return unreachable(event);
  }
}

const requireText = (value: string, field: string) => {
  if (value.trim() === '') throw WbsErrors.blank(field);
};

/**
 * Where docs/domain.md (Whistleblowing) is silent, this decides: every move needs a reason; a
 * referral names its reference; messages go both ways until the report is CLOSED; the identity
 * may be read in any state, each time with a reason, and only if one was given.
 */
export function decide(command: WbsCommand, state: WbsState): WbsEvent[] {
  const { today } = command.metadata;
  if (command.type === 'FileWbsReport') {
    if (state.status !== 'NONE') throw WbsErrors.alreadyFiled();
    requireText(command.data.allegation, 'allegation');
    requireText(command.data.concerning, 'concerning');
    return [{ type: 'WbsReportFiled', data: { ...command.data, on: today } }];
  }
  if (state.status === 'NONE') throw WbsErrors.notFound();
  const { trackingCode } = state;
  switch (command.type) {
    case 'MoveWbsReport': {
      const { to, reason, reference } = command.data;
      if (!WBS_TRANSITIONS[state.status].includes(to)) throw WbsErrors.invalidTransition(state.status, to);
      requireText(reason, 'reason');
      if (to === 'REFERRED' && (reference === null || reference.trim() === '')) throw WbsErrors.referenceNeeded();
      return [{ type: 'WbsReportMoved', data: { trackingCode, from: state.status, to, reason, reference: to === 'REFERRED' ? reference : null, on: today } }];
    }
    case 'PostWbsMessage':
      if (state.status === 'CLOSED') throw WbsErrors.closed();
      requireText(command.data.text, 'text');
      return [{ type: 'WbsMessagePosted', data: { trackingCode, from: command.data.from, text: command.data.text, on: today } }];
    case 'ReadWbsIdentity':
      if (!state.identityGiven) throw WbsErrors.noIdentity();
      requireText(command.data.reason, 'reason');
      return [{ type: 'WbsIdentityRead', data: { trackingCode, reason: command.data.reason, on: today } }];
    default:
      return unreachable(command);
  }
}

export const wbsDecider: Decider<WbsState, WbsCommand, WbsEvent> = { initialState, evolve, decide };
