import { Decider, DomainCommand, eventTypes, unreachable } from '@app/decider';

/**
 * Erasures of personal data (UU 27/2022; docs/domain.md, Personal data at rest). The event
 * records that a subject's key was destroyed, why and on what basis, and nothing that names
 * the person: the subject id is a random pseudonym whose key and map entry are gone.
 */
export const SUBJECT_KINDS = ['EMPLOYEE', 'COMPLAINT_REPORTER', 'WBS_REPORTER'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface Erasure {
  subjectId: string;
  kind: SubjectKind;
  legalBasis: string;
  reason: string;
  /** The calendar day of the erasure. */
  on: string;
}

export type PersonalDataErased = { type: 'PersonalDataErased'; data: Erasure };
export type ErasureEvent = PersonalDataErased;
export const ERASURE_EVENT_TYPES = eventTypes<ErasureEvent>({ PersonalDataErased: true });

/** Every erasure is on one stream: there are few, and the DPO's list is that stream. */
export const ERASURE_STREAM = 'personal-data-erasures';

export type ErasureCommand = DomainCommand<'RecordErasure', Omit<Erasure, 'on'>>;
export type ErasureState = { erased: ReadonlySet<string> };

/**
 * A subject erased already records nothing more: a retry after the event was appended but
 * before the key was destroyed finishes the destruction without a second record.
 */
export const erasureDecider: Decider<ErasureState, ErasureCommand, ErasureEvent> = {
  initialState: () => ({ erased: new Set() }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'PersonalDataErased':
        return { erased: new Set([...state.erased, event.data.subjectId]) };
      default:
        return unreachable(event.type as never);
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordErasure':
        return state.erased.has(command.data.subjectId) ? [] : [{ type: 'PersonalDataErased', data: { ...command.data, on: command.metadata.today } }];
      default:
        return unreachable(command.type as never);
    }
  },
};

/**
 * The last day an SKP's data must be kept: the end of the year `retentionYears` after the SKP's
 * year (SKP_RETENTION_YEARS, 5 by default). Erasure is refused up to and including that day.
 */
export const skpRetentionUntil = (skpYear: number, retentionYears: number): string => `${skpYear + retentionYears}-12-31`;
