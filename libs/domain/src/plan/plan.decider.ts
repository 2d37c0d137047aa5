import { OtherOpd } from '../opd/opd.decider';
import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { quarterStart } from './plan-calendar';
import { indicatorsOf, requireValidContent } from './plan-content';
import { Goal, PlanEvent, Quarter, RealisationValue, RevisionReason } from './plan.events';

export type PlanStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REVISION_DRAFT' | 'REVISION_SUBMITTED';

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
  | { type: 'DraftPlan'; data: { opd: OtherOpd; year: number; goals: Goal[] } }
  | { type: 'ReplacePlanContent'; data: { goals: Goal[] } }
  | { type: 'SubmitPlan'; data: Record<string, never> }
  | { type: 'ApprovePlan'; data: { today: string } }
  | { type: 'ReturnPlan'; data: { reason: string } }
  | { type: 'StartRevision'; data: { reasonCategory: RevisionReason; reason: string; goals: Goal[] } }
  | { type: 'ReportRealisation'; data: { quarter: Quarter; values: RealisationValue[]; today: string } }
  | { type: 'CorrectRealisation'; data: { quarter: Quarter; values: RealisationValue[]; reason: string; today: string } };

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
    default:
      return state;
  }
}

const invalidTransition = (state: ExistingPlan, action: string) =>
  new DomainError('RULE_VIOLATED', 'INVALID_TRANSITION', `A ${state.status} plan cannot be ${action}`);

export function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  if (command.type === 'DraftPlan') {
    const { opd, year, goals } = command.data;
    if (state.status !== 'NONE') throw new DomainError('ALREADY_EXISTS', 'ALREADY_EXISTS', `${opd.code} already has a plan for ${year}`);
    if (opd.status === 'UNREGISTERED') throw new DomainError('RULE_VIOLATED', 'UNKNOWN_OPD', `No OPD ${opd.code}`);
    if (opd.status === 'DISSOLVED') throw new DomainError('RULE_VIOLATED', 'OPD_DISSOLVED', `OPD ${opd.code} is dissolved`);
    requireValidContent(goals);
    return [{ type: 'PlanDrafted', data: { opdCode: opd.code, year, goals } }];
  }
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'NOT_FOUND', 'No such plan');
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
      const on = command.data.today;
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
      const { quarter, values, today } = command.data;
      requireReportable(state, quarter, values, today);
      if (state.reportedQuarters.includes(quarter)) {
        throw new DomainError('RULE_VIOLATED', 'QUARTER_ALREADY_REPORTED', `Q${quarter} is already reported; a change is a correction with a reason`);
      }
      return [{ type: 'RealisationReported', data: { ...key, quarter, values, on: today } }];
    }
    case 'CorrectRealisation': {
      const { quarter, values, reason, today } = command.data;
      requireReportable(state, quarter, values, today);
      if (!state.reportedQuarters.includes(quarter)) throw new DomainError('RULE_VIOLATED', 'QUARTER_NOT_REPORTED', `Q${quarter} has not been reported yet`);
      return [{ type: 'RealisationCorrected', data: { ...key, quarter, values, reason, on: today } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** DOMAIN.md, Plans 6: an effective version, its indicators only, each once, a quarter that has begun. */
function requireReportable(state: ExistingPlan, quarter: Quarter, values: RealisationValue[], today: string): void {
  if (!state.effective) throw new DomainError('RULE_VIOLATED', 'PLAN_NOT_APPROVED', 'Realisation needs an approved plan');
  if (values.length === 0) throw new DomainError('VALIDATION', 'VALIDATION_FAILED', 'At least one value is needed');
  const known = new Set(indicatorsOf(state.effective.goals).map((indicator) => indicator.code));
  const seen = new Set<string>();
  for (const { indicatorCode } of values) {
    if (!known.has(indicatorCode)) {
      throw new DomainError('RULE_VIOLATED', 'UNKNOWN_INDICATOR', `${indicatorCode} is not an indicator of effective version ${state.effective.version}`);
    }
    if (seen.has(indicatorCode)) throw new DomainError('VALIDATION', 'VALIDATION_FAILED', `${indicatorCode} appears twice`);
    seen.add(indicatorCode);
  }
  if (today < quarterStart(state.year, quarter)) {
    throw new DomainError('RULE_VIOLATED', 'QUARTER_NOT_STARTED', `Q${quarter} ${state.year} has not begun`);
  }
}

export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = { initialState, evolve, decide };
