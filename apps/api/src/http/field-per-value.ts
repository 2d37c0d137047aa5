/**
 * Gives a class one field per value of a domain list, each under `decorator`: for a body or an
 * answer whose keys are that list (the BerAKHLAK values), so that the list is written once.
 * Declared fields would repeat it, and a value added to the domain would be refused here.
 */
export function fieldPerValue(target: abstract new () => object, values: readonly string[], decorator: PropertyDecorator): void {
  for (const value of values) decorator(target.prototype as object, value);
}
