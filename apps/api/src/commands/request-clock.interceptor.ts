import { Clock } from '@app/platform';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';

export interface ClockReading {
  now: string;
  today: string;
}

/**
 * Reads the clock once per request, before the handler runs: the year a plan may have, the
 * day a report is dated and the instant its events carry all come from the same reading.
 */
@Injectable()
export class RequestClockInterceptor implements NestInterceptor {
  constructor(private readonly clock: Clock) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    context.switchToHttp().getRequest<{ clockReading?: ClockReading }>().clockReading = this.clock.read();
    return next.handle();
  }
}
