import { Clock } from '@app/platform';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface ClockReading {
  now: string;
  today: string;
}

type ClockedRequest = FastifyRequest & { clockRead?: ClockReading | null };

/**
 * One clock reading per request, taken the first time the request asks for it (@Write,
 * @Today): the year a plan may have, the day a report is dated and the instant its events
 * carry all come from the same reading, and a request that never asks pays nothing.
 */
export function readClockOncePerRequest(fastify: FastifyInstance, clock: Clock): void {
  fastify.decorateRequest('clockRead', null);
  fastify.decorateRequest('clockReading', {
    getter(this: FastifyRequest): ClockReading {
      const request = this as ClockedRequest;
      return (request.clockRead ??= clock.read());
    },
  });
}

/** The day of this request's clock reading, for reads whose rules depend on the calendar. */
export const Today = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<{ clockReading: ClockReading }>().clockReading.today,
);
