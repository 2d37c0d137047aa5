import { stream as excelStream } from 'exceljs';
import type { Writable } from 'node:stream';
import { NUMBER_FORMATS, xlsxCell } from './cells';
import { Sheet } from './sheet';
import { drained, SheetWriter } from './sheet-writer';

/** Excel refuses worksheet names longer than this or holding any of []:*?/\. */
export const worksheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * exceljs' streaming writer: each row is committed (serialised into the zip) as it comes, so
 * the workbook is never held whole. Shared strings are off: they would keep every text in memory.
 */
export function xlsxWriter(sheet: Sheet, output: Writable): SheetWriter {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(worksheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? Math.max(10, column.header.length + 2),
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  return {
    async row(row) {
      worksheet.addRow(sheet.columns.map((column) => xlsxCell(column.kind, column.value(row)))).commit();
      await drained(output);
    },
    async finish() {
      worksheet.commit();
      await workbook.commit();
    },
  };
}
