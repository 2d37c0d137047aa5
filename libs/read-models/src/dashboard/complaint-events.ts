import { ComplaintEvent } from '@app/domain/complaint';
import { RedFlagCode, redFlagId } from '@app/domain/dashboard';
import { ProjectionEvent } from '@app/event-store';
import { DashboardRows } from './dashboard-rows';
import { redFlag, RedFlagRow } from './red-flag.read-model';

/**
 * A complaint's red flags, as candidates with the clock's last working day (docs/domain.md,
 * Complaints 4). The filing starts the verification clock and the verification the response
 * clock; the admin's decision and the OPD's response settle them on their day. A clock started
 * again (an answered question, an objection) replaces its candidate only if the earlier one was
 * settled in time: a missed deadline stays in the register. The flag names the unit, never the
 * reporter; a complaint filed without a unit is the regency's (opdCode '') until verified.
 */
export async function applyComplaintEvent(event: ProjectionEvent, rows: DashboardRows): Promise<void> {
  const typed = { type: event.type, data: event.data } as ComplaintEvent;
  switch (typed.type) {
    case 'ComplaintFiled': {
      const { opdCode, on, verificationDue } = typed.data;
      rows.flags.put(
        redFlag(event, '', { code: 'COMPLAINT_VERIFICATION_LATE', opdCode: opdCode ?? '', year: yearOf(on), dueDate: verificationDue, open: true }),
      );
      return;
    }
    case 'ComplaintInfoProvided':
      return restart(event, rows, 'COMPLAINT_VERIFICATION_LATE', typed.data.verificationDue);
    case 'ComplaintVerified': {
      await settle(event, rows, 'COMPLAINT_VERIFICATION_LATE', typed.data.on);
      const { opdCode, on, responseDue } = typed.data;
      rows.flags.put(redFlag(event, '', { code: 'COMPLAINT_RESPONSE_LATE', opdCode, year: yearOf(on), dueDate: responseDue, open: true }));
      return;
    }
    case 'ComplaintInfoRequested':
    case 'ComplaintReferred':
    case 'ComplaintArchived':
      return settle(event, rows, 'COMPLAINT_VERIFICATION_LATE', typed.data.on);
    case 'ComplaintResponded':
      return settle(event, rows, 'COMPLAINT_RESPONSE_LATE', typed.data.on);
    case 'ComplaintReopened':
      return restart(event, rows, 'COMPLAINT_RESPONSE_LATE', typed.data.responseDue);
    default:
      return;
  }
}

const yearOf = (date: string) => Number(date.slice(0, 4));

const settledLate = (flag: RedFlagRow) => flag.submittedOn !== null && flag.dueDate !== null && flag.submittedOn > flag.dueDate;

async function settle(event: ProjectionEvent, rows: DashboardRows, code: RedFlagCode, on: string): Promise<void> {
  const flag = await rows.flags.get({ id: redFlagId(code, event.stream, '') });
  if (flag && flag.submittedOn === null) rows.flags.put({ ...flag, submittedOn: on });
}

async function restart(event: ProjectionEvent, rows: DashboardRows, code: RedFlagCode, dueDate: string): Promise<void> {
  const flag = await rows.flags.get({ id: redFlagId(code, event.stream, '') });
  if (!flag || settledLate(flag)) return;
  rows.flags.put(redFlag(event, '', { code, opdCode: flag.opdCode, year: flag.year, dueDate, open: true }));
}
