import { ReviewOutcome } from './lkjip.events';

/**
 * A return needs notes (the unit has to know what to fix; a bare return tells it nothing);
 * acceptance needs none. The decider refuses on it and the HTTP layer asks it first, so that the
 * 400 names the field.
 */
export const returnLacksNotes = (outcome: ReviewOutcome, notes: string): boolean => outcome === 'RETURNED' && !notes.trim();
