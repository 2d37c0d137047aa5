import { canonicalJson } from '@app/event-store';
import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { Principal } from '../auth/principal';
import { problem, ProblemException } from '../http/problem';

import { IdempotencyStore } from './idempotency.store';
import { SHOWN_ONCE, withoutShownOnce } from './shown-once';

/**
 * `Idempotency-Key` on a POST: the first answer is stored; a retry with the same key and body
 * gets it again without running anything; the same key with another body is a 409.
 *
 * The stored answer is a convenience; what makes a retry safe is the request id. It is derived
 * from the caller, the key and the request, and the events the request appends carry ids
 * derived from it. When a process dies between its append and storing the answer, the retry
 * that takes the abandoned claim over finds those events in the stream and answers from them
 * (handleCommand), instead of deciding, and appending, a second time.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal; requestId?: string }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header.join(',') : header;
    if (request.method !== 'POST' || key === undefined) return next.handle();
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
        void reply.status(claim.status).headers({ 'Idempotent-Replayed': 'true', ...(claim.etag ? { ETag: claim.etag } : {}) });
        return of(claim.body);
      case 'reused':
        throw new ProblemException(problem(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request'));
      case 'in_progress':
        throw new ProblemException(problem(409, 'IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still running'), { 'Retry-After': '1' });
    }
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const shownOnce = this.reflector.get<string[] | undefined>(SHOWN_ONCE, context.getHandler());
    return next.handle().pipe(
      mergeMap((body: unknown) => {
        const etag = reply.getHeader('etag');
        const stored = withoutShownOnce(body, shownOnce);
        return from(this.store.complete(scope, key, status, stored, typeof etag === 'string' ? etag : null).then(() => body));
      }),
      catchError((error: unknown) => from(this.store.release(scope, key)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}
