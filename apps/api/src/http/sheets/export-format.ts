import type { FastifyRequest } from 'fastify';
import { invalidParameter } from '../problem';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportFormat = { kind: 'json' } | { kind: 'xlsx' } | { kind: 'csv'; separator: string };

/**
 * `;` is what Excel set to Indonesian reads as columns (its list separator, since the decimal
 * separator is the comma); `,`, tab and `|` are for other readers.
 */
const SEPARATORS: Record<string, string> = { ';': ';', ',': ',', tab: '\t', '\t': '\t', '|': '|' };

/**
 * The representation a list is asked for: `?format=` wins over `Accept`, and JSON is the default.
 * `format` and `sep` are taken out of the query so the list's own parameters validate as always.
 */
export function exportFormatOf(request: FastifyRequest): ExportFormat {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const { format, sep } = query;
  delete query.format;
  delete query.sep;
  const kind = format === undefined ? fromAccept(request.headers.accept) : format;
  if (kind !== 'json' && kind !== 'csv' && kind !== 'xlsx') throw invalidParameter('format', 'must be json, csv or xlsx');
  if (sep !== undefined && kind !== 'csv') throw invalidParameter('sep', 'applies only to format=csv');
  if (kind !== 'csv') return { kind };
  const separator = sep === undefined ? ';' : typeof sep === 'string' ? SEPARATORS[sep] : undefined;
  if (separator === undefined) throw invalidParameter('sep', 'must be ; , | or tab');
  return { kind, separator };
}

/** The first of CSV or XLSX the client names, unless it names JSON (or anything) before them. */
function fromAccept(accept: string | undefined): 'json' | 'csv' | 'xlsx' {
  for (const range of (accept ?? '').split(',')) {
    const type = range.split(';')[0].trim().toLowerCase();
    if (type === CSV_TYPE) return 'csv';
    if (type === XLSX_TYPE) return 'xlsx';
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  }
  return 'json';
}
