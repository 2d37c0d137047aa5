import { Injectable, OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerSources, Once } from '../zi';
import { ClosedSurveysQuery, SurveyAnswer } from './survey-queries';

const QUARTERS = [1, 2, 3, 4];

/** Quarters of `year` that have ended by `today`: the quarters a quarterly survey was due for. */
function quartersDue(year: number, today: string): number {
  const [thisYear, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (year < thisYear) return 4;
  if (year > thisYear) return 0;
  return Math.floor((month - 1) / 3);
}

/** The latest closed survey of a kind (by quarter, then closing day): the result the year stands at. */
const latest = (surveys: SurveyAnswer[]) => [...surveys].sort((a, b) => b.quarter - a.quarter || (b.closedOn ?? '').localeCompare(a.closedOn ?? ''))[0];

/**
 * What the unit's surveys answer of the LKE (docs/domain.md, ZI 5): whether the service survey
 * was held every quarter due (SKM_CONDUCTED), the IKM it stands at, and the perception indices
 * IPAK and IPKP. Read from the OPD's closed surveys of the year: an open one's figures still move.
 */
@Injectable()
export class SurveyLedgerSources implements OnModuleInit {
  constructor(
    private readonly sources: LedgerSources,
    private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    const closed = (once: Once, opdCode: string, year: number): Promise<SurveyAnswer[]> =>
      once(`closed-surveys:${opdCode}:${year}`, () => this.queries.execute(new ClosedSurveysQuery({ opd: opdCode, year })));
    const linkOf = (opdCode: string, year: number) => `/public/v1/surveys?opd=${opdCode}&year=${year}`;
    this.sources.register({
      name: 'SKM_CONDUCTED',
      read: async ({ opdCode, year }, today, once) => {
        const due = quartersDue(year, today);
        if (due === 0) return null;
        const held = new Set((await closed(once, opdCode, year)).filter((survey) => survey.kind === 'SKM').map((survey) => survey.quarter));
        const heldDue = QUARTERS.slice(0, due).filter((quarter) => held.has(quarter)).length;
        return {
          figure: { kind: 'SHARE', numerator: heldDue, denominator: due },
          links: [linkOf(opdCode, year)],
          basis: `an SKM closed in ${heldDue} of the ${due} quarters of ${year} ended so far`,
        };
      },
    });
    this.sources.register({
      name: 'IKM',
      read: async ({ opdCode, year }, _today, once) => {
        const survey = latest((await closed(once, opdCode, year)).filter((one) => one.kind === 'SKM'));
        const ikm = survey && 'ikm' in survey.results ? survey.results.ikm : null;
        if (ikm === null || ikm === undefined) return null;
        return {
          figure: { kind: 'SHARE', numerator: Math.round(ikm * 100), denominator: 10_000 },
          links: [`/public/v1/surveys/${survey.surveyCode}`],
          basis: `IKM ${ikm.toFixed(2)} (${survey.service}, quarter ${survey.quarter} of ${year})`,
        };
      },
    });
    for (const kind of ['IPAK', 'IPKP'] as const) {
      this.sources.register({
        name: kind,
        read: async ({ opdCode, year }, _today, once) => {
          const survey = latest((await closed(once, opdCode, year)).filter((one) => one.kind === kind));
          const value = survey && 'value' in survey.results ? survey.results.value : null;
          if (value === null || value === undefined) return null;
          return {
            figure: { kind: 'INDEX', value },
            links: [`/public/v1/surveys/${survey.surveyCode}`],
            basis: `${kind} ${value.toFixed(2)} of 4 (${survey.service}, quarter ${survey.quarter} of ${year}, ${survey.results.responses} answers)`,
          };
        },
      });
    }
  }
}
