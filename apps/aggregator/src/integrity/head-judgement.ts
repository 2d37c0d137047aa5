import { SourceFault } from '../follow/bounded-fetch';

/** A ledger's integrity head as `/public/v1/integrity/head` answers it (apps/api/src/integrity). */
export interface Head {
  sequence: number;
  position: string;
  events: number;
  hash: string;
  previousHash: string;
  recordedAt: string;
}

/**
 * What a new head says about the history seen before it (docs/aggregator.md, What a head proves):
 * - `FIRST`: nothing was seen before; trusted on first sight, as every later head is checked against it;
 * - `SAME`: the head already seen, unchanged;
 * - `EXTENDS`: the next checkpoint, chained to the one seen (its previousHash is that hash);
 * - `GAP`: a later checkpoint whose chain to the one seen cannot be checked from heads alone
 *   (checkpoints between them were never shown as heads); later and further on, nothing more;
 * - `BROKEN`: no history that only grew can show both heads.
 */
export type HeadVerdict = 'FIRST' | 'SAME' | 'EXTENDS' | 'GAP' | 'BROKEN';

export interface Judgement {
  verdict: HeadVerdict;
  /** Why, for BROKEN: shown as evidence beside both heads. */
  reason?: string;
}

const HASH = /^[0-9a-f]{64}$/;
const POSITION = /^\d{20}-\d{20}$/;
/** The ledger's first checkpoint chains to this (libs/event-store/src/hash-chain.ts). */
export const GENESIS_HASH = '0'.repeat(64);

/** A head of the published shape, or a SourceFault: a malformed head is garbage, not evidence of tampering. */
export function parseHead(body: unknown): Head {
  const head = body as Partial<Head> | null;
  if (
    typeof head !== 'object' ||
    head === null ||
    !Number.isSafeInteger(head.sequence) ||
    (head.sequence as number) < 1 ||
    typeof head.position !== 'string' ||
    !POSITION.test(head.position) ||
    !Number.isSafeInteger(head.events) ||
    (head.events as number) < 1 ||
    typeof head.hash !== 'string' ||
    !HASH.test(head.hash) ||
    typeof head.previousHash !== 'string' ||
    !HASH.test(head.previousHash) ||
    typeof head.recordedAt !== 'string' ||
    Number.isNaN(Date.parse(head.recordedAt))
  ) {
    throw new SourceFault('answered an integrity head that is not of the published shape');
  }
  return {
    sequence: head.sequence!,
    position: head.position,
    events: head.events!,
    hash: head.hash,
    previousHash: head.previousHash,
    recordedAt: head.recordedAt,
  };
}

/** `latest`: the head of the highest sequence seen so far, or null. */
export function judgeHead(latest: Head | null, next: Head): Judgement {
  if (next.sequence === 1 && next.previousHash !== GENESIS_HASH) return broken('checkpoint 1 does not chain to the genesis hash');
  if (!latest) return { verdict: 'FIRST' };
  if (next.sequence < latest.sequence) return broken(`the head went back from checkpoint ${latest.sequence} to ${next.sequence}`);
  if (next.sequence === latest.sequence) {
    const same = next.hash === latest.hash && next.previousHash === latest.previousHash && next.position === latest.position && next.events === latest.events;
    return same ? { verdict: 'SAME' } : broken(`checkpoint ${next.sequence} was shown with different contents`);
  }
  if (next.position <= latest.position)
    return broken(`checkpoint ${next.sequence} covers up to ${next.position}, not past ${latest.position} of checkpoint ${latest.sequence}`);
  if (next.sequence === latest.sequence + 1) {
    return next.previousHash === latest.hash
      ? { verdict: 'EXTENDS' }
      : broken(`checkpoint ${next.sequence} does not chain to the hash of checkpoint ${latest.sequence}`);
  }
  return { verdict: 'GAP' };
}

const broken = (reason: string): Judgement => ({ verdict: 'BROKEN', reason });
