import { Decider, DomainCommand, unreachable } from '@app/decider';
import { OtherOpd, requireActiveOpd } from '../opd/opd.decider';
import { answerFault } from './lke-answers';
import { answersAboveLedger, differsFromLedger } from './ledger-evidence';
import { judge, scoreSheet } from './lke-scores';
import { LoadedLkeTemplate } from './lke-template';
import { PrerequisiteRule, unmetPrerequisites, ZiPrerequisites } from './zi-prerequisites';
import { ZiErrors } from './zi.errors';
import {
  ActivityProgress,
  LkeAnswer,
  LkeScores,
  LkeValue,
  opdOfUnit,
  TeamMember,
  ZiActivity,
  ZiEvent,
  ZiJudgement,
  ZiOutcome,
  ZiStage,
  ZiTarget,
} from './zi.events';

export type ZiState =
  | { stage: 'NONE' }
  | {
      stage: ZiStage;
      unit: string;
      opdCode: string;
      year: number;
      target: ZiTarget;
      activities: ZiActivity[];
      self: Record<string, LkeAnswer>;
      tpi: Record<string, LkeAnswer>;
      /** The latest evaluation's scores and judgement; null before it and after a return. */
      judgement: (ZiJudgement & { scores: LkeScores }) | null;
    };

type ExistingZi = Exclude<ZiState, { stage: 'NONE' }>;

export interface Declaration {
  target: ZiTarget;
  declaredOn: string;
  documentUrl: string;
  documentSha256: string;
  team: TeamMember[];
}

/**
 * `standingWbk`: whether the unit holds an awarded, unrevoked WBK from an earlier year, which the
 * handler reads from the other years' records before deciding. `template`: the LKE in force.
 */
export type ZiCommand =
  | DomainCommand<'DeclareZi', { opd: OtherOpd; unit: string; year: number; standingWbk: boolean } & Declaration>
  | DomainCommand<'SetZiActionPlan', { activities: ZiActivity[] }>
  | DomainCommand<'ReportZiProgress', { activityCode: string } & ActivityProgress>
  | DomainCommand<'AnswerZiSelf', { template: LoadedLkeTemplate; answers: LkeAnswer[]; suggestions: Record<string, LkeValue> }>
  | DomainCommand<'SubmitZiSelfAssessment', { template: LoadedLkeTemplate }>
  | DomainCommand<'AnswerZiTpi', { template: LoadedLkeTemplate; answers: LkeAnswer[] }>
  | DomainCommand<'EvaluateZi', { template: LoadedLkeTemplate }>
  | DomainCommand<'ReturnZi', { notes: string }>
  | DomainCommand<'ProposeZi', { prerequisites: ZiPrerequisites | null; rules: Record<ZiTarget, PrerequisiteRule> }>
  | DomainCommand<'RecordZiOutcome', { outcome: ZiOutcome; predikat?: ZiTarget; decreeNumber?: string; decreeDate?: string; reason?: string }>
  | DomainCommand<'RevokeZi', { reason: string }>;

export const initialState = (): ZiState => ({ stage: 'NONE' });

const merged = (answers: Record<string, LkeAnswer>, added: LkeAnswer[]) => ({
  ...answers,
  ...Object.fromEntries(added.map((answer) => [answer.itemCode, answer])),
});

export function evolve(state: ZiState, event: ZiEvent): ZiState {
  if (event.type === 'ZiDeclared') {
    const { unit, opdCode, year, target } = event.data;
    return { stage: 'DECLARED', unit, opdCode, year, target, activities: [], self: {}, tpi: {}, judgement: null };
  }
  if (state.stage === 'NONE') return state;
  switch (event.type) {
    case 'ZiActionPlanSet':
      return { ...state, activities: event.data.activities };
    case 'ZiProgressReported':
      return state;
    case 'ZiSelfAnswered':
      return { ...state, self: merged(state.self, event.data.answers) };
    case 'ZiSelfAssessed':
      return { ...state, stage: 'SELF_ASSESSED' };
    case 'ZiTpiAnswered':
      return { ...state, tpi: merged(state.tpi, event.data.answers) };
    case 'ZiEvaluated':
      return { ...state, stage: 'EVALUATED', judgement: { scores: event.data.scores, meets: event.data.meets, shortfalls: event.data.shortfalls } };
    case 'ZiReturned':
      return { ...state, stage: 'RETURNED', judgement: null };
    case 'ZiProposed':
      return { ...state, stage: 'PROPOSED' };
    case 'ZiAwarded':
      return { ...state, stage: 'AWARDED' };
    case 'ZiNotAwarded':
      return { ...state, stage: 'NOT_AWARDED' };
    case 'ZiRevoked':
      return { ...state, stage: 'REVOKED' };
    default:
      return unreachable(event);
  }
}

