import { unreachable } from '@app/decider';
import { LkjipStatus } from './lkjip.decider';
import { FigureSource, LkjipEvent, LkjipFigures, ReviewOutcome, SECTION_KEYS, SECTION_TITLES, SectionKey } from './lkjip.events';

/**
 * A report as its events leave it, free of configuration (the due date): what the read model
 * stores and `asOf` rebuilds. Lateness is evaluated when it is read (isLate).
 */
export interface LkjipDocument {
  opdCode: string;
  year: number;
  status: LkjipStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** The figures of the latest compile or recompile. */
  figures: LkjipFigures;
  compiledAt: string;
  /** Where the first compile took its figures from, kept when a recompile replaces them. */
  compiledFrom: FigureSource;
  /** Every recompile, oldest first. */
  recompilations: Array<FigureSource & { at: string }>;
  /** Every section in the regulation's order; `text` is empty and `updatedAt` null until written. */
  sections: Record<SectionKey, { title: string; text: string; updatedAt: string | null }>;
  submissions: Array<{ at: string; on: string }>;
  /** The latest review, or null before the first. */
  review: LkjipReview | null;
  /** Every review, oldest first. */
  reviews: LkjipReview[];
  publishedAt: string | null;
  publishedOn: string | null;
}

export interface LkjipReview {
  outcome: ReviewOutcome;
  notes: string;
  at: string;
  on: string;
}

/** An event with what the store adds: when it was recorded and the stream's revision after it. */
export type StoredLkjipEvent = LkjipEvent & { recordedAt: string; revision: number };

const sourceOf = ({ planVersion, planRevision, fromPosition }: LkjipFigures): FigureSource => ({ planVersion, planRevision, fromPosition });

const emptySections = (): LkjipDocument['sections'] =>
  Object.fromEntries(SECTION_KEYS.map((key) => [key, { title: SECTION_TITLES[key], text: '', updatedAt: null }])) as LkjipDocument['sections'];

export function evolveLkjipDocument(document: LkjipDocument | null, event: StoredLkjipEvent): LkjipDocument | null {
  const at = event.recordedAt;
  if (event.type === 'LkjipCompiled') {
    const { opdCode, year, figures } = event.data;
    return {
      opdCode,
      year,
      status: 'DRAFT',
      revision: event.revision,
      createdAt: at,
      updatedAt: at,
      figures,
      compiledAt: at,
      compiledFrom: sourceOf(figures),
      recompilations: [],
      sections: emptySections(),
      submissions: [],
      review: null,
      reviews: [],
      publishedAt: null,
      publishedOn: null,
    };
  }
  if (!document) return document;
  const next = { ...document, revision: event.revision, updatedAt: at };
  switch (event.type) {
    case 'LkjipRecompiled': {
      const { figures } = event.data;
      return { ...next, figures, recompilations: [...document.recompilations, { ...sourceOf(figures), at }] };
    }
    case 'LkjipSectionWritten': {
      const { key, text } = event.data;
      return { ...next, sections: { ...document.sections, [key]: { title: SECTION_TITLES[key], text, updatedAt: at } } };
    }
    case 'LkjipSubmitted':
      return { ...next, status: 'SUBMITTED', submissions: [...document.submissions, { at, on: event.data.on }] };
    case 'LkjipReviewed': {
      const { outcome, notes, on } = event.data;
      const review = { outcome, notes, at, on };
      return { ...next, status: outcome === 'ACCEPTED' ? 'REVIEWED' : 'RETURNED', review, reviews: [...document.reviews, review] };
    }
    case 'LkjipPublished':
      return { ...next, status: 'PUBLISHED', publishedAt: at, publishedOn: event.data.on };
    default:
      return unreachable(event);
  }
}
