import { GoalView, IndicatorView, PlanView } from '@app/domain/plan';
import { Page } from '../http/pagination';
import { defineSheet, SheetColumn } from '../http/sheets/sheet';

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

/**
 * The import template's columns first and in its order (plan-import-template.ts), so an
 * exported plan imports as it is; the figures follow, which the import does not read.
 */
const PLAN_COLUMNS: ReadonlyArray<SheetColumn<PlanIndicatorRow>> = [
  { header: 'Kode Sasaran', kind: 'text', value: ({ goal }) => goal.code },
  { header: 'Sasaran Strategis', kind: 'text', value: ({ goal }) => goal.statement, width: 40 },
  { header: 'Kode Indikator', kind: 'text', value: ({ indicator }) => indicator.code },
  { header: 'Indikator Kinerja', kind: 'text', value: ({ indicator }) => indicator.name, width: 40 },
  { header: 'Satuan', kind: 'text', value: ({ indicator }) => indicator.unit },
  { header: 'Polaritas', kind: 'text', value: ({ indicator }) => indicator.polarity, width: 20 },
  { header: 'Agregasi', kind: 'text', value: ({ indicator }) => indicator.aggregation },
  { header: 'Target Tahunan', kind: 'number', value: ({ indicator }) => indicator.annualTarget },
  { header: 'Target TW I', kind: 'number', value: quarterTarget(0) },
  { header: 'Target TW II', kind: 'number', value: quarterTarget(1) },
  { header: 'Target TW III', kind: 'number', value: quarterTarget(2) },
  { header: 'Target TW IV', kind: 'number', value: quarterTarget(3) },
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
