import { isPosition } from '@app/event-store';
import { Projections } from '@app/projections';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { problem, ProblemException } from './problem';

export const MIN_POSITION_WAIT_MS = 5000;

/**
 * `X-Min-Position: <position>` on a GET waits until the read models have applied that
 * position (one a write answered), up to 5 s, then answers 503 with Retry-After. A guard, run
 * after the AuthGuard, rather than an interceptor: Nest wraps every handler that has an
 * interceptor in observables and async resources, which most reads would pay for nothing.
 */
@Injectable()
export class MinPositionGuard implements CanActivate {
  constructor(private readonly projections: Projections) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['x-min-position'];
    const position = Array.isArray(header) ? header.join(',') : header;
    if (request.method !== 'GET' || position === undefined) return true;
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
    return true;
  }
}
