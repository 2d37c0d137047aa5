import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** RFC 9457 problem details with a stable `code`, as the ledger answers them (docs/api.md). */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export const notFound = (detail: string) => new ProblemException(404, 'NOT_FOUND', detail);
export const invalidParameter = (field: string, message: string) => new ProblemException(400, 'VALIDATION_FAILED', `${field} ${message}`);

const TITLES: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error' };

/** Every error leaves as problem+json; what is not ours to explain is a 500 with nothing of its cause. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, code, detail] =
      error instanceof ProblemException
        ? [error.status, error.code, error.detail]
        : error instanceof HttpException
          ? [error.getStatus(), error.getStatus() === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', error.message]
          : [500, 'INTERNAL', 'Something went wrong on the aggregator'];
    if (status >= 500) this.logger.error(error instanceof Error ? error.message : String(error));
    void reply
      .status(status)
      .header('content-type', 'application/problem+json')
      .send({ type: `urn:kinerja-ledger:problem:${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Error', status, detail, code });
  }
}