/** The unit holds its sheet while it is declared and again after a return. */
export const unitHoldsTheSheet = (stage: ZiStage) => stage === 'DECLARED' || stage === 'RETURNED';
/** Progress is reported while the unit is still being built and judged (docs/domain.md, ZI 2). */
const progressOpen = (stage: ZiStage) => ['DECLARED', 'SELF_ASSESSED', 'RETURNED', 'EVALUATED'].includes(stage);

const invalidTransition = (state: ExistingZi, action: string) => ZiErrors.invalidTransition(state.stage, action);

export function decide(command: ZiCommand, state: ZiState): ZiEvent[] {
  if (command.type === 'DeclareZi') {
    const { opd, unit, year, standingWbk, ...declaration } = command.data;
    if (state.stage !== 'NONE') throw ZiErrors.alreadyDeclared(unit, year);
    requireActiveOpd(opd);
    if (declaration.target === 'WBBM' && !standingWbk) throw ZiErrors.wbkRequired(unit);
    return [{ type: 'ZiDeclared', data: { unit, opdCode: opdOfUnit(unit), year, ...declaration } }];
  }
  if (state.stage === 'NONE') throw ZiErrors.notDeclared();
  const key = { unit: state.unit, opdCode: state.opdCode, year: state.year };
  const today = command.metadata.today;
  switch (command.type) {
    case 'SetZiActionPlan': {
      if (!unitHoldsTheSheet(state.stage)) throw invalidTransition(state, 'given a new action plan');
      const codes = new Set<string>();
      for (const activity of command.data.activities) {
        if (codes.has(activity.code)) throw ZiErrors.duplicateActivity(activity.code);
        codes.add(activity.code);
      }
      if (JSON.stringify(state.activities) === JSON.stringify(command.data.activities)) return [];
      const removed = state.activities.filter((activity) => !codes.has(activity.code)).map((activity) => activity.code);
      return [{ type: 'ZiActionPlanSet', data: { ...key, activities: command.data.activities, removed } }];
    }
    case 'ReportZiProgress': {
      if (!progressOpen(state.stage)) throw invalidTransition(state, 'reported on');
      const { activityCode, ...progress } = command.data;
      if (!state.activities.some((activity) => activity.code === activityCode)) throw ZiErrors.unknownActivity(activityCode);
      return [{ type: 'ZiProgressReported', data: { ...key, activityCode, ...progress } }];
    }
    case 'AnswerZiSelf': {
      if (!unitHoldsTheSheet(state.stage)) throw invalidTransition(state, 'answered by the unit');
      const { template, answers, suggestions } = command.data;
      checkAnswers(template, answers);
      const unexplained = answers.filter((answer) => differsFromLedger(answer.value, suggestions[answer.itemCode]) && !answer.note?.trim());
      if (unexplained.length > 0) throw ZiErrors.noteRequired(unexplained.map((answer) => answer.itemCode));
      const types = new Map(template.items.map((item) => [item.code, item.answerType]));
      const withLedger = answers.map((answer) => {
        const suggested = suggestions[answer.itemCode];
        if (suggested === undefined) return answer;
        return { ...answer, suggested, aboveLedger: answersAboveLedger(types.get(answer.itemCode)!, answer.value, suggested) };
      });
      return [{ type: 'ZiSelfAnswered', data: { ...key, answers: withLedger } }];
    }
    case 'SubmitZiSelfAssessment': {
      if (!unitHoldsTheSheet(state.stage)) throw invalidTransition(state, 'submitted');
      const { template } = command.data;
      requireComplete(template, state.self);
      const scores = scoreSheet(template, new Map(Object.entries(state.self)));
      return [{ type: 'ZiSelfAssessed', data: { ...key, template: { id: template.id, sha256: template.sha256 }, scores, on: today } }];
    }
    case 'AnswerZiTpi': {
      if (state.stage !== 'SELF_ASSESSED') throw invalidTransition(state, 'answered by the TPI (only a self-assessed record can be)');
      checkAnswers(command.data.template, command.data.answers);
      return [{ type: 'ZiTpiAnswered', data: { ...key, answers: command.data.answers } }];
    }
    case 'EvaluateZi': {
      if (state.stage !== 'SELF_ASSESSED') throw invalidTransition(state, 'evaluated (only a self-assessed record can be)');
      const { template } = command.data;
      requireComplete(template, state.tpi);
      const scores = scoreSheet(template, new Map(Object.entries(state.tpi)));
      return [{ type: 'ZiEvaluated', data: { ...key, template: { id: template.id, sha256: template.sha256 }, scores, ...judge(scores, template), on: today } }];
    }
    case 'ReturnZi':
      if (state.stage !== 'SELF_ASSESSED' && state.stage !== 'EVALUATED') throw invalidTransition(state, 'returned');
      if (command.data.notes.trim() === '') throw ZiErrors.notesRequired();
      return [{ type: 'ZiReturned', data: { ...key, notes: command.data.notes, on: today } }];
    case 'ProposeZi': {
      if (state.stage !== 'EVALUATED' || !state.judgement) throw invalidTransition(state, 'proposed (only an evaluated record can be)');
      if (!state.judgement.meets[state.target]) throw ZiErrors.thresholdNotMet(state.target, state.judgement.shortfalls[state.target]);
      const unmet = unmetPrerequisites(command.data.prerequisites, command.data.rules[state.target], state.year);
      if (unmet.length > 0) throw ZiErrors.prerequisiteNotMet(state.target, unmet);
      return [{ type: 'ZiProposed', data: { ...key, target: state.target, on: today } }];
    }
    case 'RecordZiOutcome': {
      if (state.stage !== 'PROPOSED') throw invalidTransition(state, 'given an outcome (only a proposed record can be)');
      const { outcome, predikat, decreeNumber, decreeDate, reason } = command.data;
      if (outcome === 'NOT_AWARDED') {
        if (!reason?.trim()) throw ZiErrors.reasonRequired();
        return [{ type: 'ZiNotAwarded', data: { ...key, reason } }];
      }
      if (!predikat || !decreeNumber?.trim() || !decreeDate) throw ZiErrors.awardIncomplete();
      // KemenPANRB decides on the predikat proposed; a WBBM proposal that earns only WBK is a new year's record.
      if (predikat !== state.target) throw ZiErrors.predikatIsNotTarget(state.target);
      return [{ type: 'ZiAwarded', data: { ...key, predikat, decreeNumber, decreeDate } }];
    }
    case 'RevokeZi':
      if (state.stage !== 'AWARDED') throw invalidTransition(state, 'revoked (only an award can be)');
      if (command.data.reason.trim() === '') throw ZiErrors.reasonRequired();
      return [{ type: 'ZiRevoked', data: { ...key, reason: command.data.reason, on: today } }];
    default:
      return unreachable(command);
  }
}

