import { eventTypes } from '@app/decider';

/**
 * A satisfaction or perception survey of one OPD's service for one quarter: the SKM of
 * PermenPANRB 14/2017 (nine unsur, answers 1–4, IKM), or the LKE's perception surveys IPAK
 * (anti-corruption) and IPKP (service quality). Answers are anonymous: no answer carries a
 * name, a contact or an address, and the optional respondent profile is bands only.
 */
export const SURVEY_KINDS = ['SKM', 'IPAK', 'IPKP'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_QUARTERS = [1, 2, 3, 4] as const;

/** The lowest and highest answer to every question. */
export const ANSWER_MIN = 1;
export const ANSWER_MAX = 4;

export const GENDERS = ['L', 'P'] as const;
export const AGE_BANDS = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'] as const;
export const EDUCATIONS = ['SD', 'SMP', 'SMA', 'D1-D3', 'D4-S1', 'S2-S3'] as const;
export type Gender = (typeof GENDERS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type Education = (typeof EDUCATIONS)[number];

/** What a respondent may say of themselves: bands, never anything that names them. */
export interface RespondentProfile {
  gender: Gender | null;
  ageBand: AgeBand | null;
  education: Education | null;
}

/** ISO dates, YYYY-MM-DD. */
export type IsoDate = string;

export type SurveyOpened = {
  type: 'SurveyOpened';
  data: {
    surveyCode: string;
    kind: SurveyKind;
    opdCode: string;
    service: string;
    year: number;
    quarter: number;
    /** Service users in the period: Krejcie–Morgan's N. */
    population: number;
    /** The question codes asked, fixed at opening so a later change of the sets leaves this survey as it was. */
    questions: string[];
    /**
     * The questions' texts as asked, in the order of `questions`: IPAK and IPKP take theirs from
     * the LKE template in force at opening. Surveys opened before the texts were recorded have
     * none and show the built-in sets' texts.
     */
    questionTexts?: string[];
    openedOn: IsoDate;
  };
};

export type SurveyClosed = { type: 'SurveyClosed'; data: { surveyCode: string; closedOn: IsoDate } };

/** One anonymous answer, on a stream of its own (survey-response.decider.ts says why). */
export type SurveyAnswered = {
  type: 'SurveyAnswered';
  data: { surveyCode: string; responseId: string; answers: Record<string, number>; respondent: RespondentProfile | null };
};

export type SurveyEvent = SurveyOpened | SurveyClosed;
export type SurveyResponseEvent = SurveyAnswered;

export const SURVEY_EVENT_TYPES = eventTypes<SurveyEvent>({ SurveyOpened: true, SurveyClosed: true });
export const SURVEY_RESPONSE_EVENT_TYPES = eventTypes<SurveyResponseEvent>({ SurveyAnswered: true });

export const surveyStream = (surveyCode: string) => `survey-${surveyCode}`;
export const surveyResponseStream = (responseId: string) => `survey-response-${responseId}`;
