import { CommandResult, Position } from '@app/event-store';
import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { problem, ProblemException } from './problem';

/** What every write answers (docs/api.md, Writes). */
export interface WriteResult {
  id: string;
  revision: number;
  position: Position | null;
}

export class WriteResultView implements WriteResult {
  @ApiProperty({ example: 'DINKES-2025' }) id: string;
  @ApiProperty({ example: 3 }) revision: number;
  @ApiProperty({ nullable: true, type: String, description: 'Send as X-Min-Position to read your own write' }) position: Position | null;
}

/** The answer to a write, its ETag, and where a new resource can be read (`location`). */
export function writeResult(reply: FastifyReply, id: string, result: Pick<CommandResult, 'revision' | 'position'>, location?: string): WriteResult {
  tagRevision(reply, result.revision);
  if (location) setLocation(reply, location);
  return { id, revision: result.revision, position: result.position };
}

/** `ETag: "<revision>"`: what a later If-Match sends back. */
export function tagRevision(reply: FastifyReply, revision: number): void {
  setHeader(reply, 'ETag', `"${revision}"`);
}

/** Where the resource a write created can be read. */
export function setLocation(reply: FastifyReply, path: string): void {
  setHeader(reply, 'Location', path);
}

function setHeader(reply: FastifyReply, name: string, value: string): void {
  // A FastifyReply is thenable; setting a header returns it, and there is nothing to await.
  void reply.header(name, value);
}

/**
 * `If-Match: "<revision>"` pins the write to that revision; absent (or `*`), the write is
 * checked against the revision the server reads.
 */
export function expectedRevisionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  // Quotes balanced or absent: `"3` is a typo, not a revision.
  const match = /^\s*(?:W\/)?(?:"(\d{1,15})"|(\d{1,15}))\s*$/.exec(ifMatch);
  if (!match)
    throw new ProblemException(
      problem(400, 'VALIDATION_FAILED', 'If-Match must be a revision such as "3"', { errors: [{ field: 'If-Match', message: 'must be "<revision>"' }] }),
    );
  return Number(match[1] ?? match[2]);
}