/** Every answer names an item of the template, once, with a value its answer type takes (400 otherwise). */
function checkAnswers(template: LoadedLkeTemplate, answers: LkeAnswer[]): void {
  const items = new Map(template.items.map((item) => [item.code, item]));
  const unknown = answers.filter((answer) => !items.has(answer.itemCode)).map((answer) => answer.itemCode);
  if (unknown.length > 0) throw ZiErrors.unknownItem(unknown);
  const seen = new Set<string>();
  for (const answer of answers) {
    if (seen.has(answer.itemCode)) throw ZiErrors.duplicateItem(answer.itemCode);
    seen.add(answer.itemCode);
    const fault = answerFault(items.get(answer.itemCode)!.answerType, answer.value);
    if (fault) throw ZiErrors.badAnswer(answer.itemCode, fault);
  }
}

/**
 * LKE_INCOMPLETE names each item without an answer; an answer kept from a template since
 * replaced that no longer fits its item counts as missing too.
 */
function requireComplete(template: LoadedLkeTemplate, answers: Record<string, LkeAnswer>): void {
  const missing = template.items
    .filter((item) => {
      const answer = answers[item.code];
      return !answer || answerFault(item.answerType, answer.value) !== null;
    })
    .map((item) => item.code);
  if (missing.length > 0) throw ZiErrors.incomplete(missing);
}

export const ziDecider: Decider<ZiState, ZiCommand, ZiEvent> = { initialState, evolve, decide };
