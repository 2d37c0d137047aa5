import { maskPersonalData } from './logging';

describe('request logs', () => {
  it('mask NIPs in paths', () => {
    expect(maskPersonalData('/api/v1/skp/198001012005011001/2025?asOf=2025-01-01T00:00:00Z')).toBe('/api/v1/skp/[nip]/2025?asOf=2025-01-01T00:00:00Z');
    expect(maskPersonalData('/api/v1/history/skp/198001012005011001-2025')).toBe('/api/v1/history/skp/[nip]-2025');
  });

  it('leave other paths as they are', () => {
    expect(maskPersonalData('/api/v1/opds/DINKES/plans/2025')).toBe('/api/v1/opds/DINKES/plans/2025');
  });
});
