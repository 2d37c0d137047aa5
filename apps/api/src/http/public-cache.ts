import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * How long a CDN or browser may keep a public answer, and serve it stale while it fetches a new
 * one. Public answers change only when events arrive or the day turns (overdue, lateness), so
 * half a minute of staleness costs little and spares the service most of a crowd.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';

/** A strong validator of exactly these bytes. */
export const entityTag = (body: string | Buffer): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether If-None-Match names `tag` (a list, a weak form, or `*`): the client's copy is current. */
export function notModified(request: FastifyRequest, tag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === tag);
}

/**
 * Sends a public answer with its ETag and Cache-Control; a 304 with no body when the client's
 * copy is current. `body` is the serialised answer, so the tag is of the bytes sent. The reply is
 * sent here (the route takes `@Res()` without passthrough): Nest would otherwise set its own status.
 */
export async function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: string, contentType: string): Promise<void> {
  const tag = entityTag(body);
  void reply.header('ETag', tag).header('Cache-Control', PUBLIC_CACHE_CONTROL).header('Vary', 'Accept-Encoding');
  if (notModified(request, tag)) await reply.status(304).send();
  else await reply.status(200).header('Content-Type', contentType).send(body);
}
