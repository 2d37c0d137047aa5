import { SetMetadata } from '@nestjs/common';

export const SHOWN_ONCE = 'kl:shown-once';

/**
 * Fields of a write's answer that are secrets shown once (a complaint's follow secret): the
 * stored answer a retry replays holds null in their place, so no secret lies in the idempotency
 * table. A retry therefore answers the first request's resource without its secret.
 */
export const ShownOnce = (...fields: string[]) => SetMetadata(SHOWN_ONCE, fields);

export function withoutShownOnce(body: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields?.length || typeof body !== 'object' || body === null) return body;
  return { ...body, ...Object.fromEntries(fields.map((field) => [field, null])) };
}
