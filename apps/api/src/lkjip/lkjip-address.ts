import { SECTION_KEYS, SectionKey } from '@app/domain/lkjip';
import { oneOfParameter } from '../http/one-of';

/** `…/sections/{key}`: one of the regulation's chapters, or 400 naming them. */
export const sectionKeyFrom = (parameter: string): SectionKey => oneOfParameter('key', SECTION_KEYS, parameter);
