import { countSkp, evolveSkpTally } from '@app/domain/dashboard';
import { StoredSkpEvent } from '@app/domain/skp';
import { RecordedEvent } from '@app/event-store';
import { ProjectionTarget } from '@app/projections';
import { storedEvent } from '../row-per-stream';
import { scorecardSkpReadModel, updateScorecard } from './scorecard.read-model';

/** An SKP event: its old contribution out of its unit's counts, the new one in. */
export async function applySkpEvent(event: RecordedEvent, target: ProjectionTarget): Promise<void> {
  const entries = target.repository(scorecardSkpReadModel);
  const entry = await entries.findOneBy({ stream: event.stream });
  if (entry && entry.revision >= event.revision) return;
  const before = entry?.tally ?? null;
  const after = evolveSkpTally(before, storedEvent<StoredSkpEvent>(event));
  if (!after) return;
  await entries.save({ stream: event.stream, tally: after, revision: event.revision });
  await updateScorecard(target, after.opdCode, after.year, event.recordedAt, (parts) => ({
    ...parts,
    skp: countSkp(countSkp(parts.skp, before, -1), after, 1),
  }));
}
