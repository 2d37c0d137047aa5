import { GoalView, IndicatorView, PlanView } from '@app/domain/plan';
import { Page } from '../http/pagination';
import { defineSheet, SheetColumn } from '../http/sheets/sheet';
import { PLAN_TEMPLATE_COLUMNS } from './plan-template';

/** One row per indicator of a plan's goals: what the plan is, laid out as the import template is. */
export interface PlanIndicatorRow {
  plan: PlanView;
  goal: GoalView;
  indicator: IndicatorView;
}

const rowsOf = (plan: PlanView): PlanIndicatorRow[] => plan.goals.flatMap((goal) => goal.indicators.map((indicator) => ({ plan, goal, indicator })));

const quarterTarget =
  (index: number) =>
  ({ indicator }: PlanIndicatorRow): number | null =>
    indicator.quarterlyTargets?.[index] ?? null;

type TemplateField = (typeof PLAN_TEMPLATE_COLUMNS)[number]['field'];

/** What each of the import template's columns holds, as the export writes it. */
const TEMPLATE_CELLS: Record<TemplateField, Pick<SheetColumn<PlanIndicatorRow>, 'kind' | 'value'>> = {
  goalCode: { kind: 'text', value: ({ goal }) => goal.code },
  statement: { kind: 'text', value: ({ goal }) => goal.statement },
  indicatorCode: { kind: 'text', value: ({ indicator }) => indicator.code },
  name: { kind: 'text', value: ({ indicator }) => indicator.name },
  unit: { kind: 'text', value: ({ indicator }) => indicator.unit },
  polarity: { kind: 'text', value: ({ indicator }) => indicator.polarity },
  aggregation: { kind: 'text', value: ({ indicator }) => indicator.aggregation },
  annualTarget: { kind: 'number', value: ({ indicator }) => indicator.annualTarget },
  q1: { kind: 'number', value: quarterTarget(0) },
  q2: { kind: 'number', value: quarterTarget(1) },
  q3: { kind: 'number', value: quarterTarget(2) },
  q4: { kind: 'number', value: quarterTarget(3) },
};

/**
 * The import template's columns first, in its order and under its headers, so an exported plan
 * imports as it is (the round trip); the figures follow, which the import does not read.
 */
const PLAN_COLUMNS: ReadonlyArray<SheetColumn<PlanIndicatorRow>> = [
  ...PLAN_TEMPLATE_COLUMNS.map(({ header, field, width }) => ({ header, width, ...TEMPLATE_CELLS[field] })),
  { header: 'Kode OPD', kind: 'text', value: ({ plan }) => plan.opdCode },
  { header: 'Tahun', kind: 'number', value: ({ plan }) => plan.year },
  { header: 'Status', kind: 'text', value: ({ plan }) => plan.status },
  { header: 'Versi Berlaku', kind: 'number', value: ({ plan }) => plan.effectiveVersion },
  { header: 'Realisasi', kind: 'number', value: ({ indicator }) => indicator.realisation },
  { header: 'Capaian (%)', kind: 'percent', value: ({ indicator }) => indicator.achievement },
  { header: 'Kategori', kind: 'text', value: ({ indicator }) => indicator.category },
];

export const planSheet = defineSheet<PlanView, PlanIndicatorRow>({ name: 'Rencana Kinerja', rows: rowsOf, columns: PLAN_COLUMNS });

export const planListSheet = defineSheet<Page<PlanView>, PlanIndicatorRow>({
  name: 'Rencana Kinerja',
  rows: (page) => page.items.flatMap(rowsOf),
  columns: PLAN_COLUMNS,
});
