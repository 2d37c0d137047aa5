import { DomainError } from '../shared/domain-error';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { evolve, initialState, LkjipCommand, lkjipDecider } from './lkjip.decider';
import { LkjipEvent, LkjipFigures, SECTION_KEYS, SectionKey } from './lkjip.events';

type Command = SpecCommand<LkjipCommand>;

const given = DeciderSpecification.for(lkjipDecider);
const withCode = (code: string, kind?: DomainError['kind']) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (kind) expect((error as DomainError).kind).toBe(kind);
};

const key = { opdCode: 'DINKES', year: 2025 };
const figures = (planVersion = 1, fromPosition = '0000000000000042'): LkjipFigures => ({
  planVersion,
  planRevision: 5,
  fromPosition,
  scale: 'PERMENDAGRI_86_2017',
  cap: 120,
  achievement: 105,
  category: 'SANGAT_TINGGI',
  goals: [{ code: 'G1', statement: 'Meningkatnya derajat kesehatan', achievement: 105, category: 'SANGAT_TINGGI' }],
  indicators: [
    {
      goalCode: 'G1',
      code: 'I1',
      name: 'Indikator I1',
      unit: '%',
      polarity: 'HIGHER_IS_BETTER',
      aggregation: 'LAST',
      target: 90,
      realisation: 94.5,
      achievement: 105,
      category: 'SANGAT_TINGGI',
    },
  ],
});

const compiled: LkjipEvent = { type: 'LkjipCompiled', data: { ...key, figures: figures() } };
const written = (section: SectionKey, text = `Isi ${section}`): LkjipEvent => ({ type: 'LkjipSectionWritten', data: { ...key, key: section, text } });
const allWritten = SECTION_KEYS.map((section) => written(section));
const submitted: LkjipEvent = { type: 'LkjipSubmitted', data: { ...key, on: '2026-02-20' } };
const returned: LkjipEvent = {
  type: 'LkjipReviewed',
  data: { ...key, outcome: 'RETURNED', notes: 'Bab III belum membandingkan dengan Renstra', on: '2026-03-05' },
};
const accepted: LkjipEvent = { type: 'LkjipReviewed', data: { ...key, outcome: 'ACCEPTED', notes: '', on: '2026-03-10' } };
const published: LkjipEvent = { type: 'LkjipPublished', data: { ...key, on: '2026-03-12' } };

const draft = [compiled, ...allWritten];
const inReview = [...draft, submitted];
const returnedReport = [...inReview, returned];
const reviewed = [...inReview, accepted];
const publishedReport = [...reviewed, published];

const compile: Command = { type: 'CompileLkjip', data: { opd: { code: 'DINKES', status: 'ACTIVE' }, year: 2025, figures: figures() } };
const recompile = (next: LkjipFigures | null = figures(2, '0000000000000077')): Command => ({ type: 'RecompileLkjip', data: { figures: next } });
const write = (section: SectionKey = 'summary', text = 'Ringkasan baru'): Command => ({ type: 'WriteLkjipSection', data: { key: section, text } });
const submit: Command = { type: 'SubmitLkjip', data: {}, metadata: { today: '2026-02-20' } };
const review = (outcome: 'ACCEPTED' | 'RETURNED', notes = 'Catatan reviu'): Command => ({
  type: 'ReviewLkjip',
  data: { outcome, notes },
  metadata: { today: '2026-03-10' },
});
const publish: Command = { type: 'PublishLkjip', data: {}, metadata: { today: '2026-03-12' } };

const statusAfter = (events: LkjipEvent[]) => events.reduce(evolve, initialState()).status;

