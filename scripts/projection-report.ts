import { ProjectionComparison } from '@app/projections';

export interface ProjectionReport {
  projection: string;
  position: string | null;
  skipped?: string;
  rowsCompared: number;
  differences: number;
  tables: Array<{ table: string; liveRows: number; rebuiltRows: number; compared: number; differences: number; firstDifferences: string[] }>;
}

/**
 * What verify prints of a comparison: counts, and the first differing rows by key and column
 * names, never their values. An SKP row's key is a NIP, which an operator's terminal or a CI
 * log must not show: any 18-digit run in a key is printed as `[nip]`, as the request logs do.
 */
export function describeComparison(comparison: ProjectionComparison): ProjectionReport {
  return {
    projection: comparison.projection,
    position: comparison.position,
    ...(comparison.skipped ? { skipped: comparison.skipped } : {}),
    rowsCompared: comparison.tables.reduce((sum, table) => sum + table.compared, 0),
    differences: comparison.differences,
    tables: comparison.tables.map((table) => ({
      table: table.table,
      liveRows: table.liveRows,
      rebuiltRows: table.rebuiltRows,
      compared: table.compared,
      differences: table.differences,
      firstDifferences: table.examples.map(
        (difference) =>
          `${difference.kind} ${maskPersonalData(keyText(difference.key))}${difference.kind === 'changed' ? ` in ${difference.columns.join(', ')}` : ''}`,
      ),
    })),
  };
}

/** `(opd_code=DINKES, year=2025)`: the primary key's columns in name order. */
function keyText(key: Record<string, unknown>): string {
  return `(${Object.keys(key)
    .sort()
    .map((column) => `${column}=${String(key[column])}`)
    .join(', ')})`;
}

function maskPersonalData(text: string): string {
  return text.replace(/\d{18}/g, '[nip]');
}
