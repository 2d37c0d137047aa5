import { SKP_EVENT_TYPES } from '../skp/skp.events';
import { StoredSkpEvent } from '../skp/skp-document';
import { evolveSkpTally, SKP_TALLY_EVENT_TYPES, SkpTally } from './skp-tally';

/**
 * The dashboards read only SKP_TALLY_EVENT_TYPES: an SKP event of any other type that moved a
 * tally would be missed by them without a trace, so every other type must leave it as it is.
 */
describe('an SKP tally', () => {
  const tally: SkpTally = { opdCode: 'DINKES', year: 2025, agreed: false, annualPredikat: null };
  // Every field a tally could be read from, so that a type that starts reading one is caught.
  const eventOf = (type: string) =>
    ({
      type,
      revision: 3,
      recordedAt: '2025-12-20T00:00:00Z',
      data: { opdCode: 'DISDIK', year: 2026, period: 'ANNUAL', predikat: 'BAIK' },
    }) as unknown as StoredSkpEvent;

  it.each(SKP_EVENT_TYPES.filter((type) => !SKP_TALLY_EVENT_TYPES.includes(type)))('is left as it is by %s', (type) => {
    expect(evolveSkpTally(tally, eventOf(type))).toBe(tally);
  });

  it.each(SKP_TALLY_EVENT_TYPES)('is changed by %s', (type) => {
    expect(evolveSkpTally(tally, eventOf(type))).not.toEqual(tally);
  });
});
