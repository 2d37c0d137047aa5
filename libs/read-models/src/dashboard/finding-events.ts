import { addFindingTally, findingTally, redFlagId } from '@app/domain/dashboard';
import { END_OF_TIME, evolveFindingDocument, findingView, findingYear, StoredFindingEvent } from '@app/domain/audit-finding';
import { ProjectionEvent } from '@app/event-store';
import { storedEvent } from '../row-per-stream';
import { DashboardRows } from './dashboard-rows';
import { redFlag } from './red-flag.read-model';
import { updateScorecard } from './scorecard.read-model';

/**
 * A finding event: its old contribution out of its unit's figures, the new one in, and each
 * recommendation's RECOMMENDATION_OVERDUE candidate. The recording raised it (its received date
 * starts the 60 days); later events only say whether it can still become overdue.
 */
export async function applyFindingEvent(event: ProjectionEvent, rows: DashboardRows): Promise<void> {
  const findingId = (event.data as { findingId: string }).findingId;
  const entry = await rows.findings.get({ id: findingId });
  if (entry && entry.revision >= event.revision) return;
  const before = entry?.document ?? null;
  const document = evolveFindingDocument(before, storedEvent<StoredFindingEvent>(event));
  if (!document) return;
  rows.findings.put({ id: findingId, document, revision: event.revision });
  const year = findingYear(document);
  await updateScorecard(rows.scorecards, document.opdCode, year, event.recordedAt, (parts) => ({
    ...parts,
    findings: addFindingTally(addFindingTally(parts.findings, before && findingTally(before), -1), findingTally(document), 1),
  }));

  const recommendations = findingView(document, END_OF_TIME).recommendations;
  if (!before) {
    recommendations.forEach((recommendation) =>
      rows.flags.put(
        redFlag(event, String(recommendation.no), {
          code: 'RECOMMENDATION_OVERDUE',
          opdCode: document.opdCode,
          year,
          findingId,
          recommendationNo: recommendation.no,
          dueDate: document.dueDate,
          open: recommendation.overdue,
        }),
      ),
    );
    return;
  }
  const no = (event.data as { recommendationNo: number }).recommendationNo;
  const recommendation = recommendations.find((candidate) => candidate.no === no);
  const flag = recommendation && (await rows.flags.get({ id: redFlagId('RECOMMENDATION_OVERDUE', event.stream, String(no)) }));
  if (flag) rows.flags.put({ ...flag, open: recommendation.overdue });
}
