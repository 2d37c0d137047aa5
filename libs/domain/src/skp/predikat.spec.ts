import { predikatOf } from './predikat';
import { Predikat, PREDIKATS, Rating, RATINGS } from './skp.events';

describe('predikat kinerja', () => {
  it.each<[Rating, Rating, Predikat]>([
    ['ABOVE_EXPECTATION', 'BELOW_EXPECTATION', 'KURANG'],
    ['ABOVE_EXPECTATION', 'AS_EXPECTED', 'BAIK'],
    ['ABOVE_EXPECTATION', 'ABOVE_EXPECTATION', 'SANGAT_BAIK'],
    ['AS_EXPECTED', 'BELOW_EXPECTATION', 'KURANG'],
    ['AS_EXPECTED', 'AS_EXPECTED', 'BAIK'],
    ['AS_EXPECTED', 'ABOVE_EXPECTATION', 'BAIK'],
    ['BELOW_EXPECTATION', 'BELOW_EXPECTATION', 'SANGAT_KURANG'],
    ['BELOW_EXPECTATION', 'AS_EXPECTED', 'BUTUH_PERBAIKAN'],
    ['BELOW_EXPECTATION', 'ABOVE_EXPECTATION', 'BUTUH_PERBAIKAN'],
  ])('results %s and behaviour %s make %s', (result, behaviour, predikat) => expect(predikatOf(result, behaviour)).toBe(predikat));

  it('reaches every predikat and nothing else', () => {
    const reached = new Set(RATINGS.flatMap((result) => RATINGS.map((behaviour) => predikatOf(result, behaviour))));
    expect([...reached].sort()).toEqual([...PREDIKATS].sort());
  });
});
