export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // The epsilon keeps binary noise (1.005 is 1.00499…) from rounding half down.
  return Math.round((value + Number.EPSILON * Math.abs(value)) * factor) / factor;
}
