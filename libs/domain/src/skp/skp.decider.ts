import { Decider, DomainCommand, unreachable } from '@app/decider';
import { RealisationValue, requireReportableValues } from '../shared/realisation-value';
import { OtherOpd, requireActiveOpd } from '../opd/opd.decider';
import { predikatOf } from './predikat';
import { CascadeLookup, requireCascadeTargets } from './skp-cascade';
import { requireValidResults, skpIndicatorsOf } from './skp-results';
import { SkpErrors } from './skp.errors';
import { BehaviourNotes, Predikat, Rating, SkpEvent, SkpPeriod, SkpQuarter, SkpRating, SkpResult } from './skp.events';

export const SKP_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'AGREED'] as const;
export type SkpStatus = (typeof SKP_STATUSES)[number];

export type SkpState =
  | { status: 'NONE' }
  | {
      status: SkpStatus;
      nip: string;
      year: number;
      opdCode: string;
      /** The pejabat penilai: the only one who may agree, return and evaluate (see skp-access.ts). */
      appraiserNip: string;
      results: SkpResult[];
      reportedPeriods: SkpQuarter[];
      /** The predikat each evaluated period holds now: the latest rating's (a re-evaluation supersedes). */
      predikats: Partial<Record<SkpPeriod, Predikat>>;
    };

type ExistingSkp = Exclude<SkpState, { status: 'NONE' }>;

/**
 * Who acts is not the decider's to check: a DomainError has no 403, so the HTTP layer's
 * policy asks skp-access.ts about the parties of the state this decision is made on.
 */
export type SkpCommand =
  | DomainCommand<
      'DraftSkp',
      {
        nip: string;
        year: number;
        name: string;
        position: string;
        /** The employee's unit as the handler found it: SKPs are drafted in active units only. */
        opd: OtherOpd;
        appraiserNip: string;
        results: SkpResult[];
        cascade: CascadeLookup;
      }
    >
  | DomainCommand<'ReplaceSkpResults', { results: SkpResult[]; cascade: CascadeLookup }>
  | DomainCommand<'SubmitSkp', Record<string, never>>
  | DomainCommand<'AgreeSkp', Record<string, never>>
  | DomainCommand<'ReturnSkp', { reason: string }>
  | DomainCommand<'ReportSkpRealisation', { period: SkpQuarter; values: RealisationValue[] }>
  | DomainCommand<
      'EvaluateSkp',
      {
        period: SkpPeriod;
        resultRating: Rating;
        behaviourRating: Rating;
        note?: string | null;
        behaviourNotes?: BehaviourNotes;
        /** Needed only when the period is evaluated already; ignored on a first evaluation. */
        reason?: string | null;
      }
    >;

export const initialState = (): SkpState => ({ status: 'NONE' });

export function evolve(state: SkpState, event: SkpEvent): SkpState {
  if (event.type === 'SkpDrafted') {
    const { nip, year, opdCode, appraiserNip, results } = event.data;
    return { status: 'DRAFT', nip, year, opdCode, appraiserNip, results, reportedPeriods: [], predikats: {} };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'SkpResultsReplaced':
      return { ...state, results: event.data.results };
    case 'SkpSubmitted':
      return { ...state, status: 'SUBMITTED' };
    case 'SkpReturned':
      return { ...state, status: 'RETURNED' };
    case 'SkpAgreed':
      return { ...state, status: 'AGREED', results: event.data.results };
    case 'SkpRealisationReported':
      return { ...state, reportedPeriods: [...state.reportedPeriods, event.data.period] };
    case 'SkpEvaluated':
    case 'SkpReevaluated':
      return { ...state, predikats: { ...state.predikats, [event.data.period]: event.data.predikat } };
    default:
      return unreachable(event);
  }
}

const invalidTransition = (state: ExistingSkp, action: string) => SkpErrors.invalidTransition(state.status, action);
const editable = (state: ExistingSkp) => state.status === 'DRAFT' || state.status === 'RETURNED';

