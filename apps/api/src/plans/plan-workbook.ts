import ExcelJS from 'exceljs';
import { problem, ProblemException } from '../http/problem';
import { PLAN_TEMPLATE_COLUMNS } from './plan-template';

/** A plan is at most 100 goals of 100 indicators (plan.dto.ts); a sheet past that is refused unread. */
export const MAX_PLAN_ROWS = 2_000;
const MAX_COLUMNS = 60;

export interface CellError {
  field: string;
  message: string;
}

/** The JSON a draft would carry, and where each of its fields came from (`goals.0.indicators.1.annualTarget` → `H3`). */
export interface PlanSheetContent {
  sheet: string;
  body: { goals: Array<{ code: unknown; statement: unknown; indicators: Array<Record<string, unknown>> }> };
  cells: Map<string, string>;
}

const column = (field: (typeof PLAN_TEMPLATE_COLUMNS)[number]['field']): string =>
  String.fromCharCode(65 + PLAN_TEMPLATE_COLUMNS.findIndex((c) => c.field === field));

/**
 * The workbook's first sheet read as a plan's content. What is not a plan at all (a formula
 * anywhere, wrong headers, too many rows) is refused here, every such cell at once; the
 * content itself is then judged by the JSON draft's own validation (plan-import.ts).
 */
export async function readPlanWorkbook(bytes: Buffer): Promise<PlanSheetContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw sheetProblem([{ field: 'file', message: 'the file is not a readable XLSX workbook' }]);
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw sheetProblem([{ field: 'file', message: 'the workbook has no sheet' }]);
  const sheet = worksheet.name;
  if (worksheet.rowCount > MAX_PLAN_ROWS + 1 || worksheet.columnCount > MAX_COLUMNS) {
    throw sheetProblem([{ field: sheet, message: `a plan sheet has at most ${MAX_PLAN_ROWS} rows and ${MAX_COLUMNS} columns` }]);
  }
  const errors = [...formulaCells(workbook), ...headerErrors(worksheet)];
  if (errors.length > 0) throw sheetProblem(errors);
  return { sheet, ...goalsOf(worksheet, errors) };
}

/** No formula is read, anywhere in the workbook: the ledger records figures, not what computed them. */
function formulaCells(workbook: ExcelJS.Workbook): CellError[] {
  const errors: CellError[] = [];
  for (const worksheet of workbook.worksheets) {
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula)
          errors.push({ field: `${worksheet.name}!${cell.address}`, message: 'a formula is not read; paste its value instead' });
      }),
    );
  }
  return errors;
}

function headerErrors(worksheet: ExcelJS.Worksheet): CellError[] {
  return PLAN_TEMPLATE_COLUMNS.flatMap(({ header }, index) => {
    const cell = worksheet.getRow(1).getCell(index + 1);
    return textOf(cell) === header ? [] : [{ field: `${worksheet.name}!${cell.address}`, message: `the header must be "${header}", as in the template` }];
  });
}

function goalsOf(worksheet: ExcelJS.Worksheet, errors: CellError[]): Omit<PlanSheetContent, 'sheet'> {
  const cells = new Map<string, string>();
  const goals: PlanSheetContent['body']['goals'] = [];
  const byCode = new Map<string, { index: number; statement: unknown; row: number }>();
  for (let number = 2; number <= worksheet.rowCount; number++) {
    const row = worksheet.getRow(number);
    const values = PLAN_TEMPLATE_COLUMNS.map((_, index) => row.getCell(index + 1));
    if (values.every((cell) => cell.value === null || textOf(cell) === '')) continue;
    const goalCode = textOf(values[0]);
    let goal = byCode.get(goalCode);
    if (!goal) {
      goal = { index: goals.length, statement: valueOf(values[1], 'text'), row: number };
      byCode.set(goalCode, goal);
      goals.push({ code: goalCode === '' ? undefined : goalCode, statement: goal.statement, indicators: [] });
      cells.set(`goals.${goal.index}.code`, `A${number}`);
      cells.set(`goals.${goal.index}.statement`, `B${number}`);
      cells.set(`goals.${goal.index}.indicators`, `C${number}`);
    } else if (textOf(values[1]) !== '' && valueOf(values[1], 'text') !== goal.statement) {
      errors.push({ field: `${worksheet.name}!B${number}`, message: `goal ${goalCode} has another statement in row ${goal.row}` });
    }
    const indicators = goals[goal.index].indicators;
    const at = `goals.${goal.index}.indicators.${indicators.length}`;
    const quarters = values.slice(8, 12);
    const hasQuarters = quarters.some((cell) => textOf(cell) !== '');
    indicators.push({
      code: valueOf(values[2], 'text'),
      name: valueOf(values[3], 'text'),
      unit: valueOf(values[4], 'text'),
      polarity: valueOf(values[5], 'text'),
      aggregation: valueOf(values[6], 'text'),
      annualTarget: valueOf(values[7], 'number'),
      ...(hasQuarters ? { quarterlyTargets: quarters.map((cell) => valueOf(cell, 'number')) } : {}),
    });
    for (const field of ['code', 'name', 'unit', 'polarity', 'aggregation', 'annualTarget'] as const) {
      cells.set(`${at}.${field}`, `${column(field === 'code' ? 'indicatorCode' : field)}${number}`);
    }
    cells.set(`${at}.quarterlyTargets`, `I${number}`);
    quarters.forEach((_, index) => cells.set(`${at}.quarterlyTargets.${index}`, `${String.fromCharCode(73 + index)}${number}`));
  }
  if (errors.length > 0) throw sheetProblem(errors);
  cells.set('goals', 'A2');
  return { body: { goals }, cells };
}

/**
 * A cell as the JSON would have it: text as text (a number typed into a code cell is its
 * digits), a number as a number; anything else (a date, an error) as it is, for the
 * validation to name.
 */
function valueOf(cell: ExcelJS.Cell, kind: 'text' | 'number'): unknown {
  const value = cell.value;
  if (value === null || value === undefined || textOf(cell) === '') return undefined;
  if (kind === 'number') return typeof value === 'number' ? value : textOf(cell);
  return textOf(cell);
}

function textOf(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  return cell.text.trim();
}

/** 400 naming every bad cell, as the JSON's 400 names every bad field. */
export function sheetProblem(errors: CellError[]): ProblemException {
  const shown = errors.slice(0, 200);
  return new ProblemException(
    problem(
      400,
      'VALIDATION_FAILED',
      `The workbook has ${errors.length} error(s): ${shown
        .slice(0, 5)
        .map((e) => `${e.field}: ${e.message}`)
        .join('; ')}`,
      { errors: shown },
    ),
  );
}
