/**
 * Freezes a value and everything it holds, for what one process shares between readers (cached
 * events, read model rows, verified principals): a reader that changed it would change every
 * later reader's answer.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
