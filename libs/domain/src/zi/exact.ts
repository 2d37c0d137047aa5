/**
 * Exact non-negative rationals for LKE scores: an ABCD "B" is 2/3 of the weight, and the sheet's
 * sums must not drift by the binary noise of 0.6666…; only the shown figure is rounded.
 */
export interface Exact {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

export function exact(n: bigint, d = 1n): Exact {
  const divisor = gcd(n < 0n ? -n : n, d) || 1n;
  return { n: n / divisor, d: d / divisor };
}

export const ZERO = exact(0n);

/** A decimal as written (`17.5`, `0.6667`): exact, never through binary floating point. */
export function exactDecimal(value: number): Exact {
  const [whole, fraction = ''] = String(value).split('.');
  if (/e/i.test(String(value))) throw new Error(`${value} is not a plain decimal`);
  return exact(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

export const add = (a: Exact, b: Exact) => exact(a.n * b.d + b.n * a.d, a.d * b.d);
export const times = (a: Exact, b: Exact) => exact(a.n * b.n, a.d * b.d);
export const sum = (values: Exact[]) => values.reduce(add, ZERO);
export const sameExact = (a: Exact, b: Exact) => a.n * b.d === b.n * a.d;

/** Half up to 2 decimals, as the sheet shows and compares (values here are never negative). */
export function shown(value: Exact): number {
  const hundredths = (value.n * 200n + value.d) / (2n * value.d);
  return Number(hundredths) / 100;
}
