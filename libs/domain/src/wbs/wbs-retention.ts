import { addDays } from '../shared/calendar';

/**
 * A closed report's identity is kept WBS_IDENTITY_RETENTION_DAYS after the day it was CLOSED
 * (docs/domain.md, Whistleblowing 3) and erased on any day after: on `today`, those closed before
 * the day this answers. (today > closedOn + days, said as a bound a query can use.)
 */
export const wbsIdentityErasedIfClosedBefore = (today: string, retentionDays: number): string => addDays(today, -retentionDays);
