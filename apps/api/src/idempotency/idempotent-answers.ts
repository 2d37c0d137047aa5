import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { IdempotencyStore } from './idempotency.store';
import { withoutShownOnce } from './shown-once';

/** A key this request claimed (IdempotencyGuard), whose answer is still to be stored. */
export interface ClaimedKey {
  scope: string;
  key: string;
  shownOnce: readonly string[] | undefined;
}

const claimed = new WeakMap<FastifyRequest, ClaimedKey>();

export function awaitAnswer(request: FastifyRequest, claim: ClaimedKey): void {
  claimed.set(request, claim);
}

/**
 * Stores the answer to a claimed key before it is sent, so that a retry arriving once the
 * client has it is replayed; a failed request releases its claim, so that a retry runs it
 * again. An answer that cannot be stored is still sent (the write has landed) and the claim is
 * released: a retry then finds the request's events in the stream and answers from them.
 */
export function storeIdempotentAnswers(fastify: FastifyInstance, store: IdempotencyStore, logger: Logger): void {
  // A callback hook: it runs for every answer, and almost none has a claimed key.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const claim = claimed.get(request);
    if (!claim) return done(null, payload);
    claimed.delete(request);
    const send = () => {
      try {
        done(null, payload);
      } catch (error) {
        logger.error({ requestId: request.id, reason: reasonOf(error) }, 'answer not sent');
      }
    };
    const failed = reply.statusCode >= 400;
    void (failed ? store.release(claim.scope, claim.key) : storeAnswer(store, claim, reply, payload))
      .catch(async (error: unknown) => {
        if (failed) return logger.warn({ requestId: request.id, reason: reasonOf(error) }, 'idempotency claim not released');
        logger.warn({ requestId: request.id, reason: reasonOf(error) }, 'idempotent answer not stored');
        await store.release(claim.scope, claim.key).catch(() => undefined);
      })
      .then(send, send);
  });
}

async function storeAnswer(store: IdempotencyStore, claim: ClaimedKey, reply: FastifyReply, payload: unknown): Promise<void> {
  const etag = reply.getHeader('etag');
  const body = withoutShownOnce(parsed(payload), claim.shownOnce);
  await store.complete(claim.scope, claim.key, reply.statusCode, body, typeof etag === 'string' ? etag : null);
}

/** The code only: a database's message may quote the values it was given. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
}

/** A write answers JSON, which Fastify has serialised by now. */
function parsed(payload: unknown): unknown {
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  return text === null || text === '' ? null : JSON.parse(text);
}