describe('LKjIP', () => {
  describe('compiling', () => {
    it('compiles a draft from the frozen figures', () => given([]).when(compile).then([compiled]));
    it('refuses a second report for the same unit and year', () => given([compiled]).when(compile).thenThrows(withCode('ALREADY_EXISTS')));
    it('refuses a second report even after publication', () => given(publishedReport).when(compile).thenThrows(withCode('ALREADY_EXISTS')));
    it('refuses an unknown unit', () =>
      given([])
        .when({ ...compile, data: { ...compile.data, opd: { code: 'NOPE', status: 'UNREGISTERED' } } })
        .thenThrows(withCode('UNKNOWN_OPD')));
    it('refuses a dissolved unit', () =>
      given([])
        .when({ ...compile, data: { ...compile.data, opd: { code: 'DINKES', status: 'DISSOLVED' } } })
        .thenThrows(withCode('OPD_DISSOLVED')));
    it('refuses without an effective plan version, as the plan does (422)', () =>
      given([])
        .when({ ...compile, data: { ...compile.data, figures: null } })
        .thenThrows(withCode('PLAN_NOT_APPROVED', 'RULE_VIOLATED')));
  });

  describe('recompiling', () => {
    it('refreshes the figures of a draft', () =>
      given(draft)
        .when(recompile())
        .then([{ type: 'LkjipRecompiled', data: { ...key, figures: figures(2, '0000000000000077') } }]));
    it('refreshes the figures of a returned report, which stays returned', () => {
      given(returnedReport)
        .when(recompile())
        .then([{ type: 'LkjipRecompiled', data: { ...key, figures: figures(2, '0000000000000077') } }]);
      expect(statusAfter([...returnedReport, { type: 'LkjipRecompiled', data: { ...key, figures: figures(2) } }])).toBe('RETURNED');
    });
    it('records a recompile that changes nothing: it is an explicit act', () =>
      given(draft)
        .when(recompile(figures()))
        .then([{ type: 'LkjipRecompiled', data: { ...key, figures: figures() } }]));
    it.each<[string, LkjipEvent[]]>([
      ['submitted', inReview],
      ['reviewed', reviewed],
      ['published', publishedReport],
    ])('refuses to recompile a %s report', (_case, events) => given(events).when(recompile()).thenThrows(withCode('INVALID_TRANSITION', 'RULE_VIOLATED')));
    it('refuses without an effective plan version', () => given(draft).when(recompile(null)).thenThrows(withCode('PLAN_NOT_APPROVED')));
    it('refuses a report never compiled', () => given([]).when(recompile()).thenThrows(withCode('NOT_FOUND')));
  });

  describe('writing sections', () => {
    it('writes a section of a draft', () =>
      given([compiled])
        .when(write('planning', 'Bab II'))
        .then([written('planning', 'Bab II')]));
    it('rewrites a section', () =>
      given(draft)
        .when(write('summary', 'Ringkasan baru'))
        .then([written('summary', 'Ringkasan baru')]));
    it('records nothing when the text is the same', () => given(draft).when(write('summary', 'Isi summary')).then([]));
    it('accepts a blank text, which clears the section', () =>
      given(draft)
        .when(write('closing', ''))
        .then([written('closing', '')]));
    it('edits a returned report, which stays returned until resubmitted', () => {
      given(returnedReport)
        .when(write('accountability', 'Bab III diperbaiki'))
        .then([written('accountability', 'Bab III diperbaiki')]);
      const edited = [...returnedReport, written('accountability', 'Bab III diperbaiki')];
      expect(statusAfter(edited)).toBe('RETURNED');
      given(edited).when(review('ACCEPTED')).thenThrows(withCode('INVALID_TRANSITION'));
    });
    it.each<[string, LkjipEvent[]]>([
      ['submitted', inReview],
      ['reviewed', reviewed],
      ['published', publishedReport],
    ])('refuses to edit a %s report', (_case, events) => given(events).when(write()).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a report never compiled', () => given([]).when(write()).thenThrows(withCode('NOT_FOUND')));
  });

  describe('submitting', () => {
    it('submits a draft with every section written, on today', () => given(draft).when(submit).then([submitted]));
    it('resubmits a returned report', () =>
      given([...returnedReport, written('accountability', 'Bab III diperbaiki')])
        .when({ ...submit, metadata: { today: '2026-03-08' } })
        .then([{ type: 'LkjipSubmitted', data: { ...key, on: '2026-03-08' } }]));
    it('refuses while sections are blank, naming them in order', () =>
      given([compiled, written('planning'), written('introduction')])
        .when(submit)
        .thenThrows((error) => {
          withCode('SECTIONS_INCOMPLETE', 'RULE_VIOLATED')(error);
          expect((error as DomainError).message).toContain('summary, accountability, closing');
        }));
    it('counts whitespace and a cleared section as blank', () =>
      given([...draft, written('summary', ' \n\t '), written('closing', '')])
        .when(submit)
        .thenThrows((error) => {
          withCode('SECTIONS_INCOMPLETE')(error);
          expect((error as DomainError).message).toMatch(/blank: summary, closing$/);
        }));
    it.each<[string, LkjipEvent[]]>([
      ['submitted', inReview],
      ['reviewed', reviewed],
      ['published', publishedReport],
    ])('refuses to submit a %s report', (_case, events) => given(events).when(submit).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a report never compiled', () => given([]).when(submit).thenThrows(withCode('NOT_FOUND')));
  });

  describe('reviewing', () => {
    it('accepts a submitted report (Pernyataan Telah Direviu)', () =>
      given(inReview)
        .when(review('ACCEPTED', ''))
        .then([{ type: 'LkjipReviewed', data: { ...key, outcome: 'ACCEPTED', notes: '', on: '2026-03-10' } }]));
    it('moves an accepted report to REVIEWED and a returned one to RETURNED', () => {
      expect(statusAfter(reviewed)).toBe('REVIEWED');
      expect(statusAfter(returnedReport)).toBe('RETURNED');
    });
    it('returns a submitted report with notes', () =>
      given(inReview)
        .when(review('RETURNED', 'Lengkapi Bab III'))
        .then([{ type: 'LkjipReviewed', data: { ...key, outcome: 'RETURNED', notes: 'Lengkapi Bab III', on: '2026-03-10' } }]));
    it.each(['', '   '])('refuses to return a report with blank notes (%j)', (notes) =>
      given(inReview).when(review('RETURNED', notes)).thenThrows(withCode('VALIDATION_FAILED', 'VALIDATION')),
    );
    it.each<[string, LkjipEvent[]]>([
      ['draft', draft],
      ['returned', returnedReport],
      ['reviewed', reviewed],
      ['published', publishedReport],
    ])('refuses to review a %s report', (_case, events) => given(events).when(review('ACCEPTED')).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a report never compiled', () => given([]).when(review('ACCEPTED')).thenThrows(withCode('NOT_FOUND')));
  });

  describe('publishing', () => {
    it('publishes an accepted report, on today', () => given(reviewed).when(publish).then([published]));
    it.each<[string, LkjipEvent[]]>([
      ['draft', draft],
      ['submitted', inReview],
      ['returned', returnedReport],
    ])('refuses to publish a %s report', (_case, events) => given(events).when(publish).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses to publish twice', () => given(publishedReport).when(publish).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a report never compiled', () => given([]).when(publish).thenThrows(withCode('NOT_FOUND')));
  });

  describe('a published report is final', () => {
    it.each<[string, Command]>([
      ['recompile', recompile()],
      ['write', write()],
      ['submit', submit],
      ['review', review('ACCEPTED')],
      ['publish', publish],
    ])('refuses %s', (_case, command) => given(publishedReport).when(command).thenThrows(withCode('INVALID_TRANSITION')));
  });
});
