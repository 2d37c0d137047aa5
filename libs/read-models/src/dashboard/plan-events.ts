import { correctionDelayDays, easedLate, evolvePlanDocument, withoutCorrectionMarks, reportDelayDays, StoredPlanEvent } from '@app/domain/plan';
import { ProjectionEvent } from '@app/event-store';
import { storedEvent } from '../row-per-stream';
import { DashboardRows } from './dashboard-rows';
import { redFlag, RedFlagRow } from './red-flag.read-model';
import { updateScorecard } from './scorecard.read-model';

/** A plan event: the plan's document on its unit's scorecard, and the flags this event may raise. */
export async function applyPlanEvent(event: ProjectionEvent, rows: DashboardRows): Promise<void> {
  const stored = storedEvent<StoredPlanEvent>(event);
  const { opdCode, year } = stored.data;
  const row = await rows.scorecards.get({ opdCode, year });
  if (row?.plan && row.plan.revision >= event.revision) return;
  const document = evolvePlanDocument(row?.plan ?? null, stored);
  if (!document) return;
  // The scorecard shows the plan's figures, never its flags: a mark per correction would only
  // make every write of the row longer than the one before.
  await updateScorecard(rows.scorecards, opdCode, year, event.recordedAt, (parts) => ({ ...parts, plan: withoutCorrectionMarks(document) }));

  const flags: RedFlagRow[] = [];
  if (stored.type === 'RealisationReported') {
    const report = document.quarters.find((quarter) => quarter.quarter === stored.data.quarter)!;
    flags.push(redFlag(event, `Q${report.quarter}`, { code: 'LATE_REPORT', opdCode, year, quarter: report.quarter, days: reportDelayDays(year, report) }));
  }
  if (stored.type === 'RealisationCorrected') {
    const report = document.quarters.find((quarter) => quarter.quarter === stored.data.quarter)!;
    flags.push(
      redFlag(event, `Q${report.quarter}|${event.id}`, {
        code: 'LATE_CORRECTION',
        opdCode,
        year,
        quarter: report.quarter,
        indicatorCodes: [...new Set(stored.data.values.map((value) => value.indicatorCode))],
        days: correctionDelayDays(report, stored.data),
      }),
    );
  }
  if (stored.type === 'RevisionApproved') {
    const version = stored.data.version;
    for (const indicatorCode of easedLate(document, document.versions.length - 1)) {
      flags.push(redFlag(event, `v${version}|${indicatorCode}`, { code: 'TARGET_LOWERED_LATE', opdCode, year, indicatorCode, version }));
    }
  }
  flags.forEach((flag) => rows.flags.put(flag));
}
