import { redFlagId } from '@app/domain/dashboard';
import { StoredZiEvent } from '@app/domain/zi';
import { ProjectionEvent } from '@app/event-store';
import { storedEvent } from '../row-per-stream';
import { DashboardRows } from './dashboard-rows';
import { redFlag } from './red-flag.read-model';

/**
 * A ZI event's ZI_ACTIVITY_OVERDUE candidates, one per activity of the action plan: its due date
 * while the plan has it (null once dropped), and whether its latest report is short of DONE. An
 * activity new to the plan starts open, as the record shows it NOT_STARTED; the day it is read
 * decides the rest.
 */
export async function applyZiEvent(event: ProjectionEvent, rows: DashboardRows): Promise<void> {
  const stored = storedEvent<StoredZiEvent>(event);
  const { opdCode, year } = stored.data;
  const idOf = (activityCode: string) => ({ id: redFlagId('ZI_ACTIVITY_OVERDUE', event.stream, activityCode) });
  if (stored.type === 'ZiActionPlanSet') {
    for (const code of stored.data.removed) {
      const row = await rows.flags.get(idOf(code));
      if (row) rows.flags.put({ ...row, dueDate: null });
    }
    for (const activity of stored.data.activities) {
      const row = await rows.flags.get(idOf(activity.code));
      const kept = row !== null && row.dueDate !== null;
      rows.flags.put(
        kept
          ? { ...row, dueDate: activity.dueDate }
          : redFlag(event, activity.code, { code: 'ZI_ACTIVITY_OVERDUE', opdCode, year, activityCode: activity.code, dueDate: activity.dueDate, open: true }),
      );
    }
  }
  if (stored.type === 'ZiProgressReported') {
    const row = await rows.flags.get(idOf(stored.data.activityCode));
    if (row) rows.flags.put({ ...row, open: stored.data.status !== 'DONE' });
  }
}
