import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** A retry whose first attempt has an answer stored: thrown by IdempotencyGuard so that nothing else runs. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly etag: string | null,
  ) {
    super('The answer to this Idempotency-Key is replayed');
  }
}

/** Sends the first attempt's answer again, marked as replayed. */
@Catch(IdempotentReplay)
export class IdempotentReplayFilter implements ExceptionFilter<IdempotentReplay> {
  catch(replay: IdempotentReplay, host: ArgumentsHost): void {
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(replay.status)
      .headers({ 'Idempotent-Replayed': 'true', ...(replay.etag ? { ETag: replay.etag } : {}) })
      .send(replay.body);
  }
}
