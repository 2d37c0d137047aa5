import { erasureDecider, skpRetentionUntil } from './erasure';

const metadata = { actor: { sub: 'dpo-1', roles: ['dpo'] }, now: '2031-02-01T00:00:00.000Z', today: '2031-02-01' };
const command = {
  type: 'RecordErasure' as const,
  data: { subjectId: 's-1', kind: 'EMPLOYEE' as const, legalBasis: 'UU 27/2022 pasal 8', reason: 'request' },
  metadata,
};

describe('erasure', () => {
  it('records an erasure once; a retry records nothing more', () => {
    const [event] = erasureDecider.decide(command, erasureDecider.initialState());
    expect(event).toEqual({ type: 'PersonalDataErased', data: { ...command.data, on: '2031-02-01' } });
    expect(erasureDecider.decide(command, erasureDecider.evolve(erasureDecider.initialState(), event))).toEqual([]);
  });

  it('keeps SKP data to the end of the year five (or the configured number) after the SKP year', () => {
    expect(skpRetentionUntil(2025, 5)).toBe('2030-12-31');
    expect(skpRetentionUntil(2019, 0)).toBe('2019-12-31');
  });
});
