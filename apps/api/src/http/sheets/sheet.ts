/**
 * What a list looks like as a spreadsheet: one declaration beside the list's view. The export
 * path (`@Exportable`) reads the same answer the JSON list gives and lays it out by these columns.
 */
export type CellKind = 'text' | 'number' | 'date' | 'datetime' | 'rupiah' | 'percent';

export type CellValue = string | number | boolean | null | undefined;

export interface SheetColumn<Row> {
  /** In Indonesian: the sheet is handed on to people who read it, not to programs. */
  header: string;
  kind: CellKind;
  value: (row: Row) => CellValue;
  /** Characters, for the XLSX column; the header's length when not given. */
  width?: number;
}

export interface Sheet<Answer = unknown, Row = unknown> {
  /** The worksheet's name and the file's name (without extension). */
  name: string;
  /** The rows one answer (one page of a paged list) holds. */
  rows: (answer: Answer) => Iterable<Row>;
  columns: ReadonlyArray<SheetColumn<Row>>;
}

/** Typed at the declaration, erased where the export path handles every sheet alike. */
export const defineSheet = <Answer, Row>(sheet: Sheet<Answer, Row>): Sheet => sheet as unknown as Sheet;

/** The usual shape of a list's answer: `{ items }`, paged or not. */
export const itemsOf = <Item>(answer: { items: Item[] }): Item[] => answer.items;
