import { toPlainJson } from './canonical-json';

describe('toPlainJson', () => {
  it('answers the value as it reads back from storage', () => {
    class Dated {
      constructor(readonly at: Date) {}
      hidden = undefined;
    }
    expect(toPlainJson({ a: [1, undefined, 'ok 😀'], b: new Dated(new Date('2025-05-02T00:00:00Z')), c: undefined })).toEqual({
      a: [1, null, 'ok 😀'],
      b: { at: '2025-05-02T00:00:00.000Z' },
    });
  });

  it.each([
    ['a number that is not finite, deep in a list', { a: [{ n: Number.NaN }] }, /non-finite/],
    ['an infinity', { n: Number.POSITIVE_INFINITY }, /non-finite/],
    ['a NUL character', { s: ['a\u0000b'] }, /NUL/],
    ['a lone surrogate', { s: '\ud800' }, /lone surrogate/],
    ['a lone surrogate from a toJSON', { s: { toJSON: () => 'x\udc00' } }, /lone surrogate/],
    ['a bigint', { n: BigInt(1) }, /bigint/i],
    ['nothing JSON can write', undefined, /no JSON form/],
  ])('refuses %s', (_label, value, message) => {
    expect(() => toPlainJson(value)).toThrow(message);
  });

  it('refuses a cycle', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toPlainJson(cyclic)).toThrow(TypeError);
  });
});
