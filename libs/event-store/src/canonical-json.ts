/**
 * Canonical JSON as docs/domain.md defines it for the hash chain: object keys sorted (by UTF-16
 * code units, as JavaScript sorts), no insignificant white space, values as JSON.stringify
 * writes them. Values must be plain JSON (see `toPlainJson`).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/**
 * The value as it will read back from storage: a JSON round trip drops undefined, functions and
 * prototypes, and turns dates into strings. Throws when the value cannot be stored faithfully.
 */
export function toPlainJson(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') throw new TypeError('bigint is not JSON');
    if (typeof item === 'number' && !Number.isFinite(item)) throw new TypeError('non-finite number');
    if (typeof item === 'string' && (!item.isWellFormed() || item.includes('\u0000'))) {
      // PostgreSQL's jsonb refuses NUL and lone surrogates; refuse them before anything is written.
      throw new TypeError('string with NUL or a lone surrogate');
    }
    return item;
  });
  if (text === undefined) throw new TypeError('value has no JSON form');
  return JSON.parse(text);
}
