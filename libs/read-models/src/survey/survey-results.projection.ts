import { SURVEY_EVENT_TYPES, SURVEY_RESPONSE_EVENT_TYPES, SurveyAnswered, SurveyEvent, SurveyFigures } from '@app/domain/survey';
import { comparePositions, Position, ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection, ProjectionTarget } from '@app/projections';
import { rowStatements } from '../row-sql';

/**
 * One row per survey holding the running sums of its answers, so that results are worked out
 * from nine sums on every read, never from every answer (libs/domain/src/survey/survey-results.ts).
 * Answers come from streams of their own, so a row's place in the log is its `position`, not a
 * stream revision: an event at or before it is one the row already holds (a replay). An answer
 * that comes after the survey's closing event is not counted: the results froze at closing.
 */
export interface SurveyRow extends SurveyFigures {
  position: Position;
}

export const surveyReadModel = defineReadModel<SurveyRow>({
  name: 'survey',
  columns: {
    surveyCode: { type: 'text', primary: true, name: 'survey_code' },
    kind: { type: 'text' },
    opdCode: { type: 'text', name: 'opd_code' },
    service: { type: 'text' },
    year: { type: 'int' },
    quarter: { type: 'int' },
    population: { type: 'int' },
    status: { type: 'text' },
    questions: { type: 'jsonb' },
    questionTexts: { type: 'jsonb', name: 'question_texts', nullable: true },
    openedOn: { type: 'text', name: 'opened_on' },
    closedOn: { type: 'text', name: 'closed_on', nullable: true },
    responses: { type: 'int' },
    sums: { type: 'jsonb' },
    respondents: { type: 'jsonb' },
    position: { type: 'text' },
  },
  indices: [{ name: 'rm_survey_opd_year', columns: ['opdCode', 'year', 'surveyCode'] }],
});

type SurveyLogEvent = SurveyEvent | SurveyAnswered;

function countProfile(respondents: SurveyRow['respondents'], profile: SurveyAnswered['data']['respondent']): SurveyRow['respondents'] {
  if (!profile) return respondents;
  const next = { ...respondents };
  for (const [field, band] of Object.entries(profile) as Array<[string, string | null]>) {
    if (band === null) continue;
    next[field] = { ...next[field], [band]: (next[field]?.[band] ?? 0) + 1 };
  }
  return next;
}

export function evolveSurveyRow(row: SurveyRow | null, event: SurveyLogEvent, position: Position): SurveyRow | null {
  switch (event.type) {
    case 'SurveyOpened': {
      const { surveyCode, kind, opdCode, service, year, quarter, population, questions, questionTexts, openedOn } = event.data;
      const sums = Object.fromEntries(questions.map((code) => [code, 0]));
      return {
        surveyCode,
        kind,
        opdCode,
        service,
        year,
        quarter,
        population,
        questions,
        questionTexts: questionTexts ?? null,
        openedOn,
        closedOn: null,
        status: 'OPEN',
        responses: 0,
        sums,
        respondents: {},
        position,
      };
    }
    case 'SurveyClosed':
      return row && { ...row, status: 'CLOSED', closedOn: event.data.closedOn, position };
    case 'SurveyAnswered': {
      if (!row || row.status === 'CLOSED') return row && { ...row, position };
      const sums = { ...row.sums };
      for (const [code, value] of Object.entries(event.data.answers)) sums[code] = (sums[code] ?? 0) + value;
      return { ...row, responses: row.responses + 1, sums, respondents: countProfile(row.respondents, event.data.respondent), position };
    }
  }
}

const surveyCodeOf = (event: ProjectionEvent) => (event.data as { surveyCode: string }).surveyCode;

/** Folds a batch: the rows it touches are read once and written once, however many answers it holds. */
async function applySurveyEvents(events: ProjectionEvent[], target: ProjectionTarget): Promise<void> {
  const statements = rowStatements(target, surveyReadModel);
  const codes = [...new Set(events.map(surveyCodeOf))];
  const rows = new Map<string, SurveyRow | null>();
  for (const row of await statements.find(codes.map((surveyCode) => ({ surveyCode })))) rows.set(row.surveyCode, row);
  const changed = new Set<string>();
  for (const event of events) {
    const code = surveyCodeOf(event);
    const row = rows.get(code) ?? null;
    if (row && comparePositions(event.position, row.position) <= 0) continue;
    const next = evolveSurveyRow(row, { type: event.type, data: event.data } as SurveyLogEvent, event.position);
    if (next) {
      rows.set(code, next);
      changed.add(code);
    }
  }
  await statements.upsert([...changed].map((code) => rows.get(code)!));
}

export const surveyResultsProjection: Projection = {
  name: 'survey-results',
  // 2: the questions' texts as asked.
  version: 2,
  readModels: [surveyReadModel],
  handles: [...SURVEY_EVENT_TYPES, ...SURVEY_RESPONSE_EVENT_TYPES],
  apply: (event, target) => applySurveyEvents([event], target),
  applyBatch: applySurveyEvents,
  // Answers on their own streams count toward another stream's row: the log's order matters.
  rebuildByStream: false,
};
