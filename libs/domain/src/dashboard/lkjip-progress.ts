import { LkjipStatus } from '../lkjip/lkjip.decider';
import { StoredLkjipEvent } from '../lkjip/lkjip-document';

/**
 * What a unit's scorecard needs of its LKjIP: the status and the day of the first submission
 * (which decides lateness, lkjip-due.ts). The figures and sections are not needed here.
 */
export interface LkjipProgress {
  status: LkjipStatus;
  firstSubmittedOn: string | null;
}

export function evolveLkjipProgress(progress: LkjipProgress | null, event: StoredLkjipEvent): LkjipProgress | null {
  if (event.type === 'LkjipCompiled') return { status: 'DRAFT', firstSubmittedOn: null };
  if (!progress) return progress;
  switch (event.type) {
    case 'LkjipSubmitted':
      return { status: 'SUBMITTED', firstSubmittedOn: progress.firstSubmittedOn ?? event.data.on };
    case 'LkjipReviewed':
      return { ...progress, status: event.data.outcome === 'ACCEPTED' ? 'REVIEWED' : 'RETURNED' };
    case 'LkjipPublished':
      return { ...progress, status: 'PUBLISHED' };
    default:
      return progress;
  }
}
