import { evolveLkjipProgress } from '@app/domain/dashboard';
import { StoredLkjipEvent } from '@app/domain/lkjip';
import { ProjectionEvent } from '@app/event-store';
import { storedEvent } from '../row-per-stream';
import { DashboardRows } from './dashboard-rows';
import { redFlag } from './red-flag.read-model';
import { updateScorecard } from './scorecard.read-model';

/**
 * An LKjIP event: its status on the scorecard and its LKJIP_LATE candidate, raised by the compile
 * until the first submission and by that submission after it (its day decides; lkjip-due.ts).
 */
export async function applyLkjipEvent(event: ProjectionEvent, rows: DashboardRows): Promise<void> {
  const stored = storedEvent<StoredLkjipEvent>(event);
  const { opdCode, year } = stored.data;
  const row = await rows.scorecards.get({ opdCode, year });
  if (row?.lkjip && row.lkjip.revision >= event.revision) return;
  const before = row?.lkjip ?? null;
  const progress = evolveLkjipProgress(before, stored);
  if (!progress) return;
  await updateScorecard(rows.scorecards, opdCode, year, event.recordedAt, (parts) => ({ ...parts, lkjip: { ...progress, revision: event.revision } }));
  const firstSubmission = stored.type === 'LkjipSubmitted' && !before?.firstSubmittedOn;
  if (stored.type === 'LkjipCompiled' || firstSubmission) {
    rows.flags.put(redFlag(event, '', { code: 'LKJIP_LATE', opdCode, year, submittedOn: progress.firstSubmittedOn }));
  }
}
