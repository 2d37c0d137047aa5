import { isPosition } from '@app/event-store';
import { Projections } from '@app/projections';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { problem, ProblemException } from './problem';

export const MIN_POSITION_WAIT_MS = 5000;

/**
 * `X-Min-Position: <position>` on a GET waits until the read models have applied that
 * position (one a write answered), up to 5 s, then answers 503 with Retry-After.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(private readonly projections: Projections) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['x-min-position'];
    const position = Array.isArray(header) ? header.join(',') : header;
    if (request.method !== 'GET' || position === undefined) return next.handle();
    if (!isPosition(position)) {
      throw new ProblemException(
        problem(400, 'VALIDATION_FAILED', 'X-Min-Position must be a position a write answered', {
          errors: [{ field: 'X-Min-Position', message: 'not a log position' }],
        }),
      );
    }
    if (!(await this.projections.waitForPosition(position, MIN_POSITION_WAIT_MS))) {
      throw new ProblemException(problem(503, 'UNAVAILABLE', 'The read models have not reached that position yet'), { 'Retry-After': '1' });
    }
    return next.handle();
  }
}
