import { Decider, DomainCommand, unreachable } from '@app/decider';
import { OtherOpd, requireActiveOpd } from '../opd/opd.decider';
import { SurveyQuestion } from './survey-questions';
import { SurveyErrors } from './survey.errors';
import { SurveyEvent, SurveyKind } from './survey.events';

export type SurveyState = { status: 'NONE' } | { status: 'OPEN' | 'CLOSED'; surveyCode: string; opdCode: string; kind: SurveyKind; questions: string[] };

export type SurveyCommand =
  | DomainCommand<
      'OpenSurvey',
      {
        surveyCode: string;
        opd: OtherOpd;
        kind: SurveyKind;
        service: string;
        year: number;
        quarter: number;
        population: number;
        /** What a survey of this kind asks now (SKM's unsur; IPAK's and IPKP's from the LKE template in force). */
        asked: readonly SurveyQuestion[];
      }
    >
  | DomainCommand<'CloseSurvey', Record<string, never>>;

export const initialState = (): SurveyState => ({ status: 'NONE' });

export function evolve(state: SurveyState, event: SurveyEvent): SurveyState {
  switch (event.type) {
    case 'SurveyOpened': {
      const { surveyCode, opdCode, kind, questions } = event.data;
      return { status: 'OPEN', surveyCode, opdCode, kind, questions };
    }
    case 'SurveyClosed':
      return state.status === 'NONE' ? state : { ...state, status: 'CLOSED' };
    default:
      return unreachable(event);
  }
}

export function decide(command: SurveyCommand, state: SurveyState): SurveyEvent[] {
  const { today } = command.metadata;
  switch (command.type) {
    case 'OpenSurvey': {
      const { opd, asked, ...survey } = command.data;
      if (state.status !== 'NONE') throw SurveyErrors.alreadyOpened(survey.surveyCode);
      requireActiveOpd(opd);
      // A survey of a year still to come has no service users yet to ask.
      if (survey.year > Number(today.slice(0, 4))) throw SurveyErrors.badPeriod(survey.year, today);
      const questions = asked.map((question) => question.code);
      const questionTexts = asked.map((question) => question.text);
      return [{ type: 'SurveyOpened', data: { ...survey, opdCode: opd.code, questions, questionTexts, openedOn: today } }];
    }
    case 'CloseSurvey':
      if (state.status === 'NONE') throw SurveyErrors.notOpened();
      if (state.status === 'CLOSED') throw SurveyErrors.alreadyClosed();
      return [{ type: 'SurveyClosed', data: { surveyCode: state.surveyCode, closedOn: today } }];
    default:
      return unreachable(command);
  }
}

export const surveyDecider: Decider<SurveyState, SurveyCommand, SurveyEvent> = { initialState, evolve, decide };
