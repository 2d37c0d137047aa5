import { planYears } from '@app/domain/plan';

/**
 * How far the year selector reaches from this year. Back: five years, the span of a medium-term
 * plan (RPJMD/Renstra), so a reader can follow one period's delivery year by year. Ahead: one,
 * because next year's plans are drafted and approved before it starts.
 */
const YEARS_BACK = 5;
const YEARS_AHEAD = 1;

/**
 * The years the regency page's selector offers, newest first: the shown year always (a reader may
 * have asked for one further back), the others within the reach above and no earlier than any
 * plan can be (`planYears`).
 */
export function yearChoices(shown: number, today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  const { earliest } = planYears(today);
  const reach = Array.from({ length: YEARS_BACK + 1 + YEARS_AHEAD }, (_, index) => thisYear + YEARS_AHEAD - index);
  return [...new Set([shown, ...reach])].filter((year) => year >= earliest).sort((a, b) => b - a);
}
