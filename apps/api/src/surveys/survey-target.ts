import {
  SurveyCommand,
  surveyDecider,
  SurveyEvent,
  SurveyResponseCommand,
  surveyResponseDecider,
  SurveyResponseEvent,
  SurveyResponseState,
  SurveyState,
  surveyResponseStream,
  surveyStream,
} from '@app/domain/survey';
import { UnitSubject } from '../auth/policies';
import { WriteTarget } from '../commands/write-target';
import { newResourceId, WriteContext } from '../commands/write-context';
import { notFound } from '../http/problem';

/** Letters and digits a person reads off a poster without confusing them (no I, O, 0, 1). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SURVEY_CODE = /^[A-HJ-NP-Z2-9]{12}$/;

export const noSuchSurvey = () => notFound('No such survey');

/** `surveys/{surveyCode}`: a code the server gave out, or 404 before anything is read. */
export function surveyCodeFrom(parameter: string): string {
  if (!SURVEY_CODE.test(parameter)) throw noSuchSurvey();
  return parameter;
}

/**
 * A new survey's public code: twelve characters (60 bits) from the request's resource id, so a
 * retried request (Idempotency-Key) opens the same survey rather than a second one.
 */
export function newSurveyCode(write: WriteContext): string {
  const hex = newResourceId(write, 'survey').replace(/-/g, '');
  let bits = BigInt(`0x${hex.slice(0, 15)}`);
  let code = '';
  for (let i = 0; i < 12; i++, bits >>= 5n) code += CODE_ALPHABET[Number(bits & 31n)];
  return code;
}

export const surveyTarget = (surveyCode: string): WriteTarget<SurveyState, SurveyCommand, SurveyEvent, UnitSubject> => ({
  stream: surveyStream(surveyCode),
  decider: surveyDecider,
  id: surveyCode,
  subject: (state) => {
    if (state.status === 'NONE') throw noSuchSurvey();
    return { opdCode: state.opdCode };
  },
});

export const newSurveyTarget = (surveyCode: string, opdCode: string): WriteTarget<SurveyState, SurveyCommand, SurveyEvent, UnitSubject> => ({
  ...surveyTarget(surveyCode),
  location: `/api/v1/opds/${opdCode}/surveys/${surveyCode}`,
  subject: () => ({ opdCode }),
});

/** An anonymous answer, on a stream of its own named by a random id (survey-response.decider.ts). */
export const responseTarget = (responseId: string): WriteTarget<SurveyResponseState, SurveyResponseCommand, SurveyResponseEvent, null> => ({
  stream: surveyResponseStream(responseId),
  decider: surveyResponseDecider,
  id: responseId,
  subject: () => null,
});
