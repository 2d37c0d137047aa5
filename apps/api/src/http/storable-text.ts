/**
 * Text the event store can keep faithfully: PostgreSQL's jsonb refuses NUL and lone surrogates
 * (and so does prepareAppend, as INVALID_APPEND). The HTTP layer refuses them first, as a 400
 * naming the field, so that they never reach a query or a decider.
 */
export function isStorableText(value: string): boolean {
  return value.isWellFormed() && !value.includes('\u0000');
}

/**
 * Characters that show nothing: JavaScript's trim() takes the Unicode spaces (NBSP, U+3000,
 * the BOM …) but keeps the zero-width ones, so a name made only of U+200B would pass as text.
 */
const INVISIBLE = /^[\s\u180e\u200b-\u200d\u2060\ufeff]*$/u;

export function isBlankText(value: string): boolean {
  return INVISIBLE.test(value);
}