/**
 * Where docs/domain.md (SKP) is silent, this decides: an SKP needs at least one result; only the
 * results change before agreement (name, position, unit and appraiser are fixed at drafting);
 * the agreement copies the results into its event, as a plan's approval does; a period is
 * reported once and there is no correction yet; a period may be evaluated with or without a
 * realisation, and `ANNUAL` without the quarters; nothing waits for the calendar (a quarter may
 * be reported or rated before it ends); the link rules are in skp-cascade.ts.
 */
export function decide(command: SkpCommand, state: SkpState): SkpEvent[] {
  if (command.type === 'DraftSkp') {
    const { nip, year, name, position, opd, appraiserNip, results, cascade } = command.data;
    if (state.status !== 'NONE') throw SkpErrors.alreadyDrafted(year);
    requireActiveOpd(opd);
    if (appraiserNip === nip) throw SkpErrors.appraiserIsEmployee();
    requireValidResults(results);
    requireCascadeTargets({ nip, year }, results, cascade);
    return [{ type: 'SkpDrafted', data: { nip, year, name, position, opdCode: opd.code, appraiserNip, results } }];
  }
  if (state.status === 'NONE') throw SkpErrors.notDrafted();
  const key = { nip: state.nip, year: state.year };
  switch (command.type) {
    case 'ReplaceSkpResults': {
      if (!editable(state)) throw invalidTransition(state, 'edited');
      const { results, cascade } = command.data;
      requireValidResults(results);
      requireCascadeTargets(key, results, cascade);
      return [{ type: 'SkpResultsReplaced', data: { ...key, results } }];
    }
    case 'SubmitSkp':
      if (!editable(state)) throw invalidTransition(state, 'submitted');
      return [{ type: 'SkpSubmitted', data: key }];
    case 'AgreeSkp':
      if (state.status !== 'SUBMITTED') throw invalidTransition(state, 'agreed');
      return [{ type: 'SkpAgreed', data: { ...key, results: state.results, on: command.metadata.today } }];
    case 'ReturnSkp':
      if (state.status !== 'SUBMITTED') throw invalidTransition(state, 'returned');
      return [{ type: 'SkpReturned', data: { ...key, reason: command.data.reason } }];
    case 'ReportSkpRealisation': {
      const { period, values } = command.data;
      requireReportable(state, values);
      // Once per period, as plans' quarters (docs/domain.md, Plans 6). The spec names no SKP
      // correction, so none is offered yet; a later one would be its own event with a reason.
      if (state.reportedPeriods.includes(period)) throw SkpErrors.periodAlreadyReported(period);
      return [{ type: 'SkpRealisationReported', data: { ...key, period, values, on: command.metadata.today } }];
    }
    case 'EvaluateSkp': {
      if (state.status !== 'AGREED') throw SkpErrors.notAgreed(state.status);
      const { period, resultRating, behaviourRating, note, behaviourNotes, reason } = command.data;
      const rating: SkpRating = {
        period,
        resultRating,
        behaviourRating,
        predikat: predikatOf(resultRating, behaviourRating),
        note: note ?? null,
        behaviourNotes: behaviourNotes ?? {},
        on: command.metadata.today,
      };
      if (state.predikats[period] === undefined) return [{ type: 'SkpEvaluated', data: { ...key, ...rating } }];
      // A blank reason is no reason: the first rating may only be superseded for a stated cause.
      if (!reason?.trim()) throw SkpErrors.periodAlreadyEvaluated(period);
      return [{ type: 'SkpReevaluated', data: { ...key, ...rating, reason } }];
    }
    default:
      return unreachable(command);
  }
}

/** docs/domain.md, SKP 3: an agreed SKP, its indicators only, each once. */
function requireReportable(state: ExistingSkp, values: RealisationValue[]): void {
  if (state.status !== 'AGREED') throw SkpErrors.notAgreed(state.status);
  const agreed = skpIndicatorsOf(state.results).map((indicator) => indicator.code);
  requireReportableValues(values, agreed, SkpErrors.unknownIndicator);
}

export const skpDecider: Decider<SkpState, SkpCommand, SkpEvent> = { initialState, evolve, decide };

/** The predikat a period holds in this state: what an evaluation answers, also when a retry replays it. */
export const predikatIn = (state: SkpState, period: SkpPeriod): Predikat | null => (state.status === 'NONE' ? null : (state.predikats[period] ?? null));
