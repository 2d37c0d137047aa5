import { stream as excelStream } from 'exceljs';
import { EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import { NUMBER_FORMATS, xlsxCell } from './cells';
import { Sheet } from './sheet';
import { drained, SheetWriter } from './sheet-writer';

const ROWS_BETWEEN_PAUSES = 200;

interface BufferedStream extends EventEmitter {
  _writableState?: { needDrain: boolean };
}

/**
 * exceljs writes the sheet's XML into the zip's input without heeding its answer (its StreamBuf
 * ignores what write() returns), so rows made faster than deflate takes them would pile up there:
 * 200 MB for 300,000 rows in bench/export.bench.ts. Waiting for that input to drain keeps the
 * backlog at its high-water mark. The input is exceljs' internal; without it, a turn of the event
 * loop still lets the zip run.
 */
async function zipCaughtUp(worksheet: unknown): Promise<void> {
  const input = (worksheet as { stream?: { pipes?: BufferedStream[] } }).stream?.pipes?.[0];
  if (input instanceof EventEmitter && input._writableState?.needDrain) await once(input, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

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
  let rows = 0;
  return {
    async row(row) {
      worksheet.addRow(sheet.columns.map((column) => xlsxCell(column.kind, column.value(row)))).commit();
      if (++rows % ROWS_BETWEEN_PAUSES === 0) await zipCaughtUp(worksheet);
      await drained(output);
    },
    async finish() {
      worksheet.commit();
      await workbook.commit();
    },
  };
}
