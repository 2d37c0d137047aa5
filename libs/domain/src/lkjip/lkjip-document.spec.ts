import { evolveLkjipDocument, LkjipDocument } from './lkjip-document';
import { LkjipEvent, LkjipFigures, SECTION_KEYS } from './lkjip.events';

const key = { opdCode: 'DINKES', year: 2025 };
const figures = (planVersion: number, fromPosition: string, achievement: number): LkjipFigures => ({
  planVersion,
  planRevision: planVersion * 10,
  fromPosition,
  scale: 'PERMENDAGRI_86_2017',
  cap: 120,
  achievement,
  category: 'SANGAT_TINGGI',
  goals: [],
  indicators: [],
});

/** Folds events recorded one a day from 2026-01-10, as the store would; `upTo` stops early, as asOf does. */
function documentOf(events: LkjipEvent[], upTo = events.length): LkjipDocument | null {
  return events
    .slice(0, upTo)
    .reduce<LkjipDocument | null>(
      (document, event, revision) => evolveLkjipDocument(document, { ...event, recordedAt: `2026-01-${10 + revision}T02:00:00.000Z`, revision }),
      null,
    );
}

const history: LkjipEvent[] = [
  { type: 'LkjipCompiled', data: { ...key, figures: figures(1, '40', 105) } },
  ...SECTION_KEYS.map((section): LkjipEvent => ({ type: 'LkjipSectionWritten', data: { ...key, key: section, text: `Isi ${section}` } })),
  { type: 'LkjipSubmitted', data: { ...key, on: '2026-01-16' } },
  { type: 'LkjipReviewed', data: { ...key, outcome: 'RETURNED', notes: 'Lengkapi Bab III', on: '2026-01-17' } },
  { type: 'LkjipRecompiled', data: { ...key, figures: figures(2, '77', 98) } },
  { type: 'LkjipSectionWritten', data: { ...key, key: 'accountability', text: 'Bab III lengkap' } },
  { type: 'LkjipSubmitted', data: { ...key, on: '2026-01-20' } },
  { type: 'LkjipReviewed', data: { ...key, outcome: 'ACCEPTED', notes: '', on: '2026-01-21' } },
  { type: 'LkjipPublished', data: { ...key, on: '2026-01-22' } },
];

describe('the LKjIP document', () => {
  it('starts as a draft with the compiled figures and every section empty, titled', () => {
    const compiled = documentOf(history, 1)!;
    expect(compiled).toMatchObject({
      ...key,
      status: 'DRAFT',
      revision: 0,
      compiledAt: '2026-01-10T02:00:00.000Z',
      recompilations: [],
      review: null,
      publishedAt: null,
    });
    expect(compiled.figures.achievement).toBe(105);
    expect(compiled.compiledFrom).toEqual({ planVersion: 1, planRevision: 10, fromPosition: '40' });
    expect(Object.keys(compiled.sections)).toEqual([...SECTION_KEYS]);
    expect(compiled.sections.summary).toEqual({ title: 'Ikhtisar Eksekutif', text: '', updatedAt: null });
    expect(compiled.sections.accountability.title).toBe('Bab III Akuntabilitas Kinerja');
  });

  it('keeps the whole history of a report returned, recompiled, resubmitted, accepted and published', () => {
    const document = documentOf(history)!;
    expect(document).toMatchObject({
      status: 'PUBLISHED',
      revision: 12,
      publishedAt: '2026-01-22T02:00:00.000Z',
      publishedOn: '2026-01-22',
      updatedAt: '2026-01-22T02:00:00.000Z',
    });
    expect(document.figures.achievement).toBe(98);
    expect(document.compiledFrom).toEqual({ planVersion: 1, planRevision: 10, fromPosition: '40' });
    expect(document.recompilations).toEqual([{ planVersion: 2, planRevision: 20, fromPosition: '77', at: '2026-01-18T02:00:00.000Z' }]);
    expect(document.sections.accountability).toEqual({
      title: 'Bab III Akuntabilitas Kinerja',
      text: 'Bab III lengkap',
      updatedAt: '2026-01-19T02:00:00.000Z',
    });
    expect(document.submissions.map((submission) => submission.on)).toEqual(['2026-01-16', '2026-01-20']);
    expect(document.reviews.map((review) => [review.outcome, review.notes, review.on])).toEqual([
      ['RETURNED', 'Lengkapi Bab III', '2026-01-17'],
      ['ACCEPTED', '', '2026-01-21'],
    ]);
    expect(document.review).toEqual({ outcome: 'ACCEPTED', notes: '', at: '2026-01-21T02:00:00.000Z', on: '2026-01-21' });
  });

  it('rebuilds an earlier state from fewer events, as asOf does', () => {
    expect(documentOf(history, 8)).toMatchObject({ status: 'RETURNED', review: { outcome: 'RETURNED' } });
    expect(documentOf(history, 8)!.figures.achievement).toBe(105);
    expect(documentOf(history, 10)).toMatchObject({ status: 'RETURNED', sections: { accountability: { text: 'Bab III lengkap' } } });
    expect(documentOf(history, 0)).toBeNull();
  });
});
