import { redFlagId } from '@app/domain/dashboard';
import { GratificationEvent } from '@app/domain/gratification';
import { ProjectionEvent } from '@app/event-store';
import { DashboardRows } from './dashboard-rows';
import { redFlag } from './red-flag.read-model';

/**
 * A gratification event's red flags. The report raises GRATIFICATION_REPORTED_LATE when it was
 * late (the event is the verdict) and always a GRATIFICATION_FORWARD_LATE candidate with the
 * UPG's last day; forwarding or closing as exempt settles the candidate on its day. Only the
 * unit, the year and the days: a flag never names the reporter.
 */
export async function applyGratificationEvent(event: ProjectionEvent, rows: DashboardRows): Promise<void> {
  const typed = { type: event.type, data: event.data } as GratificationEvent;
  switch (typed.type) {
    case 'GratificationReported': {
      const { opdCode, receivedOn, late, forwardDueOn, workingDaysToReport } = typed.data;
      const year = Number(receivedOn.slice(0, 4));
      if (late) rows.flags.put(redFlag(event, '', { code: 'GRATIFICATION_REPORTED_LATE', opdCode, year, days: workingDaysToReport }));
      rows.flags.put(redFlag(event, '', { code: 'GRATIFICATION_FORWARD_LATE', opdCode, year, dueDate: forwardDueOn, open: true }));
      return;
    }
    case 'GratificationForwarded':
    case 'GratificationClosedExempt': {
      const settledOn = typed.type === 'GratificationForwarded' ? typed.data.forwardedOn : typed.data.closedOn;
      const flag = await rows.flags.get({ id: redFlagId('GRATIFICATION_FORWARD_LATE', event.stream, '') });
      if (flag && flag.submittedOn === null) rows.flags.put({ ...flag, submittedOn: settledOn });
      return;
    }
    default:
      return;
  }
}
