import { SurveyQuestion, SURVEY_QUESTIONS } from './survey-questions';
import { ikmOf, meanAnswerOf, minimumSample, Mutu, mutuOf, nrrOf, sampleSufficient, SurveyTally } from './survey-results';
import { IsoDate, SurveyKind } from './survey.events';

/** A survey as its read model keeps it: what was opened, and the running sums of its answers. */
export interface SurveyFigures extends SurveyTally {
  surveyCode: string;
  kind: SurveyKind;
  opdCode: string;
  service: string;
  year: number;
  quarter: number;
  population: number;
  status: 'OPEN' | 'CLOSED';
  questions: string[];
  /** The texts asked, in the order of `questions`; null for surveys opened before they were recorded. */
  questionTexts: string[] | null;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
  /** Respondents per band of each profile field (`gender` → `P` → 12); those who left a field out are not counted in it. */
  respondents: Record<string, Record<string, number>>;
}

export interface SkmResults {
  responses: number;
  nrr: Record<string, number | null>;
  ikm: number | null;
  mutu: Mutu | null;
  minimumSample: number;
  sampleSufficient: boolean;
}

export interface PerceptionResults {
  responses: number;
  value: number | null;
  minimumSample: number;
  sampleSufficient: boolean;
}

export type SurveyResults = SkmResults | PerceptionResults;

/** Results as DOMAIN.md, Surveys rule 3 has them: SKM per unsur with IKM and mutu, IPAK and IPKP as one mean. */
export function resultsOf(figures: SurveyFigures): SurveyResults {
  const sample = { minimumSample: minimumSample(figures.population), sampleSufficient: sampleSufficient(figures.responses, figures.population) };
  if (figures.kind !== 'SKM') return { responses: figures.responses, value: meanAnswerOf(figures, figures.questions), ...sample };
  const ikm = ikmOf(figures, figures.questions);
  return {
    responses: figures.responses,
    nrr: Object.fromEntries(figures.questions.map((code) => [code, nrrOf(figures, code)])),
    ikm,
    mutu: ikm === null ? null : mutuOf(ikm),
    ...sample,
  };
}

/** The questions of a survey as the public form asks them, in the order its opening fixed. */
export function questionsOf(figures: Pick<SurveyFigures, 'kind' | 'questions'> & { questionTexts?: string[] | null }): SurveyQuestion[] {
  return figures.questions.map((code, index) => ({
    code,
    text: figures.questionTexts?.[index] ?? SURVEY_QUESTIONS[figures.kind].find((question) => question.code === code)?.text ?? code,
  }));
}
