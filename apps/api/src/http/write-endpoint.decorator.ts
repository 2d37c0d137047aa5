import { applyDecorators, HttpCode, Type, UseFilters, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { IdempotencyGuard } from '../idempotency/idempotency.guard';
import { IdempotentReplayFilter } from '../idempotency/idempotent-replay';
import { WriteResultView } from './write-result';

/**
 * Every write: its status (201 when it adds something, 200 when it moves a state), the
 * headers every write accepts, and the answer every write gives, documented the same way.
 * `answer` documents a write whose answer adds to WriteResult (an evaluation's predikat).
 * Idempotency-Key is handled here, on the writes only. A guard that must read the body before
 * the key's fingerprint is taken (an upload's) goes below this decorator: decorators apply from
 * the bottom, and guards run in the order they were applied.
 */
export function WriteEndpoint(status: 200 | 201, answer: Type<WriteResultView> = WriteResultView): MethodDecorator {
  return applyDecorators(
    HttpCode(status),
    UseGuards(IdempotencyGuard),
    UseFilters(IdempotentReplayFilter),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body answers as the first request did' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision ("3") the write is based on; 412 when the resource moved on' }),
    status === 201 ? ApiCreatedResponse({ type: answer }) : ApiOkResponse({ type: answer }),
  );
}
