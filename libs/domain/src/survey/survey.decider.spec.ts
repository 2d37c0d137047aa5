import { DomainError } from '../shared/domain-error';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { SurveyResponseCommand, surveyResponseDecider } from './survey-response.decider';
import { SurveyCommand, surveyDecider, SurveyState } from './survey.decider';
import { SKM_UNSUR } from './survey-questions';
import { SurveyEvent, SurveyResponseEvent } from './survey.events';

const given = DeciderSpecification.for(surveyDecider);
const givenAnswer = DeciderSpecification.for(surveyResponseDecider);
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};

const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const open: SpecCommand<SurveyCommand> = {
  type: 'OpenSurvey',
  data: {
    surveyCode: 'ABCDEFGHJKLM',
    opd: { code: 'DINKES', status: 'ACTIVE' },
    kind: 'SKM',
    service: 'Rawat jalan',
    year: 2025,
    quarter: 2,
    population: 1000,
    asked: SKM_UNSUR,
  },
};
const opened: SurveyEvent = {
  type: 'SurveyOpened',
  data: {
    surveyCode: 'ABCDEFGHJKLM',
    kind: 'SKM',
    opdCode: 'DINKES',
    service: 'Rawat jalan',
    year: 2025,
    quarter: 2,
    population: 1000,
    questions: UNSUR,
    questionTexts: SKM_UNSUR.map((question) => question.text),
    openedOn: '2025-06-15',
  },
};
const closed: SurveyEvent = { type: 'SurveyClosed', data: { surveyCode: 'ABCDEFGHJKLM', closedOn: '2025-06-15' } };
const close: SpecCommand<SurveyCommand> = { type: 'CloseSurvey', data: {} };

const openSurvey: SurveyState = { status: 'OPEN', surveyCode: 'ABCDEFGHJKLM', opdCode: 'DINKES', kind: 'SKM', questions: UNSUR };
const allThrees = Object.fromEntries(UNSUR.map((code) => [code, 3]));
const answer = (answers: Record<string, number>, survey: SurveyState = openSurvey): SpecCommand<SurveyResponseCommand> => ({
  type: 'AnswerSurvey',
  data: { responseId: 'r-1', survey, answers, respondent: null },
});
const answered = (answers: Record<string, number>): SurveyResponseEvent => ({
  type: 'SurveyAnswered',
  data: { surveyCode: 'ABCDEFGHJKLM', responseId: 'r-1', answers, respondent: null },
});

describe('surveys', () => {
  describe('opening', () => {
    it('asks the nine unsur of an SKM', () => given([]).when(open).then([opened]));

    it('asks the questions it is given for IPAK and IPKP (the LKE template set), and records their texts', () => {
      const asked = [
        { code: 'A1', text: 'Tidak ada pungutan liar' },
        { code: 'A2', text: 'Tidak ada percaloan' },
      ];
      return given([])
        .when({ ...open, data: { ...open.data, kind: 'IPAK', asked } })
        .then([
          {
            ...opened,
            data: { ...opened.data, kind: 'IPAK', questions: ['A1', 'A2'], questionTexts: ['Tidak ada pungutan liar', 'Tidak ada percaloan'] },
          } as SurveyEvent,
        ]);
    });

    it('refuses a survey of a year to come', () =>
      given([])
        .when({ ...open, data: { ...open.data, year: 2026 } })
        .thenThrows(withCode('VALIDATION_FAILED')));

    it('refuses a dissolved unit', () =>
      given([])
        .when({ ...open, data: { ...open.data, opd: { code: 'DINKES', status: 'DISSOLVED' } } })
        .thenThrows(withCode('OPD_DISSOLVED')));

    it('refuses to open the same code twice', () => given([opened]).when(open).thenThrows(withCode('ALREADY_EXISTS')));
  });

  describe('closing', () => {
    it('closes an open survey', () => given([opened]).when(close).then([closed]));
    it('refuses to close twice', () => given([opened, closed]).when(close).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a survey never opened', () => given([]).when(close).thenThrows(withCode('NOT_FOUND')));
  });

  describe('answering', () => {
    it('records an answer to every question, in the survey’s order', () =>
      givenAnswer([])
        .when(answer(Object.fromEntries([...UNSUR].reverse().map((code) => [code, 3]))))
        .then([answered(allThrees)]));

    it('refuses a closed survey', () =>
      givenAnswer([])
        .when(answer(allThrees, { ...openSurvey, status: 'CLOSED' }))
        .thenThrows(withCode('SURVEY_CLOSED')));

    it('refuses a survey that does not exist', () =>
      givenAnswer([])
        .when(answer(allThrees, { status: 'NONE' }))
        .thenThrows(withCode('NOT_FOUND')));

    it.each<[string, Record<string, number>]>([
      ['a missing unsur', { ...allThrees, U9: undefined as unknown as number }],
      ['an unknown question', { ...allThrees, U10: 3 }],
      ['0', { ...allThrees, U1: 0 }],
      ['5', { ...allThrees, U1: 5 }],
      ['2.5', { ...allThrees, U1: 2.5 }],
    ])('refuses %s', (_name, answers) => {
      const cleaned = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined));
      givenAnswer([]).when(answer(cleaned)).thenThrows(withCode('VALIDATION_FAILED'));
    });

    it('never records the same answer twice', () =>
      givenAnswer([answered(allThrees)])
        .when(answer(allThrees))
        .thenThrows(withCode('ALREADY_EXISTS')));
  });
});
