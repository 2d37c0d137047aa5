import { Policy } from '../auth/policies';
import { notFound } from '../http/problem';

/**
 * Only the WBS officers act on reports (docs/domain.md, Whistleblowing 2). The routes' role says
 * so already; this says it again on the write itself, and as a 404: to anyone else a report is
 * no report.
 */
export const requireIsWbsOfficer: Policy<null> = (principal) => {
  if (!principal.roles.includes('wbs_officer')) throw notFound('No such report');
};

/** The reporter, anonymous: the controller has proved the follow secret, the whole of their right to act. */
export const theFollowSecretSuffices: Policy<null> = () => undefined;
