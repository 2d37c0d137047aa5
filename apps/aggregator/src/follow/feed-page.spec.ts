import { SourceFault } from './bounded-fetch';
import { parseFeedPage } from './feed-page';

const position = (n: number) => `${String(n).padStart(20, '0')}-${'0'.repeat(20)}`;
const item = (n: number, overrides: Record<string, unknown> = {}) => ({
  position: position(n),
  occurredAt: '2026-03-01T02:00:00.000Z',
  type: 'PLAN_APPROVED',
  opdCode: 'DINKES',
  year: 2026,
  title: 'DINKES 2026: Perjanjian Kinerja versi 1 disetujui',
  summary: '1 sasaran, 1 indikator',
  link: '/public/v1/opds/DINKES/2026',
  pageUrl: '/opd/DINKES/2026',
  details: { version: 1 },
  ...overrides,
});

describe('a feed page from a source', () => {
  it('is kept item by item, without the source’s own portal address', () => {
    const [kept] = parseFeedPage({ items: [item(5)], next: position(5) }, position(4));
    expect(kept).toEqual({
      position: position(5),
      occurredAt: '2026-03-01T02:00:00.000Z',
      type: 'PLAN_APPROVED',
      opdCode: 'DINKES',
      year: 2026,
      title: 'DINKES 2026: Perjanjian Kinerja versi 1 disetujui',
      summary: '1 sasaran, 1 indikator',
      link: '/public/v1/opds/DINKES/2026',
      details: { version: 1 },
    });
  });

  it.each([
    ['not an object', 'garbage'],
    ['no items', { next: null }],
    ['an item without a position', { items: [item(1, { position: undefined })] }],
    ['a position of another shape', { items: [item(1, { position: '12' })] }],
    ['a year that is text', { items: [item(1, { year: '2026' })] }],
    ['details that are a list', { items: [item(1, { details: [] })] }],
    ['a date that is no date', { items: [item(1, { occurredAt: 'yesterday' })] }],
    ['a title of a megabyte', { items: [item(1, { title: 'x'.repeat(1_000_000) })] }],
    ['positions going back', { items: [item(2), item(1)] }],
    ['a position not after `after`', { items: [item(3)] }],
  ])('is refused whole when it has %s', (_what, body) => {
    expect(() => parseFeedPage(body, position(3))).toThrow(SourceFault);
  });
});
