import { SECTION_KEYS, SectionKey } from '@app/domain/lkjip';
import { problem, ProblemException } from '../http/problem';

/** `…/sections/{key}`: one of the regulation's chapters, or 400 naming them. */
export function sectionKeyFrom(parameter: string): SectionKey {
  if (!(SECTION_KEYS as readonly string[]).includes(parameter)) {
    const message = `must be one of ${SECTION_KEYS.join(', ')}`;
    throw new ProblemException(problem(400, 'VALIDATION_FAILED', `key ${message}`, { errors: [{ field: 'key', message }] }));
  }
  return parameter as SectionKey;
}
