import { canonicalJson, storableJson, toPlainJson } from './canonical-json';

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
    ['a NUL character in a key', { ['a\u0000b']: 1 }, /NUL/],
    ['a bigint', { n: BigInt(1) }, /bigint/i],
    ['a boxed bigint', { n: Object(BigInt(1)) as object }, /bigint/i],
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

describe('storableJson', () => {
  class Money {
    constructor(readonly amount: number) {}
    toJSON() {
      return { idr: this.amount };
    }
  }
  const values: unknown[] = [
    { z: 1, a: [true, null, undefined, () => 1, Symbol('s')], m: { b: 'é 😀', a: -0, c: 1e21 } },
    [new Date('2025-05-02T00:00:00Z'), new Money(5), Object.assign(Object.create({ inherited: 1 }), { own: 2 })],
    { ['\u00e9']: 1, ['e\u0301']: 2, Z: 3, a: 4, '10': 5, '9': 6 },
    // JSON.stringify unwraps boxed primitives; so must this.
    { boxed: [new Number(3), new String('s'), new Boolean(false)], text: 'line\nquote" tab\t \u2028' },
    { written: Object.assign(() => 1, { toJSON: () => 'from a function' }), dropped: () => 2 },
    'plain',
    42,
    null,
  ];

  it.each(values.map((value) => [value]))('writes %p as canonicalJson writes its JSON round trip', (value) => {
    expect(storableJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('writes keys sorted at every depth, with no white space', () => {
    expect(storableJson({ b: { d: 1, c: [2, { f: 3, e: 4 }] }, a: 'x' })).toBe('{"a":"x","b":{"c":[2,{"e":4,"f":3}],"d":1}}');
  });
});
