import { problem, ProblemException } from './problem';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `?asOf=<ISO instant>`; absent means now, from the read models. */
export function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const instant = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(instant.getTime())) {
    throw new ProblemException(
      problem(400, 'VALIDATION_FAILED', 'asOf must be an ISO 8601 instant', { errors: [{ field: 'asOf', message: 'not an ISO 8601 instant' }] }),
    );
  }
  return instant;
}
