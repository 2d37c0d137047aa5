/**
 * A global-log position, opaque to callers and comparable as a plain string.
 *
 * The PostgreSQL store orders the log by (transaction id, sequence) and EventStoreDB by
 * (commit, prepare); both are pairs of unsigned 64-bit integers, so zero-padding each half to
 * 20 digits makes string order equal log order.
 */
export type Position = string;

const WIDTH = 20;
const FORMAT = /^\d{20}-\d{20}$/;

export function encodePosition(major: bigint | number | string, minor: bigint | number | string): Position {
  return `${String(major).padStart(WIDTH, '0')}-${String(minor).padStart(WIDTH, '0')}`;
}

export function decodePosition(position: Position): [major: string, minor: string] {
  if (!isPosition(position)) throw new RangeError(`Not a log position: ${String(position)}`);
  const [major, minor] = position.split('-');
  return [BigInt(major).toString(), BigInt(minor).toString()];
}

export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && FORMAT.test(value);
}

export function comparePositions(a: Position | null | undefined, b: Position | null | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}
