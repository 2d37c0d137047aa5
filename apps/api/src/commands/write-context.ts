import { CommandMetadata, DomainCommand } from '@app/decider';
import { CommandOptions, resourceIdFor } from '@app/event-store';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { actorOf, Principal } from '../auth/principal';
import { expectedRevisionFrom } from '../http/write-result';
import { ClockReading } from '../http/request-clock';

/**
 * What every write carries into its command, built the same way for every endpoint: who asks
 * and when (the command's metadata), the revision the caller pinned with If-Match, and the
 * request id that makes a retried Idempotency-Key land on the events of the first attempt.
 */
export interface WriteContext {
  principal: Principal;
  metadata: CommandMetadata;
  options: CommandOptions;
}

/** A command as an endpoint states it; the write's metadata completes it. */
export type CommandBody<Command extends DomainCommand> = Command extends unknown ? Omit<Command, 'metadata'> : never;

/** The actor of a write made without a token (a survey answer, a complaint): nobody the log could name. */
const ANONYMOUS = { sub: 'anonymous', roles: [] };

interface WriteRequest {
  principal: Principal;
  clockReading: ClockReading;
  requestId?: string;
  headers: Record<string, string | string[] | undefined>;
}

export const Write = createParamDecorator((_data: unknown, context: ExecutionContext): WriteContext => {
  const request = context.switchToHttp().getRequest<WriteRequest>();
  const ifMatch = request.headers['if-match'];
  return {
    principal: request.principal,
    metadata: { actor: request.principal ? actorOf(request.principal) : ANONYMOUS, ...request.clockReading },
    options: { expectedRevision: expectedRevisionFrom(Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch), requestId: request.requestId },
  };
});

/** An id the server assigns to a new resource; a retry of the same request gets the same one. */
export function newResourceId(write: WriteContext, kind: string): string {
  return write.options.requestId ? resourceIdFor(write.options.requestId, kind) : randomUUID();
}
