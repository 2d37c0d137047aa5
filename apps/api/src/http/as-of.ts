import { problem, ProblemException } from './problem';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date alone (2026-12-04) is refused: which zone's end of day it means would be a guess. */
const WANTED = 'a date with a time and a UTC offset, like 2026-12-04T23:59:59+07:00 or 2026-12-04T16:59:59Z';

/** `?asOf=<ISO instant>`; absent means now, from the read models. */
export function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const instant = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(instant.getTime())) {
    throw new ProblemException(problem(400, 'VALIDATION_FAILED', `asOf must be ${WANTED}`, { errors: [{ field: 'asOf', message: `must be ${WANTED}` }] }));
  }
  return instant;
}
