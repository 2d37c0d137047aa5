import { countSkp, evolveSkpTally } from '@app/domain/dashboard';
import { StoredSkpEvent } from '@app/domain/skp';
import { ProjectionEvent } from '@app/event-store';
import { storedEvent } from '../row-per-stream';
import { DashboardRows } from './dashboard-rows';
import { updateScorecard } from './scorecard.read-model';

/** An SKP event: its old contribution out of its unit's counts, the new one in. */
export async function applySkpEvent(event: ProjectionEvent, rows: DashboardRows): Promise<void> {
  const entry = await rows.skps.get({ stream: event.stream });
  if (entry && entry.revision >= event.revision) return;
  const before = entry?.tally ?? null;
  const after = evolveSkpTally(before, storedEvent<StoredSkpEvent>(event));
  if (!after) return;
  rows.skps.put({ stream: event.stream, tally: after, revision: event.revision });
  await updateScorecard(rows.scorecards, after.opdCode, after.year, event.recordedAt, (parts) => ({
    ...parts,
    skp: countSkp(countSkp(parts.skp, before, -1), after, 1),
  }));
}
