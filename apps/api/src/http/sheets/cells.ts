import { CellKind, CellValue } from './sheet';

/**
 * The characters a spreadsheet reads as the start of a formula (and tab and carriage return,
 * which some strip before reading): a text starting with one is written so it stays text
 * (OWASP, CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const startsLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/** A cell as CSV text; `decimalComma` when the separator is `;`, the Indonesian pairing. */
export function csvCell(kind: CellKind, value: CellValue, separator: string, decimalComma: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (typeof value === 'number' && kind !== 'text') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return decimalComma ? text.replace('.', ',') : text;
  }
  // A leading apostrophe is how Excel and LibreOffice are told "this is text".
  const text = startsLikeFormula(String(value)) ? `'${String(value)}` : String(value);
  return needsQuotes(text, separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

const needsQuotes = (text: string, separator: string): boolean => text.includes(separator) || /["\r\n]/.test(text);

/**
 * A cell as an XLSX value: numbers stay numbers, dates become dates (the calendar day of an ISO
 * date; an instant in UTC, which the header says). Text is written as a string cell, which a
 * spreadsheet shows and never evaluates, whatever it starts with.
 */
export function xlsxCell(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if ((kind === 'date' || kind === 'datetime') && typeof value === 'string') {
    const date = new Date(kind === 'date' ? `${value}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Excel's number formats per kind: rupiah with thousands grouped, dates as Indonesians write them. */
export const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  rupiah: '"Rp" #,##0',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  percent: '0.00',
};
