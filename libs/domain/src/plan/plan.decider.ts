import { Decider, DomainCommand, unreachable } from '@app/decider';
import { OtherOpd, requireActiveOpd } from '../opd/opd.decider';
import { requireReportableValues } from '../shared/realisation-value';
import { quarterStart } from './plan-calendar';
import { indicatorsOf, requireValidContent } from './plan-content';
import { PlanErrors } from './plan.errors';
import { Goal, PlanEvent, Quarter, RealisationValue, RevisionReason } from './plan.events';

export const PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REVISION_DRAFT', 'REVISION_SUBMITTED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type PlanState =
  | { status: 'NONE' }
  | {
      status: PlanStatus;
      opdCode: string;
      year: number;
      /** The content before the first approval. */
      draft: Goal[];
      effective: { version: number; goals: Goal[] } | null;
      revision: { reasonCategory: RevisionReason; reason: string; goals: Goal[] } | null;
      reportedQuarters: Quarter[];
    };

type ExistingPlan = Exclude<PlanState, { status: 'NONE' }>;

export type PlanCommand =
  | DomainCommand<'DraftPlan', { opd: OtherOpd; year: number; goals: Goal[] }>
  | DomainCommand<'ReplacePlanContent', { goals: Goal[] }>
  | DomainCommand<'SubmitPlan', Record<string, never>>
  | DomainCommand<'ApprovePlan', Record<string, never>>
  | DomainCommand<'ReturnPlan', { reason: string }>
  | DomainCommand<'StartRevision', { reasonCategory: RevisionReason; reason: string; goals: Goal[] }>
  | DomainCommand<'ReportRealisation', { quarter: Quarter; values: RealisationValue[] }>
  | DomainCommand<'CorrectRealisation', { quarter: Quarter; values: RealisationValue[]; reason: string }>;

export const initialState = (): PlanState => ({ status: 'NONE' });

export function evolve(state: PlanState, event: PlanEvent): PlanState {
  if (event.type === 'PlanDrafted') {
    const { opdCode, year, goals } = event.data;
    return { status: 'DRAFT', opdCode, year, draft: goals, effective: null, revision: null, reportedQuarters: [] };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'PlanContentReplaced':
      return { ...state, draft: event.data.goals };
    case 'PlanSubmitted':
      return { ...state, status: 'SUBMITTED' };
    case 'PlanReturned':
      return { ...state, status: 'RETURNED' };
    case 'PlanApproved':
      return { ...state, status: 'APPROVED', effective: { version: event.data.version, goals: event.data.goals } };
    case 'RevisionStarted': {
      const { reasonCategory, reason, goals } = event.data;
      return { ...state, status: 'REVISION_DRAFT', revision: { reasonCategory, reason, goals } };
    }
    case 'RevisionContentReplaced':
      return state.revision ? { ...state, revision: { ...state.revision, goals: event.data.goals } } : state;
    case 'RevisionSubmitted':
      return { ...state, status: 'REVISION_SUBMITTED' };
    case 'RevisionReturned':
      return { ...state, status: 'REVISION_DRAFT' };
    case 'RevisionApproved':
      return { ...state, status: 'APPROVED', effective: { version: event.data.version, goals: event.data.goals }, revision: null };
    case 'RealisationReported':
      return { ...state, reportedQuarters: [...state.reportedQuarters, event.data.quarter] };
    case 'RealisationCorrected':
      return state;
    default:
      return unreachable(event);
  }
}

const invalidTransition = (state: ExistingPlan, action: string) => PlanErrors.invalidTransition(state.status, action);

export function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  if (command.type === 'DraftPlan') {
    const { opd, year, goals } = command.data;
    if (state.status !== 'NONE') throw PlanErrors.alreadyDrafted(opd.code, year);
    requireActiveOpd(opd);
    requireValidContent(goals);
    return [{ type: 'PlanDrafted', data: { opdCode: opd.code, year, goals } }];
  }
  if (state.status === 'NONE') throw PlanErrors.notDrafted();
  const key = { opdCode: state.opdCode, year: state.year };
  switch (command.type) {
    case 'ReplacePlanContent': {
      requireValidContent(command.data.goals);
      if (state.status === 'DRAFT' || state.status === 'RETURNED') return [{ type: 'PlanContentReplaced', data: { ...key, goals: command.data.goals } }];
      // A returned revision goes back to REVISION_DRAFT, where it is edited like a draft.
      if (state.status === 'REVISION_DRAFT') return [{ type: 'RevisionContentReplaced', data: { ...key, goals: command.data.goals } }];
      throw invalidTransition(state, 'edited');
    }
    case 'SubmitPlan':
      if (state.status === 'DRAFT' || state.status === 'RETURNED') return [{ type: 'PlanSubmitted', data: key }];
      if (state.status === 'REVISION_DRAFT') return [{ type: 'RevisionSubmitted', data: key }];
      throw invalidTransition(state, 'submitted');
    case 'ApprovePlan': {
      const version = (state.effective?.version ?? 0) + 1;
      const on = command.metadata.today;
      if (state.status === 'SUBMITTED') return [{ type: 'PlanApproved', data: { ...key, version, goals: state.draft, on } }];
      if (state.status === 'REVISION_SUBMITTED' && state.revision) {
        const { reasonCategory, reason, goals } = state.revision;
        return [{ type: 'RevisionApproved', data: { ...key, version, reasonCategory, reason, goals, on } }];
      }
      throw invalidTransition(state, 'approved');
    }
    case 'ReturnPlan':
      if (state.status === 'SUBMITTED') return [{ type: 'PlanReturned', data: { ...key, reason: command.data.reason } }];
      if (state.status === 'REVISION_SUBMITTED') return [{ type: 'RevisionReturned', data: { ...key, reason: command.data.reason } }];
      throw invalidTransition(state, 'returned');
    case 'StartRevision': {
      if (state.status !== 'APPROVED') throw invalidTransition(state, 'revised (only an approved plan without an open revision can be)');
      requireValidContent(command.data.goals);
      return [{ type: 'RevisionStarted', data: { ...key, ...command.data } }];
    }
    case 'ReportRealisation': {
      const { quarter, values } = command.data;
      const { today } = command.metadata;
      requireReportable(state, quarter, values, today);
      if (state.reportedQuarters.includes(quarter)) throw PlanErrors.quarterAlreadyReported(quarter);
      return [{ type: 'RealisationReported', data: { ...key, quarter, values, on: today } }];
    }
    case 'CorrectRealisation': {
      const { quarter, values, reason } = command.data;
      const { today } = command.metadata;
      requireReportable(state, quarter, values, today);
      if (!state.reportedQuarters.includes(quarter)) throw PlanErrors.quarterNotReported(quarter);
      return [{ type: 'RealisationCorrected', data: { ...key, quarter, values, reason, on: today } }];
    }
    default:
      return unreachable(command);
  }
}

/** docs/domain.md, Plans 6: an effective version, its indicators only, each once, a quarter that has begun. */
function requireReportable(state: ExistingPlan, quarter: Quarter, values: RealisationValue[], today: string): void {
  const { effective } = state;
  if (!effective) throw PlanErrors.notApproved();
  const agreed = indicatorsOf(effective.goals).map((indicator) => indicator.code);
  requireReportableValues(values, agreed, (code) => PlanErrors.unknownIndicator(code, effective.version));
  if (today < quarterStart(state.year, quarter)) throw PlanErrors.quarterNotStarted(quarter, state.year);
}

export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = { initialState, evolve, decide };
