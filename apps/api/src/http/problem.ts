/** RFC 9457 problem details, as docs/api.md fixes them: `code` and, for bad fields, `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, extensions: Partial<Problem> = {}): Problem {
  return {
    type: `urn:kinerja-ledger:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extensions,
  };
}

/** Thrown anywhere in the HTTP layer to answer exactly this problem. */
export class ProblemException extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
}

/** 403: the caller is known, and this is not theirs to do. */
export const forbidden = (detail: string) => new ProblemException(problem(403, 'FORBIDDEN', detail));

/** 404 for anything the caller named that is not there. The detail never names a person: problem details reach logs. */
export const notFound = (detail: string) => new ProblemException(problem(404, 'NOT_FOUND', detail));

/** 400 for one bad part of the address or query, as the validation pipe answers bad body fields. */
export const invalidParameter = (field: string, message: string) =>
  new ProblemException(problem(400, 'VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] }));
