import { DomainError } from '@app/domain';
import { hashFollowSecret, newFollowSecret, newTrackingCode, trackingCodeForRequest } from './follow-secret';

/** What a filing stores of its follow secret, and how its answer shows the secret: once. */
export interface FollowSecretIssue {
  followSecretHash: string;
  /**
   * The answer's code and secret. `storedHash` is the hash the stream holds after the write: a
   * retry that found the first attempt's filing holds that attempt's hash, whose secret was
   * shown then and is not known now (null).
   */
  answer(trackingCode: string, storedHash: string | null): { trackingCode: string; followSecret: string | null };
}

/**
 * Files a complaint or a WBS report under a tracking code and a fresh follow secret. With an
 * Idempotency-Key the code is the request's own, so a retry finds the first attempt's stream;
 * should another report hold that code already, the filing takes a fresh random one rather
 * than say so (30^8 codes make it rare).
 */
export async function fileFollowable<T>(requestId: string | undefined, file: (trackingCode: string, secret: FollowSecretIssue) => Promise<T>): Promise<T> {
  const followSecret = newFollowSecret();
  const followSecretHash = await hashFollowSecret(followSecret);
  const secret: FollowSecretIssue = {
    followSecretHash,
    answer: (trackingCode, storedHash) => ({ trackingCode, followSecret: storedHash === followSecretHash ? followSecret : null }),
  };
  try {
    return await file(requestId ? trackingCodeForRequest(requestId) : newTrackingCode(), secret);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ALREADY_EXISTS') return file(newTrackingCode(), secret);
    throw error;
  }
}
