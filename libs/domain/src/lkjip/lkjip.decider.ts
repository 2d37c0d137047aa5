import { Decider, DomainCommand, unreachable } from '@app/decider';
import { OtherOpd, requireActiveOpd } from '../opd/opd.decider';
import { returnLacksNotes } from './lkjip-review';
import { blankSections } from './lkjip-sections';
import { LkjipErrors } from './lkjip.errors';
import { LkjipEvent, LkjipFigures, ReviewOutcome, SectionKey } from './lkjip.events';

export const LKJIP_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'PUBLISHED'] as const;
export type LkjipStatus = (typeof LKJIP_STATUSES)[number];

export type LkjipState = { status: 'NONE' } | { status: LkjipStatus; opdCode: string; year: number; sections: Partial<Record<SectionKey, string>> };

type ExistingLkjip = Exclude<LkjipState, { status: 'NONE' }>;

/**
 * `figures` is what the handler froze from the plan's stream before deciding (freezeFigures), or
 * null when the plan has no effective version: reading the plan is I/O, refusing is the rule's.
 */
export type LkjipCommand =
  | DomainCommand<'CompileLkjip', { opd: OtherOpd; year: number; figures: LkjipFigures | null }>
  | DomainCommand<'RecompileLkjip', { figures: LkjipFigures | null }>
  | DomainCommand<'WriteLkjipSection', { key: SectionKey; text: string }>
  | DomainCommand<'SubmitLkjip', Record<string, never>>
  | DomainCommand<'ReviewLkjip', { outcome: ReviewOutcome; notes: string }>
  | DomainCommand<'PublishLkjip', Record<string, never>>;

export const initialState = (): LkjipState => ({ status: 'NONE' });

export function evolve(state: LkjipState, event: LkjipEvent): LkjipState {
  if (event.type === 'LkjipCompiled') return { status: 'DRAFT', opdCode: event.data.opdCode, year: event.data.year, sections: {} };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'LkjipRecompiled':
      return state;
    case 'LkjipSectionWritten':
      // An edited RETURNED report stays RETURNED until it is submitted again, as a plan does.
      return { ...state, sections: { ...state.sections, [event.data.key]: event.data.text } };
    case 'LkjipSubmitted':
      return { ...state, status: 'SUBMITTED' };
    case 'LkjipReviewed':
      return { ...state, status: event.data.outcome === 'ACCEPTED' ? 'REVIEWED' : 'RETURNED' };
    case 'LkjipPublished':
      return { ...state, status: 'PUBLISHED' };
    default:
      return unreachable(event);
  }
}

/** The unit works on its report only while it holds it: before submission, or after a return. */
export const isEditable = (status: LkjipStatus): boolean => status === 'DRAFT' || status === 'RETURNED';

const invalidTransition = (state: ExistingLkjip, action: string) => LkjipErrors.invalidTransition(state.status, action);

export function decide(command: LkjipCommand, state: LkjipState): LkjipEvent[] {
  if (command.type === 'CompileLkjip') {
    const { opd, year, figures } = command.data;
    if (state.status !== 'NONE') throw LkjipErrors.alreadyCompiled(opd.code, year);
    requireActiveOpd(opd);
    // The spec sets no earliest day: a unit may start its report before the year is over.
    if (!figures) throw LkjipErrors.planNotApproved();
    return [{ type: 'LkjipCompiled', data: { opdCode: opd.code, year, figures } }];
  }
  if (state.status === 'NONE') throw LkjipErrors.notCompiled();
  const key = { opdCode: state.opdCode, year: state.year };
  switch (command.type) {
    case 'RecompileLkjip': {
      // What is under review (or published) must not move under the reviewer.
      if (!isEditable(state.status)) throw invalidTransition(state, 'recompiled');
      if (!command.data.figures) throw LkjipErrors.planNotApproved();
      // Recorded even when nothing changed: the spec makes a recompile an explicit act, worth its event.
      return [{ type: 'LkjipRecompiled', data: { ...key, figures: command.data.figures } }];
    }
    case 'WriteLkjipSection': {
      if (!isEditable(state.status)) throw invalidTransition(state, 'edited');
      const { key: section, text } = command.data;
      // The same text again changes nothing, so nothing is recorded (as renaming an OPD to its name).
      if (state.sections[section] === text) return [];
      // Blank text never comes this far: the HTTP layer refuses it, as every free text
      // (NonBlankText). Nothing here depends on that: submitting counts a blank section as unwritten.
      return [{ type: 'LkjipSectionWritten', data: { ...key, key: section, text } }];
    }
    case 'SubmitLkjip': {
      if (!isEditable(state.status)) throw invalidTransition(state, 'submitted');
      const missing = blankSections(state.sections);
      if (missing.length > 0) throw LkjipErrors.sectionsIncomplete(missing);
      return [{ type: 'LkjipSubmitted', data: { ...key, on: command.metadata.today } }];
    }
    case 'ReviewLkjip': {
      if (state.status !== 'SUBMITTED') throw invalidTransition(state, 'reviewed');
      const { outcome, notes } = command.data;
      if (returnLacksNotes(outcome, notes)) throw LkjipErrors.notesRequired();
      return [{ type: 'LkjipReviewed', data: { ...key, outcome, notes, on: command.metadata.today } }];
    }
    case 'PublishLkjip':
      if (state.status !== 'REVIEWED') throw invalidTransition(state, 'published (only a reviewed report can be)');
      return [{ type: 'LkjipPublished', data: { ...key, on: command.metadata.today } }];
    default:
      return unreachable(command);
  }
}

export const lkjipDecider: Decider<LkjipState, LkjipCommand, LkjipEvent> = { initialState, evolve, decide };
