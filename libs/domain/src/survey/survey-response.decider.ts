import { Decider, DomainCommand, unreachable } from '@app/decider';
import { ANSWER_MAX, ANSWER_MIN, RespondentProfile, SurveyResponseEvent } from './survey.events';
import { SurveyErrors } from './survey.errors';
import { SurveyState } from './survey.decider';

/**
 * Each answer is a stream of its own rather than an event on the survey's stream: a survey of
 * a busy service gets thousands of answers, and one stream would make every answer read (and
 * queue behind) all those before it. The survey's state is read first and handed in; an
 * answer that lands after the survey's closing event is left out of the frozen results by the
 * projection, which sees both in log order.
 */
export type SurveyResponseState = { answered: boolean };

export type SurveyResponseCommand = DomainCommand<
  'AnswerSurvey',
  { responseId: string; survey: SurveyState; answers: Record<string, number>; respondent: RespondentProfile | null }
>;

const initialState = (): SurveyResponseState => ({ answered: false });

function evolve(_state: SurveyResponseState, event: SurveyResponseEvent): SurveyResponseState {
  switch (event.type) {
    case 'SurveyAnswered':
      return { answered: true };
    default:
      return unreachable(event.type);
  }
}

function decide(command: SurveyResponseCommand, state: SurveyResponseState): SurveyResponseEvent[] {
  const { responseId, survey, answers, respondent } = command.data;
  if (state.answered) throw SurveyErrors.answeredAlready();
  if (survey.status === 'NONE') throw SurveyErrors.notOpened();
  if (survey.status === 'CLOSED') throw SurveyErrors.closed();
  const given = Object.keys(answers);
  const unknown = given.filter((code) => !survey.questions.includes(code));
  if (unknown.length > 0) throw SurveyErrors.unknownQuestions(unknown);
  const missing = survey.questions.filter((code) => !(code in answers));
  if (missing.length > 0) throw SurveyErrors.missingAnswers(missing);
  for (const code of survey.questions) {
    const value = answers[code];
    if (!Number.isInteger(value) || value < ANSWER_MIN || value > ANSWER_MAX) throw SurveyErrors.answerOutOfRange(code);
  }
  // Stored in the survey's question order, so equal answers are equal events.
  const ordered = Object.fromEntries(survey.questions.map((code) => [code, answers[code]]));
  return [{ type: 'SurveyAnswered', data: { surveyCode: survey.surveyCode, responseId, answers: ordered, respondent } }];
}

export const surveyResponseDecider: Decider<SurveyResponseState, SurveyResponseCommand, SurveyResponseEvent> = { initialState, evolve, decide };
