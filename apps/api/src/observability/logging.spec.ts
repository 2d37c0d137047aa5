import { maskPersonalData } from './logging';

describe('request logs', () => {
  it('mask NIPs in paths', () => {
    expect(maskPersonalData('/api/v1/skp/198001012005011001/2025?asOf=2025-01-01T00:00:00Z')).toBe('/api/v1/skp/[nip]/2025?asOf=2025-01-01T00:00:00Z');
    expect(maskPersonalData('/api/v1/history/skp/198001012005011001-2025')).toBe('/api/v1/history/skp/[nip]-2025');
  });

  it('mask the tracking codes of complaints and WBS reports, however typed', () => {
    expect(maskPersonalData('/public/v1/complaints/K7M2-QX9P/messages')).toBe('/public/v1/complaints/[code]/messages');
    expect(maskPersonalData('/public/v1/wbs/w7m2-qx9p')).toBe('/public/v1/wbs/[code]');
    expect(maskPersonalData('/api/v1/wbs/W7M2-QX9P/identity-readings')).toBe('/api/v1/wbs/[code]/identity-readings');
    expect(maskPersonalData('/api/v1/history/complaint/K7M2-QX9P')).toBe('/api/v1/history/complaint/[code]');
    expect(maskPersonalData('/public/v1/wbs?x=1')).toBe('/public/v1/wbs?x=1');
  });

  it('leave other paths as they are', () => {
    expect(maskPersonalData('/api/v1/opds/DINKES/plans/2025')).toBe('/api/v1/opds/DINKES/plans/2025');
  });
});
