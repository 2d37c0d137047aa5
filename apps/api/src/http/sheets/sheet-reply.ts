import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { csvWriter } from './csv-writer';
import { CSV_TYPE, ExportFormat, XLSX_TYPE } from './export-format';
import { Sheet } from './sheet';
import { SheetWriter } from './sheet-writer';
import { xlsxWriter } from './xlsx-writer';

/** `name-2026.csv` from the sheet's name and whatever else names the answer; only safe characters. */
export const fileNameOf = (parts: Array<string | number | undefined>, extension: string): string =>
  `${parts
    .filter((part) => part !== undefined && part !== '')
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 120)}.${extension}`;

export interface SheetReplyOptions {
  fileName: Array<string | number | undefined>;
  comments?: string[];
}

/**
 * Sets the reply's headers for a CSV or XLSX file and answers the stream to send with the writer
 * that fills it. The file is an attachment: it is handed on, not shown.
 */
export function openSheetReply(
  reply: FastifyReply,
  format: Exclude<ExportFormat, { kind: 'json' }>,
  sheet: Sheet,
  options: SheetReplyOptions,
): { body: PassThrough; writer: SheetWriter } {
  const body = new PassThrough();
  const extension = format.kind;
  void reply.header('Content-Type', format.kind === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE);
  void reply.header('Content-Disposition', `attachment; filename="${fileNameOf([sheet.name, ...options.fileName], extension)}"`);
  void reply.header('Vary', 'Accept');
  const writer = format.kind === 'csv' ? csvWriter(sheet, body, format.separator, options.comments) : xlsxWriter(sheet, body);
  return { body, writer };
}
