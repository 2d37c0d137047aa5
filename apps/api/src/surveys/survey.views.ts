import { Mutu, MUTU_BANDS, SURVEY_KINDS, SurveyKind, SurveyQuestion, SurveyResults } from '@app/domain/survey';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '../http/write-result';
import type { SurveyAnswer } from './survey-queries';

export class SurveyQuestionView implements SurveyQuestion {
  @ApiProperty({ example: 'U1' }) code: string;
  @ApiProperty({ example: 'Persyaratan' }) text: string;
}

/** SKM: nrr, ikm and mutu; IPAK and IPKP: value. Both: responses and the sample's sufficiency. */
export class SurveyResultsView {
  @ApiProperty() responses: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'SKM: NRR per unsur, 4 decimals' })
  nrr?: Record<string, number | null>;
  @ApiPropertyOptional({ nullable: true, description: 'SKM: Σ NRR × 1/9 × 25, 2 decimals half up' }) ikm?: number | null;
  @ApiPropertyOptional({ nullable: true, enum: MUTU_BANDS.map((band) => band.mutu) }) mutu?: Mutu | null;
  @ApiPropertyOptional({ nullable: true, description: 'IPAK, IPKP: the mean answer, 2 decimals' }) value?: number | null;
  @ApiProperty() minimumSample: number;
  @ApiProperty() sampleSufficient: boolean;
}

export class SurveyView implements SurveyAnswer {
  @ApiProperty() surveyCode: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() opdCode: string;
  @ApiProperty() service: string;
  @ApiProperty() year: number;
  @ApiProperty() quarter: number;
  @ApiProperty() population: number;
  @ApiProperty({ enum: ['OPEN', 'CLOSED'] }) status: 'OPEN' | 'CLOSED';
  @ApiProperty() openedOn: string;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ type: [SurveyQuestionView] }) questions: SurveyQuestionView[];
  @ApiProperty({ type: SurveyResultsView }) results: SurveyResults;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } })
  respondents: Record<string, Record<string, number>>;
}

/** What the public sees of a survey: the questions while it is open, the results too once closed. */
export class PublicSurveyView {
  @ApiProperty() surveyCode: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() opdCode: string;
  @ApiProperty() service: string;
  @ApiProperty() year: number;
  @ApiProperty() quarter: number;
  @ApiProperty({ enum: ['OPEN', 'CLOSED'] }) status: 'OPEN' | 'CLOSED';
  @ApiProperty({ type: [SurveyQuestionView] }) questions: SurveyQuestionView[];
  @ApiPropertyOptional({ type: SurveyResultsView }) results?: SurveyResults;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } })
  respondents?: Record<string, Record<string, number>>;
}

export class PublicSurveyListView {
  @ApiProperty({ type: [PublicSurveyView] }) items: PublicSurveyView[];
}

export class SurveyOpenedView extends WriteResultView {
  @ApiProperty({ example: 'K7MQ2XWB9HTR' }) surveyCode: string;
}

/** The public's share of a survey: while open, what to answer; closed, the frozen results as counts. */
export function publicSurvey(survey: SurveyAnswer): PublicSurveyView {
  const { surveyCode, kind, opdCode, service, year, quarter, status, questions } = survey;
  const shown = { surveyCode, kind, opdCode, service, year, quarter, status, questions };
  return status === 'OPEN' ? shown : { ...shown, results: survey.results, respondents: survey.respondents };
}
