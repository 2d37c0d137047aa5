import ExcelJS from 'exceljs';
import type { Response } from 'supertest';

/** The first worksheet of an XLSX answer, as exceljs reads it back. */
export async function firstWorksheet(response: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook.worksheets[0];
}

/** A worksheet's rows as arrays of cell values (exceljs' row.values is 1-based). */
export const rowValues = (worksheet: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  worksheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

/** A CSV answer's lines, the BOM checked and taken off. */
export function csvLines(response: Response): string[] {
  const text = (response.body as Buffer).toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('the CSV has no byte-order mark');
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '');
}
