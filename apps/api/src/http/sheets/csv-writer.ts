import type { Writable } from 'node:stream';
import { csvCell } from './cells';
import { Sheet } from './sheet';
import { drained, SheetWriter } from './sheet-writer';

/** A byte-order mark, so Excel reads the file as UTF-8 rather than as the system's code page. */
const BOM = '\uFEFF';

const line = (cells: string[], separator: string) => `${cells.join(separator)}\r\n`;

/**
 * The file's start: the BOM, `comments` each on a line starting `#` (what ties a public file to
 * the ledger), then the header row.
 */
function preface(sheet: Sheet, separator: string, comments: string[]): string {
  const commentLines = comments.map((comment) => `# ${comment.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
  return (
    BOM +
    commentLines +
    line(
      sheet.columns.map((column) => csvCell('text', column.header, separator, false)),
      separator,
    )
  );
}

/** One row; numbers take the decimal comma with `;`, the pairing Excel set to Indonesian reads. */
const row = (sheet: Sheet, item: unknown, separator: string): string =>
  line(
    sheet.columns.map((column) => csvCell(column.kind, column.value(item), separator, separator === ';')),
    separator,
  );

/** CSV with RFC 4180 quoting and CRLF line ends, written row by row. */
export function csvWriter(sheet: Sheet, output: Writable, separator: string, comments: string[] = []): SheetWriter {
  output.write(preface(sheet, separator, comments));
  return {
    async row(item) {
      output.write(row(sheet, item, separator));
      await drained(output);
    },
    async finish() {
      output.end();
      await Promise.resolve();
    },
  };
}

/** A small answer's whole file at once (a public file is hashed for its ETag). */
export function csvText(sheet: Sheet, answer: unknown, separator: string, comments: string[] = []): string {
  return preface(sheet, separator, comments) + [...sheet.rows(answer)].map((item) => row(sheet, item, separator)).join('');
}
