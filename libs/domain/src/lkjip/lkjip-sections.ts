import { SECTION_KEYS, SectionKey } from './lkjip.events';

/** The sections with no text but whitespace, in the regulation's order: what stops a submission. */
export const blankSections = (texts: Partial<Record<SectionKey, string>>): SectionKey[] => SECTION_KEYS.filter((key) => !texts[key]?.trim());
