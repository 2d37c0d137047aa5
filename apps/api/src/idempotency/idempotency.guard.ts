import { canonicalJson } from '@app/event-store';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Principal } from '../auth/principal';
import { problem, ProblemException } from '../http/problem';
import { awaitAnswer } from './idempotent-answers';
import { IdempotentReplay } from './idempotent-replay';
import { IdempotencyStore } from './idempotency.store';
import { SHOWN_ONCE } from './shown-once';

/**
 * `Idempotency-Key` on a POST: the first answer is stored; a retry with the same key and body
 * gets it again without running anything; the same key with another body is a 409.
 *
 * The stored answer is a convenience; what makes a retry safe is the request id. It is derived
 * from the caller, the key and the request, and the events the request appends carry ids
 * derived from it. When a process dies between its append and storing the answer, the retry
 * that takes the abandoned claim over finds those events in the stream and answers from them
 * (handleCommand), instead of deciding, and appending, a second time.
 *
 * A guard that claims the key and a hook that stores the answer (idempotent-answers.ts), not an
 * interceptor: Nest wraps every intercepted handler in observables and two AsyncResource.bind
 * calls, which on Node 20 cost a write about 3 % of its CPU whether it carried a key or not.
 * Guards run after the AuthGuard (the caller's scope) and after a guard that reads the body
 * from an upload (SpreadsheetUploadGuard, placed below @WriteEndpoint), before the pipes.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal; requestId?: string }>();
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header.join(',') : header;
    if (request.method !== 'POST' || key === undefined) return true;
    if (key.length < 1 || key.length > 255) {
      throw new ProblemException(
        problem(400, 'VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 characters', {
          errors: [{ field: 'Idempotency-Key', message: 'length 1 to 255' }],
        }),
      );
    }
    const scope = request.principal?.sub ?? 'anonymous';
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const claim = await this.store.claim(scope, key, fingerprint);
    request.requestId = createHash('sha256').update(`${scope}\n${key}\n${fingerprint}`).digest('hex');
    switch (claim.kind) {
      case 'replay':
        throw new IdempotentReplay(claim.status, claim.body, claim.etag);
      case 'reused':
        throw new ProblemException(problem(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request'));
      case 'in_progress':
        throw new ProblemException(problem(409, 'IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still running'), { 'Retry-After': '1' });
    }
    awaitAnswer(request, { scope, key, shownOnce: this.reflector.get<string[] | undefined>(SHOWN_ONCE, context.getHandler()) });
    return true;
  }
}
