import type { Writable } from 'node:stream';
import { csvCell } from './cells';
import { Sheet } from './sheet';
import { drained, SheetWriter } from './sheet-writer';

/** A byte-order mark, so Excel reads the file as UTF-8 rather than as the system's code page. */
const BOM = '\uFEFF';

/**
 * CSV with RFC 4180 quoting and CRLF line ends. `comments` come before the header, each on a
 * line starting `#` (what ties a public file to the ledger).
 */
export function csvWriter(sheet: Sheet, output: Writable, separator: string, comments: string[] = []): SheetWriter {
  const decimalComma = separator === ';';
  const line = (cells: string[]) => `${cells.join(separator)}\r\n`;
  const preface = comments.map((comment) => `# ${comment.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
  output.write(BOM + preface + line(sheet.columns.map((column) => csvCell('text', column.header, separator, false))));
  return {
    async row(row) {
      output.write(line(sheet.columns.map((column) => csvCell(column.kind, column.value(row), separator, decimalComma))));
      await drained(output);
    },
    async finish() {
      output.end();
      await Promise.resolve();
    },
  };
}
