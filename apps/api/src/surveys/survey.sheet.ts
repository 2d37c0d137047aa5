import { defineSheet, SheetColumn } from '../http/sheets/sheet';
import { SurveyAnswer } from './survey-queries';

const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
const nrrOf = (survey: SurveyAnswer, unsur: string) => ('nrr' in survey.results ? (survey.results.nrr?.[unsur] ?? null) : null);

/** Closed surveys' results as open data: a survey a row, the nine NRRs beside the IKM and its mutu. */
export const closedSurveysSheet = defineSheet<{ items: SurveyAnswer[] }, SurveyAnswer>({
  name: 'Hasil Survei',
  rows: (answer) => answer.items,
  columns: [
    { header: 'Kode Survei', kind: 'text', value: (survey) => survey.surveyCode, width: 14 },
    { header: 'Jenis', kind: 'text', value: (survey) => survey.kind },
    { header: 'Kode OPD', kind: 'text', value: (survey) => survey.opdCode },
    { header: 'Layanan', kind: 'text', value: (survey) => survey.service, width: 24 },
    { header: 'Tahun', kind: 'number', value: (survey) => survey.year },
    { header: 'Triwulan', kind: 'number', value: (survey) => survey.quarter },
    { header: 'Populasi', kind: 'number', value: (survey) => survey.population },
    { header: 'Responden', kind: 'number', value: (survey) => survey.results.responses },
    { header: 'Sampel Minimum', kind: 'number', value: (survey) => survey.results.minimumSample },
    { header: 'Sampel Cukup', kind: 'text', value: (survey) => survey.results.sampleSufficient },
    { header: 'IKM', kind: 'number', value: (survey) => ('ikm' in survey.results ? (survey.results.ikm ?? null) : null) },
    { header: 'Mutu', kind: 'text', value: (survey) => ('mutu' in survey.results ? (survey.results.mutu ?? null) : null) },
    { header: 'Nilai (IPAK/IPKP)', kind: 'number', value: (survey) => ('value' in survey.results ? (survey.results.value ?? null) : null) },
    ...UNSUR.map((unsur): SheetColumn<SurveyAnswer> => ({ header: `NRR ${unsur}`, kind: 'number', value: (survey) => nrrOf(survey, unsur) })),
  ],
});
