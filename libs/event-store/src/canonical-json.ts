/**
 * Canonical JSON as docs/domain.md defines it for the hash chain: object keys sorted (by UTF-16
 * code units, as JavaScript sorts), no insignificant white space, values as JSON.stringify
 * writes them (toJSON called, undefined, functions and symbols left out of objects and null in
 * arrays).
 */
export function canonicalJson(value: unknown): string {
  return written(value, '', [], false) as string;
}

/**
 * canonicalJson of the value as it will read back from storage, refusing what cannot be stored
 * faithfully: a number that is not finite, a bigint, a cycle, a string (value or key) with NUL
 * or a lone surrogate, which PostgreSQL's jsonb refuses, and a value with no JSON form at all.
 * One walk, where a JSON round trip with a checking replacer and then canonicalJson took three:
 * it is on the path of every append.
 */
export function storableJson(value: unknown): string {
  const text = written(value, '', [], true);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** The value as it will read back from storage (see storableJson), as a fresh plain value. */
export function toPlainJson(value: unknown): unknown {
  return JSON.parse(storableJson(value));
}

/**
 * Strings are built by concatenation (V8 joins them lazily) rather than through arrays joined:
 * this walk is on the path of every append, and the arrays were most of its garbage.
 */
function written(given: unknown, key: string, ancestors: object[], storable: boolean): string | undefined {
  let value = given;
  if (
    ((typeof value === 'object' && value !== null) || typeof value === 'function' || typeof value === 'bigint') &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  switch (typeof value) {
    case 'string':
      if (storable) refuseUnstorable(value);
      return JSON.stringify(value);
    case 'number':
      if (storable && !Number.isFinite(value)) throw new TypeError('non-finite number');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('bigint is not JSON');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return written(value.valueOf(), key, ancestors, storable);
  if (Object.prototype.toString.call(value) === '[object BigInt]') throw new TypeError('bigint is not JSON');
  if (ancestors.includes(value as object)) throw new TypeError('cyclic structure is not JSON');
  ancestors.push(value as object);
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += written(value[index], String(index), ancestors, storable) ?? 'null';
    }
    text += ']';
  } else {
    text = '{';
    const names = Object.keys(value as object);
    if (names.length > 1) names.sort();
    for (const name of names) {
      const item = written((value as Record<string, unknown>)[name], name, ancestors, storable);
      if (item === undefined) continue;
      if (storable) refuseUnstorable(name);
      text += text.length === 1 ? `${JSON.stringify(name)}:${item}` : `,${JSON.stringify(name)}:${item}`;
    }
    text += '}';
  }
  ancestors.pop();
  return text;
}

function refuseUnstorable(text: string): void {
  if (!text.isWellFormed() || text.includes('\u0000')) throw new TypeError('string with NUL or a lone surrogate');
}
