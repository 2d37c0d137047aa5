import { addDays } from '../shared/calendar';

/**
 * The last day a closed report's identity is kept (docs/domain.md, Whistleblowing 3):
 * WBS_IDENTITY_RETENTION_DAYS after the day it was CLOSED. It is erased on any day after.
 */
export const wbsIdentityKeptUntil = (closedOn: string, retentionDays: number): string => addDays(closedOn, retentionDays);
