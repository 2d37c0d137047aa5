import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Rows going out to a stream, one at a time: what is written is never all held at once. */
export interface SheetWriter {
  row(row: unknown): Promise<void>;
  finish(): Promise<void>;
}

/** Waits while the reader is behind, so a slow client slows the export rather than growing its buffer. */
export async function drained(output: Writable): Promise<void> {
  if (output.writableNeedDrain) await once(output, 'drain');
}
