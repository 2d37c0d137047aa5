import { AGGREGATIONS, POLARITIES } from '@app/domain/plan';
import ExcelJS from 'exceljs';

/**
 * The import template's columns, in order (docs/api.md, Plan import). The exported plan starts
 * with the same headers, so a plan exported from one unit imports into another as it is.
 */
export const PLAN_TEMPLATE_COLUMNS = [
  { header: 'Kode Sasaran', field: 'goalCode', width: 14 },
  { header: 'Sasaran Strategis', field: 'statement', width: 40 },
  { header: 'Kode Indikator', field: 'indicatorCode', width: 14 },
  { header: 'Indikator Kinerja', field: 'name', width: 40 },
  { header: 'Satuan', field: 'unit', width: 10 },
  { header: 'Polaritas', field: 'polarity', width: 20 },
  { header: 'Agregasi', field: 'aggregation', width: 12 },
  { header: 'Target Tahunan', field: 'annualTarget', width: 16 },
  { header: 'Target TW I', field: 'q1', width: 12 },
  { header: 'Target TW II', field: 'q2', width: 12 },
  { header: 'Target TW III', field: 'q3', width: 12 },
  { header: 'Target TW IV', field: 'q4', width: 12 },
] as const;

export const PLAN_TEMPLATE_SHEET = 'Rencana Kinerja';

/** Rows that get the polarity and aggregation drop-downs: as many as a plan may hold, and more. */
const VALIDATED_ROWS = 500;

const EXAMPLE = ['G1', 'Meningkatnya derajat kesehatan masyarakat', 'I1', 'Persentase balita gizi baik', '%', 'HIGHER_IS_BETTER', 'LAST', 90, 80, 84, 87, 90];

/** The empty template: headers, drop-downs for the two lists, and one example row to overwrite. */
export async function planTemplateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(PLAN_TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_TEMPLATE_COLUMNS.map(({ header, field, width }) => ({ header, key: field, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(EXAMPLE);
  const list = (values: readonly string[], title: string) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: title,
    error: `Pilih salah satu: ${values.join(', ')}`,
  });
  for (let row = 2; row <= VALIDATED_ROWS + 1; row++) {
    sheet.getCell(`F${row}`).dataValidation = list(POLARITIES, 'Polaritas');
    sheet.getCell(`G${row}`).dataValidation = list(AGGREGATIONS, 'Agregasi');
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
